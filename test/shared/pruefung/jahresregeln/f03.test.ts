/**
 * The year-sum rule F03 (shared/pruefung/regeln/jahr/f03.ts): a plan that breaks it and a near miss that
 * does not, with the Musterplan of test/hilfen/plan.ts.
 */
import { describe, expect, it } from "vitest";
import { codes, mitZeile } from "../../../hilfen/plan";

describe("F03: Eigenanteil unter dem Mindestanteil (je Förderjahr)", () => {
  it("F03: Eigenanteil below 30 %; exactly 30 % passes", () => {
    const e = mitZeile(0, { eigenmittel_kreis: 5999.99 });
    expect(codes(e)).toEqual(["F04", "F03"]);
    expect(e.befunde[1]!.meldung).toContain("nötig sind mindestens 30 % (42.900,00 €)");
  });
});
