import { describe, expect, it } from "vitest";
import { liesZeitraum } from "../../../shared";

describe("liesZeitraum: the wording plans use for Beginn and Ende", () => {
  const faelle: [unknown, string | null, string | null][] = [
    ["01.02.2019", "2019-02-01", "2019-02-01"],
    ["1.2.19", "2019-02-01", "2019-02-01"],
    ["2019-02-01", "2019-02-01", "2019-02-01"],
    [43497, "2019-02-01", "2019-02-01"], // Excel date number
    ["43497", "2019-02-01", "2019-02-01"],
    ["ab Februar 2019", "2019-02-01", "2019-02-28"],
    ["September 2019", "2019-09-01", "2019-09-30"],
    ["ab Sept. 2019", "2019-09-01", "2019-09-30"],
    ["09/2019", "2019-09-01", "2019-09-30"],
    ["ab zweitem Quartal 2019", "2019-04-01", "2019-06-30"],
    ["2. Quartal 2019", "2019-04-01", "2019-06-30"],
    ["Q4 2020", "2020-10-01", "2020-12-31"],
    ["ab 2. Halbjahr 2019", "2019-07-01", "2019-12-31"],
    ["ab zweitem Halbjahr 2019", "2019-07-01", "2019-12-31"],
    ["erstes Halbjahr 2020", "2020-01-01", "2020-06-30"],
    ["ab Frühjahr 2019", "2019-03-01", "2019-05-31"],
    ["Herbst 2020", "2020-09-01", "2020-11-30"],
    ["Winter 2019", "2019-12-01", "2020-02-29"],
    ["Ende 2021", "2021-10-01", "2021-12-31"],
    ["2020", "2020-01-01", "2020-12-31"],
    ["bis Dezember 2021", "2021-12-01", "2021-12-31"],
  ];
  for (const [text, von, bis] of faelle) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(liesZeitraum(text)).toEqual({ art: "zeitraum", von, bis });
    });
  }

  it("reads ongoing wording", () => {
    for (const t of [
      "fortlaufend",
      "Bestandssicherung fortlaufend",
      "Bestandssicherung fortlaufend + Ausbau ab 2019",
      "laufend",
      "unbefristet",
    ]) {
      expect(liesZeitraum(t), t).toEqual({ art: "fortlaufend" });
    }
  });

  it("says what it cannot read, and what is empty", () => {
    for (const t of ["irgendwann", "31.02.2019", "13/2019", "fünftes Quartal 2019", "Frühjahr", true])
      expect(liesZeitraum(t), String(t)).toEqual({ art: "unlesbar" });
    for (const t of [null, undefined, "", "  "]) expect(liesZeitraum(t)).toEqual({ art: "leer" });
  });
});
