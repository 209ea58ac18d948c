/** Percentages that add up: the pane's split of the Bemessungsgrundlage. */
import { describe, expect, it } from "vitest";
import { aufteilungText } from "../../addin/src/aufteilung";
import { ganzeProzenteDieAufgehen } from "../../shared/format";

describe("the split of the Bemessungsgrundlage", () => {
  it("whole percentages that add up to the rounded total (largest remainders)", () => {
    expect(ganzeProzenteDieAufgehen([0.695, 0.305])).toEqual([70, 30]);
    expect(ganzeProzenteDieAufgehen([0.7, 0.3])).toEqual([70, 30]);
    expect(ganzeProzenteDieAufgehen([0.333, 0.333, 0.334])).toEqual([33, 33, 34]);
  });

  it("70/30: no sum needed; 87/30: the sum is said, and no cause the numbers do not show (issue #27)", () => {
    expect(aufteilungText(0.7, 0.3, 0.7, "de")).toBe(
      "Landesmittel 70 % · Eigenanteil 30 % der Bemessungsgrundlage (Land höchstens 70 %)",
    );
    expect(aufteilungText(0.87, 0.3, 0.7, "de")).toBe(
      "Landesmittel 87 % · Eigenanteil 30 % der Bemessungsgrundlage (Land höchstens 70 %) – zusammen 117 %: 17 % mehr als die Bemessungsgrundlage.",
    );
    expect(aufteilungText(0.6, 0.3, 0.7, "de")).toContain(
      "– zusammen 90 %: 10 % der Bemessungsgrundlage sind nicht gedeckt.",
    );
  });
});
