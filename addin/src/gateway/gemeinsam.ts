/**
 * What the gateway's parts share: the tables it reads and writes next to, what a read hands to a
 * write, and the small conversions every write needs.
 */
import {
  BEGRUENDUNGEN,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  type Arbeitsmappe,
  type EigenesBlatt,
  type Zellwert,
} from "../../../shared/arbeitsmappe";

/** The layout's tables by the Arbeitsmappe's keys: their Excel names, and their sheets for messages. */
export const TABELLEN = {
  massnahmen: MASSNAHMEN,
  finanzplan: FINANZPLAN,
  begruendungen: BEGRUENDUNGEN,
  indikatoren: INDIKATOREN_TABELLE,
  parameter: PARAMETER,
} as const satisfies Record<Exclude<keyof Arbeitsmappe, "siegel">, { tabelle: string; blatt: string }>;

export type TabellenSchluessel = keyof typeof TABELLEN;

/** A table as the read saw it: what the write compares before it writes. */
export interface GeleseneTabelle {
  name: string;
  blatt: string;
  kopfZeile: number;
  ersteSpalte: number;
  kopf: Zellwert[];
  zeilen: number;
  /** The first column's values: rows inserted, deleted or sorted since the read change them. */
  ersteSpalteWerte: Zellwert[];
}

/** What the read saw, handed to the write (no state is kept between them). */
export interface Lesestand {
  tabellen: Partial<Record<TabellenSchluessel, GeleseneTabelle>>;
  /** The add-in's sheets found (by mark, or recognised by content): kind → sheet name. */
  eigene: Partial<Record<EigenesBlatt, string>>;
}

export interface Lesung {
  mappe: Arbeitsmappe;
  stand: Lesestand;
}

export type Schreibergebnis =
  | {
      art: "ok";
      /** What the user should know (e.g. a sheet of theirs that was left alone). */
      hinweise: string[];
      /** Where the add-in's sheets are (a free name where the user has a sheet of the same name). */
      blaetter: Partial<Record<EigenesBlatt, string>>;
    }
  | { art: "abgelehnt"; meldungen: string[] };

/** Reports the number of each sync beyond the first of a step (the pane shows chunks). */
export type Teilmeldung = (teil: number) => void;

/** Text that Excel would take for a formula is written as text. */
export function alsZelle(v: Zellwert): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/**
 * A link to a cell: the sheet name is quoted for the reference ('' for ') and the whole target for the
 * formula's string literal ("" for "), so a sheet called Finanz"plan or Kreis's Plan cannot break it.
 */
export function hyperlinkFormel(blatt: string, zelle: string): string {
  const ziel = `#'${blatt.replace(/'/g, "''")}'!${zelle}`;
  return `=HYPERLINK("${ziel.replace(/"/g, '""')}","${zelle}")`;
}

export function matrix<T>(zeilen: number, spalten: number, wert: T): T[][] {
  return Array.from({ length: zeilen }, () => Array.from({ length: spalten }, () => wert));
}

export const gleich = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => (x ?? "") === (b[i] ?? ""));

export const fehlerCode = (e: unknown) =>
  typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
