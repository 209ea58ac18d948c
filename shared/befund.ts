/**
 * A finding (Befund): data, not a string. The task pane, the Prüfbericht sheet and the CLI all render
 * the same list.
 */
import type { RegelCode } from "./regeln/katalog";

export type Schwere = "fehler" | "warnung" | "hinweis";
export type Tabelle = "massnahmen" | "finanzplan" | "regionen" | "parameter";

export interface Befund {
  regel: RegelCode;
  schwere: Schwere;
  /** German message naming the numbers involved (de-DE formatting). */
  meldung: string;
  /** The same message in English. */
  meldung_en: string;
  tabelle: Tabelle;
  /** 1-based row as sent; null for table-level findings. */
  zeile: number | null;
  /** Field name, or null. */
  spalte: string | null;
}

export interface Meldung {
  de: string;
  en: string;
}

export interface Ort {
  tabelle: Tabelle;
  zeile?: number | null;
  spalte?: string | null;
}

export const SCHWERE_RANG: Record<Schwere, number> = { fehler: 0, warnung: 1, hinweis: 2 };

export function befund(regel: RegelCode, schwere: Schwere, meldung: Meldung, ort: Ort): Befund {
  return {
    regel,
    schwere,
    meldung: meldung.de,
    meldung_en: meldung.en,
    tabelle: ort.tabelle,
    zeile: ort.zeile ?? null,
    spalte: ort.spalte ?? null,
  };
}

export function zaehleBefunde(befunde: readonly Befund[]): Record<Schwere, number> {
  const anzahl: Record<Schwere, number> = { fehler: 0, warnung: 0, hinweis: 0 };
  for (const b of befunde) anzahl[b.schwere]++;
  return anzahl;
}

/** Orders findings by severity, then table, row and rule code; stable for equal keys. */
export function sortiereBefunde(befunde: readonly Befund[]): Befund[] {
  return [...befunde].sort(
    (a, b) =>
      SCHWERE_RANG[a.schwere] - SCHWERE_RANG[b.schwere] ||
      a.tabelle.localeCompare(b.tabelle) ||
      (a.zeile ?? 0) - (b.zeile ?? 0) ||
      a.regel.localeCompare(b.regel),
  );
}
