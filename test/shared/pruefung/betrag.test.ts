/**
 * The hot path of an amount cell (shared/pruefung/lesen.ts, liesBetragSchnell) reads every value as
 * the one reader of euro cells, liesBetrag, does: empty cells, whole numbers near every limit (0, -0,
 * negative, MAX_EURO and beyond), fractions, the texts people type („10.000,00 €“, „6.000,- €“,
 * „1.50“, „25 %“, „#NV“), and anything else a reader might hand on. Twice for a text, as the second
 * reading comes from its memo.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_EURO, liesBetrag } from "../../../shared/geld";
import { liesBetragSchnell } from "../../../shared/pruefung/betraege";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../../hilfen/saat";

const zelle = fc.oneof(
  fc.constantFrom(null, undefined, 0, -0, 1, -1, MAX_EURO, MAX_EURO + 1, -MAX_EURO, 2 ** 53, 1e308),
  fc.constantFrom(NaN, Infinity, -Infinity, 0.1 + 0.2, 445785.001, 12.5, 5e-324, true, false),
  fc.constantFrom("10.000,00 €", "6.000,- €", "1.50", "0.50", "25 %", "#NV", "", " ", "-5", "12000"),
  fc.integer({ min: -1000, max: 2 * MAX_EURO }),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constantFrom({}, [], [1], 10n),
);

describe("liesBetragSchnell", () => {
  it("reads every value as liesBetrag does", { timeout: EIGENSCHAFT_ZEIT_MS }, () => {
    fc.assert(
      fc.property(zelle, (w) => {
        expect(liesBetragSchnell(w)).toStrictEqual(liesBetrag(w));
        expect(liesBetragSchnell(w)).toStrictEqual(liesBetrag(w));
        expect(
          Object.is(
            (liesBetragSchnell(w) as { cent?: number }).cent,
            (liesBetrag(w) as { cent?: number }).cent,
          ),
        ).toBe(true);
      }),
      { numRuns: 5000, seed: SAAT },
    );
  });
});
