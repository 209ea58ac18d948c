/**
 * The large example workbook of the seam's tests and benchmarks: n Maßnahmen and n Finanzplan rows,
 * each Finanzplan row naming a Maßnahme that does not exist (a finding, F10, on every row). Used by
 * bench/gateway.ts and the Office.js library's page (test/officejs/seite.ts).
 */
import { beispielMappe } from "../../addin/src/fake/beispiel-mappe";
import type { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import { FINANZPLAN, MASSNAHMEN, type Beispieldaten } from "../../shared/arbeitsmappe";

export function grosseMappe(daten: Beispieldaten, n: number): FakeArbeitsmappe {
  const m = beispielMappe(daten);
  if (n <= 15) return m;
  const tm = m.tabellen.find((t) => t.name === MASSNAHMEN.tabelle)!;
  const tf = m.tabellen.find((t) => t.name === FINANZPLAN.tabelle)!;
  for (let r = 0; r < n; r++) {
    const ms: Record<string, unknown> = {
      nr: `${(r % 6) + 1}.${r}`,
      titel: `Maßnahme ${r}`,
      handlungsfeld: `HF ${(r % 6) + 1}`,
      art: "neu",
      traeger: "Verein e. V.",
      traegerart: "gemeinnütziger Träger",
      beginn: "ab zweitem Quartal 2019",
    };
    MASSNAHMEN.spalten.forEach((s, c) =>
      m.setze("Maßnahmen", 2 + r, c + 1, (ms[s.schluessel] as never) ?? null),
    );
    const fp: Record<string, unknown> = {
      massnahme_nr: `9.${r}`,
      jahr: 2019,
      personalausgaben: 1000,
      eigenmittel_kreis: 300,
      landesmittel: 700,
    };
    FINANZPLAN.spalten.forEach((s, c) =>
      m.setze("Finanzplan", 2 + r, c + 1, (fp[s.schluessel] as never) ?? null),
    );
  }
  tm.zeilen = n;
  tf.zeilen = n;
  return m;
}
