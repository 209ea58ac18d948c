/**
 * The year-sum rule F13 (shared/pruefung/regeln/jahr/f13.ts): a plan that breaks it and a near miss that
 * does not, with the Musterplan of test/hilfen/plan.ts.
 */
import { describe, expect, it } from "vitest";
import { plan, pruefePlan } from "../../../hilfen/plan";

describe("F13: Förderhöchstbetrag nicht ausgeschöpft (je Förderjahr)", () => {
  it("F13: Landesmittel below the Förderhöchstbetrag, with the amount needed to draw it all", () => {
    const e = pruefePlan({ kreis: { ...plan().kreis, foerderhoechstbetrag_eur: 445785 } });
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "F13",
        schwere: "hinweis",
        meldung:
          "2019: 345.685,00 € des Förderhöchstbetrags 445.785,00 € sind nicht beantragt (Landesmittel 100.100,00 €). So beheben: um ihn ganz auszuschöpfen, muss die Bemessungsgrundlage 636.835,72 € erreichen (445.785,00 € ÷ 70 %, auf den Cent aufgerundet); sie beträgt 143.000,00 €.",
      }),
    ]);
  });
});
