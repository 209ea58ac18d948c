/**
 * The year-sum rules as a set: each rule object that decides a year is listed in JAHRESREGELN (else
 * its verdict is never computed and it would stay silent), and each is decided for every year.
 */
import { describe, expect, it } from "vitest";
import { PRUEFREGELN } from "../../../../shared/pruefung/regeln";
import { JAHRESREGELN } from "../../../../shared/pruefung/regeln/jahr";
import { FINANZPLAN, plan, pruefePlan } from "../../../hilfen/plan";

describe("the year-sum rules", () => {
  it("every year rule of PRUEFREGELN is in JAHRESREGELN, and every one of them runs", () => {
    const jahresregeln = PRUEFREGELN.filter((r) => "entscheide" in r);
    expect(new Set(jahresregeln)).toEqual(new Set(JAHRESREGELN));
    expect(jahresregeln.length).toBeGreaterThan(0);
  });

  it("the year summary lists each of them as decided or open, for every year", () => {
    const e = pruefePlan();
    const codes = JAHRESREGELN.map((r) => r.code);
    for (const summe of Object.values(e.summen)) {
      expect([...summe.regeln_vollstaendig, ...summe.regeln_offen].sort()).toEqual([...codes].sort());
    }
    expect(Object.keys(e.summen)).toEqual([String(plan().foerderjahr)]);
  });

  it("a plan sorted by Maßnahme with the latest year first is judged and named year by year, in order", () => {
    // Kreise sort their Finanzplan by Nr and often write the latest year on top; the years' findings,
    // the open years (F14) and the summary still come in year order.
    const jahre = [2021, 2020, 2019];
    const finanzplan = FINANZPLAN.flatMap((z) =>
      jahre.map((jahr) => ({
        ...z,
        jahr,
        // 2021 and 2019: too little own share (F03); 2020: one unreadable cell.
        ...(jahr !== 2020 ? { eigenmittel_kreis: 1000 } : {}),
        ...(jahr === 2020 && z.massnahme_nr === "1.1" ? { sachausgaben: "ca. 500" } : {}),
      })),
    );
    const e = pruefePlan({ foerderjahr: [2019, 2020, 2021], finanzplan });
    expect(Object.keys(e.summen)).toEqual(["2019", "2020", "2021"]);
    const jahrDerMeldung = (regel: string) =>
      e.befunde.filter((b) => b.regel === regel).map((b) => Number(b.meldung.slice(0, 4)));
    for (const regel of ["F01", "F03", "F13"]) {
      const gefunden = jahrDerMeldung(regel);
      expect(gefunden, regel).toEqual([...gefunden].sort((a, b) => a - b));
    }
    expect(jahrDerMeldung("F03")).toEqual([2019, 2021]);
    expect(e.summen["2020"]!.unlesbare_zeilen.length).toBe(1);
  });
});
