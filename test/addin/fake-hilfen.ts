/** The example workbook as a fake, and a check that nothing but output cells changed. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beispielMappe } from "../../addin/src/fake/beispiel-mappe";
import type { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import { AUSGABE_BLAETTER, FINANZPLAN, MASSNAHMEN } from "../../shared";
import type { IlmPlan } from "../../shared/beispiel/ilm";
import { REPO } from "../hilfen/daten";

export const BEISPIEL = {
  plan: JSON.parse(readFileSync(resolve(REPO, "data/ilm-kreis-2019-massnahmen.json"), "utf8")) as IlmPlan,
  kreiseCsv: readFileSync(resolve(REPO, "data/thueringen-kreise-2017.csv"), "utf8"),
};

export function beispiel(): FakeArbeitsmappe {
  return beispielMappe(BEISPIEL);
}

const AUSGABE_KOEPFE = new Set(
  [...MASSNAHMEN.spalten, ...FINANZPLAN.spalten].filter((s) => s.ausgabe).map((s) => s.kopf),
);
const AUSGABE = new Set<string>(AUSGABE_BLAETTER);

/** Cells outside output columns and output sheets that differ between two snapshots. */
export function geaenderteEingaben(
  m: FakeArbeitsmappe,
  vorher: ReturnType<FakeArbeitsmappe["abbild"]>,
  nachher: ReturnType<FakeArbeitsmappe["abbild"]>,
): string[] {
  const ausgabeSpalten = new Set<string>();
  for (const t of m.tabellen) {
    for (let c = t.spalte; c < t.spalte + t.spalten; c++) {
      const kopf = vorher[t.blatt]?.[`${t.zeile}:${c}`];
      if (typeof kopf === "string" && AUSGABE_KOEPFE.has(kopf)) ausgabeSpalten.add(`${t.blatt}|${c}`);
    }
  }
  const geaendert: string[] = [];
  const blaetter = new Set([...Object.keys(vorher), ...Object.keys(nachher)]);
  for (const b of blaetter) {
    if (AUSGABE.has(b)) continue;
    const schluessel = new Set([...Object.keys(vorher[b] ?? {}), ...Object.keys(nachher[b] ?? {})]);
    for (const k of schluessel) {
      const [z, c] = k.split(":").map(Number) as [number, number];
      if (ausgabeSpalten.has(`${b}|${c}`) && z > 1) continue;
      if ((vorher[b]?.[k] ?? "") !== (nachher[b]?.[k] ?? ""))
        geaendert.push(`${b}!${k}: ${String(vorher[b]?.[k])} → ${String(nachher[b]?.[k])}`);
    }
  }
  return geaendert;
}

/** The sheet column (1-based) of a table's header `kopf` in the fake. */
export function spalteVon(
  m: FakeArbeitsmappe,
  blatt: string,
  kopf: string,
): { zeile: number; spalte: number } {
  const t = m.tabellen.find((x) => x.blatt === blatt);
  if (!t) throw new Error(`keine Tabelle auf ${blatt}`);
  for (let s = t.spalte; s < t.spalte + t.spalten; s++)
    if (m.wert(blatt, t.zeile, s) === kopf) return { zeile: t.zeile, spalte: s };
  throw new Error(`Spalte ${kopf} fehlt auf ${blatt}`);
}

/**
 * The sheet row of the n-th finding (1-based) on a report sheet: the Prüfbericht begins with its
 * summary page, the table of findings follows below its header row („Schwere“ in column A).
 */
export function befundZeile(m: FakeArbeitsmappe, n: number, blatt = "Prüfbericht"): number {
  for (let z = 1; z <= 200; z++) if (m.wert(blatt, z, 1) === "Schwere") return z + n;
  throw new Error(`keine Befundtabelle auf ${blatt}`);
}
