/**
 * Z03 passes over a Finanzplan row whose reading shows no sign of an error value (the hot path:
 * shared/pruefung/regeln/fehlerwerte.ts, kannFehlerwertHaben). No row with an error value in any cell
 * may be passed over: error values as Excel shows them in German and English (Microsoft support, „How
 * to correct a #N/A error“ and the pages beside it), in other display languages („#VALEUR!“, „#N/D“),
 * with blanks around them, next to every other kind of cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXCEL_FEHLERWERTE, excelFehler } from "../../../shared/excel-fehler";
import { liesFinanzzeile } from "../../../shared/pruefung/lesen";
import { kannFehlerwertHaben } from "../../../shared/pruefung/regeln/fehlerwerte";
import { FINANZPLAN_FELDER, type FinanzplanZeile } from "../../../shared/pruefung/schema";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../../hilfen/saat";

const fehlertext = fc.oneof(
  fc.constantFrom(...EXCEL_FEHLERWERTE.flatMap((f) => [f.de, f.en])),
  fc.constantFrom("#VALEUR!", "#N/D", "#Н/Д", "#nv", " #NV ", "\u00a0#DIV/0!", "#BEZUG!\n"),
);
const zelle = fc.oneof(
  { weight: 3, arbitrary: fehlertext },
  { weight: 1, arbitrary: fc.constantFrom(null, 0, 2019, 7700, "2019", "4.1", "10.000,00 €", "#1", " ", "") },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean()) },
);
const zeile = fc.record(
  Object.fromEntries(FINANZPLAN_FELDER.map((f) => [f, fc.option(zelle, { freq: 3 })])),
) as fc.Arbitrary<FinanzplanZeile>;

describe("kannFehlerwertHaben", () => {
  it("never passes over a row with an error value", { timeout: EIGENSCHAFT_ZEIT_MS }, () => {
    fc.assert(
      fc.property(zeile, (roh) => {
        const mitFehler = FINANZPLAN_FELDER.some((f) => excelFehler(roh[f]) !== null);
        if (mitFehler) expect(kannFehlerwertHaben(liesFinanzzeile(roh, 1))).toBe(true);
      }),
      { numRuns: 5000, seed: SAAT },
    );
  });

  it("one error value in each field alone", () => {
    for (const feld of FINANZPLAN_FELDER)
      for (const f of EXCEL_FEHLERWERTE) {
        const roh = { ...Object.fromEntries(FINANZPLAN_FELDER.map((x) => [x, null])), [feld]: ` ${f.de} ` };
        expect(kannFehlerwertHaben(liesFinanzzeile(roh as FinanzplanZeile, 1)), `${feld} ${f.de}`).toBe(true);
      }
  });
});
