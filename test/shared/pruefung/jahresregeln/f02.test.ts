/**
 * The year-sum rule F02 (shared/pruefung/regeln/jahr/f02.ts): a plan that breaks it and a near miss that
 * does not, with the Musterplan of test/hilfen/plan.ts.
 */
import { describe, expect, it } from "vitest";
import { plan, pruefePlan } from "../../../hilfen/plan";

describe("F02: Landesmittel über dem Förderhöchstbetrag (je Förderjahr)", () => {
  it("F02: Σ Landesmittel above the Förderhöchstbetrag; equal passes", () => {
    const e = pruefePlan({ kreis: { ...plan().kreis, foerderhoechstbetrag_eur: "100.099,99 €" } });
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "F02",
        meldung: "2019: Landesmittel 100.100,00 € übersteigen den Förderhöchstbetrag 100.099,99 € um 0,01 €.",
      }),
    ]);
  });
});
