/**
 * Whatever the cells hold, the rule engine answers with findings: never an exception, never NaN or
 * Infinity, one result row per row sent, and every finding pointing at a row that exists.
 */
import fc from "fast-check";
import { nichtEndlicheZahlen } from "../../hilfen/endlich";
import { describe, expect, it } from "vitest";
import { pruefe, validationRequestSchema } from "../../../shared";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../../hilfen/saat";

const zelle = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }), // Excel and JSON have neither
  fc.integer({ min: -1e6, max: 1e12 }),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    "1.234,56 €",
    "HF 4",
    "ab zweitem Quartal 2019",
    "fortlaufend",
    "Bestandssicherung",
    "ja",
    "Landkreis",
    "GmbH",
    "1.1",
    "2019",
    "12,345",
    "-0",
    "1e400",
    "70 %",
  ),
);

const massnahme = fc.record({
  nr: zelle,
  titel: zelle,
  handlungsfeld: zelle,
  art: zelle,
  bestandsschutz_kategorie: zelle,
  landeszuwendung_2017: zelle,
  traeger: zelle,
  traegerart: zelle,
  gemeinnuetzig: zelle,
  beginn: zelle,
  ende: zelle,
});
const zeile = fc.record({
  massnahme_nr: fc.oneof(zelle, fc.constantFrom("1.1", "2.1")),
  jahr: fc.oneof(zelle, fc.constantFrom(2019, 2020, "2021")),
  personalausgaben: zelle,
  sachausgaben: zelle,
  verwaltungsausgaben: zelle,
  honorarausgaben: zelle,
  investitionen: zelle,
  drittmittel: zelle,
  eigenmittel_kreis: zelle,
  anteil_gemeinden: zelle,
  landesmittel: zelle,
  gesamtausgaben: zelle,
  bemessungsgrundlage: zelle,
});

describe("rule engine robustness", () => {
  it("any cell content gives findings, never an exception or NaN", { timeout: EIGENSCHAFT_ZEIT_MS }, () => {
    fc.assert(
      fc.property(
        fc.array(massnahme, { maxLength: 8 }),
        fc.array(zeile, { maxLength: 8 }),
        fc.record({
          schluessel: zelle,
          name: zelle,
          foerderstufe: zelle,
          foerderhoechstbetrag_eur: zelle,
          fachplan_datum: zelle,
        }),
        fc.constantFrom(2019, 2020, 2023),
        (massnahmen, finanzplan, kreis, foerderjahr) => {
          // Every generated request has the API's shape (cells as Excel and JSON can hold them), so each
          // run checks a plan; a shape error would fail here rather than skip the case.
          const anfrage = validationRequestSchema.parse({ foerderjahr, kreis, massnahmen, finanzplan });
          const e = pruefe(anfrage);
          expect(nichtEndlicheZahlen(e)).toEqual([]);
          expect(e.zeilen.massnahmen).toHaveLength(massnahmen.length);
          expect(e.zeilen.finanzplan).toHaveLength(finanzplan.length);
          for (const b of e.befunde) {
            if (b.zeile === null) continue;
            // M10/M14 point at the Begründungen table: a row of it, or the row below it.
            const n =
              b.tabelle === "massnahmen"
                ? massnahmen.length
                : b.tabelle === "finanzplan"
                  ? finanzplan.length
                  : (anfrage.handlungsfelder_ohne_massnahme?.length ?? 0) + 1;
            expect(b.zeile).toBeGreaterThanOrEqual(1);
            expect(b.zeile).toBeLessThanOrEqual(n);
          }
        },
      ),
      { numRuns: 400, seed: SAAT },
    );
  });
});
