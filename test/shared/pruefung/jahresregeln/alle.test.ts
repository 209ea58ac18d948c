/**
 * The year-sum rules as a set: each rule object that decides a year is listed in JAHRESREGELN (else
 * its verdict is never computed and it would stay silent), and each is decided for every year.
 */
import { describe, expect, it } from "vitest";
import { PRUEFREGELN } from "../../../../shared/pruefung/regeln";
import { JAHRESREGELN } from "../../../../shared/pruefung/regeln/jahr";
import { plan, pruefePlan } from "../../../hilfen/plan";

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
});
