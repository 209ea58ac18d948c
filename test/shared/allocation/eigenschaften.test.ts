/**
 * Properties of the allocation that must hold for any budget and any regions (fast-check).
 */
import fc from "fast-check";
import { nichtEndlicheZahlen } from "../../hilfen/endlich";
import { describe, expect, it } from "vitest";
import { allocationRequestSchema, verteile, type AllocationRequest, type Region } from "../../../shared";
import { regionenArb, verfahrenArb, verteileExakt, verteilungArb } from "./zufall";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../../hilfen/saat";

function anfrage(
  regionen: Region[],
  haushaltsmittel_eur: number,
  verfahren: Partial<NonNullable<AllocationRequest["verfahren"]>> = {},
) {
  return allocationRequestSchema.parse({
    regelwerk: "LSZ-2019",
    foerderjahr: 2019,
    ebene: "frei",
    haushaltsmittel_eur,
    verfahren,
    regionen,
  });
}

const cent = (eur: number) => Math.round(eur * 100);

describe("allocation properties", () => {
  it(
    "Σ of the amounts is exactly the budget, to the cent, and every amount is in the rounding unit",
    { timeout: EIGENSCHAFT_ZEIT_MS },
    () => {
      fc.assert(
        fc.property(verteilungArb, ([regionen, budgetCent, v]) => {
          const e = verteileExakt(regionen, budgetCent, v);
          for (const r of e.regionen) {
            expect(r.foerderhoechstbetrag_eur).toBeGreaterThanOrEqual(0);
            if (v.rundung === "euro") expect(Number.isInteger(r.foerderhoechstbetrag_eur)).toBe(true);
            // The explanation adds up: Σ indicator parts + rounding difference = amount, to the cent.
            const teile = Object.values(r.betraege_je_indikator_eur).reduce<number>(
              (s, x) => s + cent(x!),
              0,
            );
            expect(teile + cent(r.rundungsdifferenz_eur!) + cent(r.sockelbetrag_eur!)).toBe(
              cent(r.foerderhoechstbetrag_eur!),
            );
            expect(Math.abs(r.rundungsdifferenz_eur!)).toBeLessThanOrEqual(
              v.rundung === "euro" ? 1.02 : 0.03,
            );
          }
        }),
        { numRuns: 300, seed: SAAT },
      );
    },
  );

  it("permuting the input permutes the output", { timeout: EIGENSCHAFT_ZEIT_MS }, () => {
    fc.assert(
      fc.property(
        regionenArb.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
        ),
        fc.integer({ min: 1, max: 50_000_000 }),
        ([regionen, gemischt], budget) => {
          const a = verteile(anfrage(regionen, budget));
          const b = verteile(anfrage(gemischt, budget));
          const nachSchluessel = new Map(a.regionen.map((r) => [r.schluessel, r]));
          for (const r of b.regionen) expect(r).toEqual(nachSchluessel.get(r.schluessel));
        },
      ),
      { numRuns: 200, seed: SAAT },
    );
  });

  it(
    "scaling the budget scales the amounts within one rounding unit",
    { timeout: EIGENSCHAFT_ZEIT_MS },
    () => {
      fc.assert(
        fc.property(
          regionenArb,
          fc.integer({ min: 1, max: 10_000_000 }),
          fc.integer({ min: 2, max: 50 }),
          (regionen, budget, faktor) => {
            const a = verteile(anfrage(regionen, budget));
            const b = verteile(anfrage(regionen, budget * faktor));
            a.regionen.forEach((r, i) => {
              // Both are within one euro of their exact quota; the scaled quota is faktor × the first.
              const quote = r.anteil_gesamt! * budget;
              expect(Math.abs(r.foerderhoechstbetrag_eur! - quote)).toBeLessThan(1 + 1e-6);
              expect(Math.abs(b.regionen[i]!.foerderhoechstbetrag_eur! - faktor * quote)).toBeLessThan(
                1 + 1e-6,
              );
            });
          },
        ),
        { numRuns: 200, seed: SAAT },
      );
    },
  );

  it("a region with more of every indicator never gets less", { timeout: EIGENSCHAFT_ZEIT_MS }, () => {
    fc.assert(
      fc.property(
        regionenArb,
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.record({
          mehrEinwohner: fc.integer({ min: 1, max: 100_000 }),
          mehrJung: fc.integer({ min: 0, max: 5000 }),
          mehrMs: fc.integer({ min: 0, max: 5000 }),
          mehrFlaeche: fc.integer({ min: 0, max: 10_000 }),
        }),
        verfahrenArb,
        (regionen, budget, d, v) => {
          const basis = regionen[0]!;
          const e0 = basis.einwohner as number;
          const faktor = (e0 + d.mehrEinwohner) / e0;
          // Scale every count with the inhabitants (same quotas), then add more on top of each.
          const u20 = Math.round((basis.unter_20 as number) * faktor) + d.mehrJung;
          const a65 = Math.round((basis.ab_65 as number) * faktor);
          const mitte = Math.round((basis.von_20_bis_unter_65 as number) * faktor);
          const e = u20 + a65 + mitte;
          // Keep the ratios at least as high despite rounding: recompute from the basis ratios, rounding up.
          const ms = Math.ceil(((basis.mindestsicherung as number) / e0) * e) + d.mehrMs;
          const flaeche =
            Math.ceil(((basis.flaeche_km2 as number) / e0) * e * 100) / 100 + d.mehrFlaeche / 100;
          const jugendOk = u20 / mitte >= (basis.unter_20 as number) / (basis.von_20_bis_unter_65 as number);
          const altOk = a65 / mitte >= (basis.ab_65 as number) / (basis.von_20_bis_unter_65 as number);
          fc.pre(jugendOk && altOk && e > e0 && ms <= e);
          const groesser: Region = {
            schluessel: "ZZZ",
            einwohner: e,
            unter_20: u20,
            von_20_bis_unter_65: mitte,
            ab_65: a65,
            mindestsicherung: ms,
            flaeche_km2: flaeche,
          };
          const erg = verteile(anfrage([...regionen, groesser], budget, v));
          expect(erg.berechnet).toBe(true);
          const klein = erg.regionen[0]!;
          const gross = erg.regionen[erg.regionen.length - 1]!;
          for (const k of ["abhaengigenquotient", "mindestsicherungsquote", "km2_je_einwohner"] as const) {
            expect(gross.indikatoren[k]!).toBeGreaterThanOrEqual(klein.indikatoren[k]!);
          }
          expect(gross.foerderhoechstbetrag_eur!).toBeGreaterThanOrEqual(klein.foerderhoechstbetrag_eur!);
        },
      ),
      { numRuns: 300, seed: SAAT },
    );
  });

  it(
    "never NaN or Infinity, never an exception, whatever the cells hold",
    { timeout: EIGENSCHAFT_ZEIT_MS },
    () => {
      const zelle = fc.oneof(
        fc.constant(null),
        fc.double({ noNaN: true, noDefaultInfinity: true }), // Excel and JSON have neither
        fc.integer({ min: -10, max: 1e9 }),
        fc.string({ maxLength: 12 }),
        fc.constantFrom("1.234,5", "0", "-0", "1e400", "12 %", "€"),
      );
      const wildeRegion = fc.record({
        schluessel: fc.string({ minLength: 1, maxLength: 4 }),
        gehoert_zu: fc.option(fc.string({ minLength: 1, maxLength: 4 })),
        einwohner: zelle,
        unter_20: zelle,
        von_20_bis_unter_65: zelle,
        ab_65: zelle,
        mindestsicherung: zelle,
        flaeche_km2: zelle,
        vorjahr_eur: zelle,
        km2_je_einwohner_angegeben: zelle,
      });
      fc.assert(
        fc.property(
          fc.array(wildeRegion, { minLength: 1, maxLength: 12 }),
          fc.double({ min: 0, max: 1e9, noNaN: true }),
          (regionen, budget) => {
            // Every generated request has the API's shape, so every case is distributed (none skipped).
            const parsed = allocationRequestSchema.parse({
              foerderjahr: 2019,
              haushaltsmittel_eur: budget,
              regionen: regionen.map((r) => ({ ...r, gehoert_zu: r.gehoert_zu ?? undefined })),
            });
            const e = verteile(parsed);
            expect(nichtEndlicheZahlen(e)).toEqual([]);
            if (e.berechnet) expect(cent(e.summe_eur!)).toBe(cent(budget));
          },
        ),
        { numRuns: 500, seed: SAAT },
      );
    },
  );
});
