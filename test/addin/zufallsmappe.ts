/**
 * Random workbooks for the write-back property: shuffled columns, a user's extra column, the table not
 * at A1, empty cells, text in number cells, 0–n rows. Used by the gateway test and the reliability suite.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import type { Wert } from "../../addin/src/gateway/excel-api";
import { createGateway } from "../../addin/src/gateway/gateway";
import { fraglicherFehlerwert } from "../../addin/src/gateway/lesen";
import { FINANZPLAN, MASSNAHMEN, PARAMETER, parameterZeilen } from "../../shared";
import { geaenderteEingaben } from "./fake-hilfen";

const zelle = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("1.234,56 €", "viel", "HF 4", "neu", "ab 2. Halbjahr 2019", "2019"),
);
const eingabeM = MASSNAHMEN.spalten.filter((s) => !s.ausgabe);
const eingabeF = FINANZPLAN.spalten.filter((s) => !s.ausgabe);
type S = (typeof FINANZPLAN.spalten)[number];

export function zufallsmappeArb(maxZeilen = 40) {
  return fc.record({
    fSpalten: fc.shuffledSubarray([...FINANZPLAN.spalten] as S[], {
      minLength: FINANZPLAN.spalten.length,
      maxLength: FINANZPLAN.spalten.length,
    }),
    mSpalten: fc.shuffledSubarray([...MASSNAHMEN.spalten] as S[], {
      minLength: MASSNAHMEN.spalten.length,
      maxLength: MASSNAHMEN.spalten.length,
    }),
    fZeilen: fc.array(fc.array(zelle, { minLength: eingabeF.length, maxLength: eingabeF.length }), {
      maxLength: maxZeilen,
    }),
    mZeilen: fc.array(fc.array(zelle, { minLength: eingabeM.length, maxLength: eingabeM.length }), {
      maxLength: Math.ceil(maxZeilen / 2),
    }),
    extraSpalte: fc.boolean(),
  });
}

export type Zufallsmappe = ReturnType<typeof zufallsmappeArb> extends fc.Arbitrary<infer T> ? T : never;

/**
 * Runs the check twice: inputs unchanged, the second run's output equals the first's; 5 syncs the
 * first time, 6 the second (its own sheets are protected: lifting it is a run of its own) — one more
 * for each table with a text that may be an Excel error value of another language („#Wert“), whose
 * type the read asks for.
 */
export async function pruefeZufallsmappe(z: Zufallsmappe): Promise<void> {
  const m = new FakeArbeitsmappe();
  m.tabelle(
    PARAMETER.tabelle,
    PARAMETER.blatt,
    [...PARAMETER.kopf, "Hinweis"],
    parameterZeilen({
      foerderjahr: 2019,
      foerderstufe: "3",
      foerderhoechstbetrag_eur: 100000,
      fachplan_datum: "2018-01-01",
    }),
  );
  const baue = (
    spalten: readonly { schluessel: string; kopf: string; ausgabe?: boolean }[],
    eingabe: readonly { schluessel: string }[],
    zeilen: unknown[][],
  ) => {
    const kopf = spalten.map((s) => s.kopf);
    if (z.extraSpalte) kopf.splice(1, 0, "Notiz des Nutzers");
    const werte = zeilen.map((zeile) => {
      const r: unknown[] = spalten.map((s) =>
        s.ausgabe ? null : zeile[eingabe.findIndex((e) => e.schluessel === s.schluessel)],
      );
      if (z.extraSpalte) r.splice(1, 0, "eigene Notiz");
      return r;
    });
    return { kopf, werte: werte as Wert[][] };
  };
  const f = baue(z.fSpalten, eingabeF, z.fZeilen);
  const ms = baue(z.mSpalten, eingabeM, z.mZeilen);
  m.tabelle(FINANZPLAN.tabelle, FINANZPLAN.blatt, f.kopf, f.werte);
  m.tabelle(MASSNAHMEN.tabelle, MASSNAHMEN.blatt, ms.kopf, ms.werte, 3, 2); // not at A1
  const fraglich = [f, ms].filter((t) => t.werte.flat().some(fraglicherFehlerwert)).length;
  const vorher = m.abbild();
  const g = createGateway(m.api());
  const jetzt = () => "2026-11-22T10:00:00.000Z";
  const e1 = await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
  expect(e1.art).toBe("ok");
  expect(m.syncs).toBeLessThanOrEqual(5 + fraglich);
  expect(Math.max(...m.anfragen, ...m.antworten)).toBeLessThan(4_000_000);
  const erste = m.abbild();
  expect(geaenderteEingaben(m, vorher, erste)).toEqual([]);
  const diagramme = structuredClone([...m.diagramme]);
  m.syncs = 0;
  await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
  expect(m.syncs).toBeLessThanOrEqual(6 + fraglich);
  expect(m.abbild()).toEqual(erste);
  // The chart is updated in place (or stays away when there is nothing to draw): never a second one.
  expect([...m.diagramme]).toEqual(diagramme);
  // Two charts at most (per year, per Handlungsfeld), each added once: a re-run only updates them.
  expect(m.diagrammAufrufe.filter((a) => a.art === "add").length).toBeLessThanOrEqual(2);
}
