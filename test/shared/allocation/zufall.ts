/** Random regions and settings for the allocation's property tests and the reliability suite. */
import fc from "fast-check";
import { expect } from "vitest";
import { allocationRequestSchema, verteile, type Region } from "../../../shared";

/** A plausible region built from its indicator values, so that every indicator can be controlled. */
export const regionArb = fc
  .record({
    einwohner: fc.integer({ min: 500, max: 500_000 }),
    jung: fc.double({ min: 0.1, max: 0.3, noNaN: true }),
    alt: fc.double({ min: 0.15, max: 0.35, noNaN: true }),
    quote: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
    flaeche: fc.integer({ min: 100, max: 200_000 }).map((x) => x / 100),
  })
  .map(({ einwohner, jung, alt, quote, flaeche }) => {
    const unter_20 = Math.round(einwohner * jung);
    const ab_65 = Math.round(einwohner * alt);
    return {
      einwohner,
      unter_20,
      von_20_bis_unter_65: einwohner - unter_20 - ab_65,
      ab_65,
      mindestsicherung: Math.round(einwohner * quote),
      flaeche_km2: flaeche,
    };
  });

export const regionenArb = fc
  .array(regionArb, { minLength: 1, maxLength: 40 })
  .map((rs) => rs.map((r, i): Region => ({ schluessel: `R${String(i).padStart(3, "0")}`, ...r })));

export const verfahrenArb = fc.record({
  normierung: fc.constantFrom("summe_der_kreiswerte" as const, "bevoelkerungsgewichtet" as const),
  rundung: fc.constantFrom("euro" as const, "cent" as const),
});

export type Verfahren = typeof verfahrenArb extends fc.Arbitrary<infer T> ? T : never;

/** Σ of the amounts is the budget to the cent; returns the result for further checks. */
/** A random allocation: regions, a budget in cents up to 20 Mio. €, a procedure. */
export const verteilungArb = fc.tuple(regionenArb, fc.integer({ min: 0, max: 2_000_000_000 }), verfahrenArb);

export function verteileExakt(regionen: Region[], budgetCent: number, v: Verfahren) {
  const budget = v.rundung === "euro" ? Math.floor(budgetCent / 100) : budgetCent / 100;
  const e = verteile(
    allocationRequestSchema.parse({
      regelwerk: "LSZ-2019",
      foerderjahr: 2019,
      ebene: "frei",
      haushaltsmittel_eur: budget,
      verfahren: v,
      regionen,
    }),
  );
  expect(e.berechnet).toBe(true);
  expect(e.regionen.reduce((s, r) => s + Math.round(r.foerderhoechstbetrag_eur! * 100), 0)).toBe(
    Math.round(budget * 100),
  );
  return e;
}
