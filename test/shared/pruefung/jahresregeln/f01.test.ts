/**
 * The year-sum rule F01 (shared/pruefung/regeln/jahr/f01.ts): a plan that breaks it and a near miss that
 * does not, with the Musterplan of test/hilfen/plan.ts.
 */
import { describe, expect, it } from "vitest";
import { codes, mitZeile, pruefePlan } from "../../../hilfen/plan";

describe("F01: Landesmittel über der Landesquote (je Förderjahr)", () => {
  it("F01: Σ Landesmittel above 70 % of Σ Bemessungsgrundlage; exactly 70 % passes", () => {
    const e = mitZeile(0, { landesmittel: 14000.01, eigenmittel_kreis: 5999.99 });
    const f01 = e.befunde.filter((b) => b.regel === "F01");
    expect(f01).toHaveLength(1);
    expect(f01[0]).toMatchObject({ schwere: "fehler", zeile: null, tabelle: "finanzplan" });
    expect(f01[0]!.meldung).toBe(
      "2019: Landesmittel 100.100,01 € sind 70,00001 % der Bemessungsgrundlage 143.000,00 €; zulässig sind höchstens 70 % (100.100,00 €). So beheben: Landesmittel um 0,01 € kürzen oder die Bemessungsgrundlage auf 143.000,02 € erhöhen.",
    );
    expect(codes(pruefePlan())).not.toContain("F01");
  });
});
