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

/**
 * The columns that name a row: the Maßnahme's Nr; in the Finanzplan Nr and Jahr (one row per measure
 * and year). The look before writing compares them for every row, so a sort by Jahr within one Nr, or
 * by an amount, is seen and nothing lands in the wrong row.
 */
export const ZEILENSCHLUESSEL = {
  massnahmen: ["nr"],
  finanzplan: ["massnahme_nr", "jahr"],
} as const satisfies Partial<Record<TabellenSchluessel, readonly string[]>>;

/** 32-bit FNV-1a over the key columns' values row by row (as Excel returned them), as 8 hex digits. */
export function schluesselHash(spalten: readonly (readonly unknown[])[]): string {
  let h = 0x811c9dc5;
  const zeilen = spalten[0]?.length ?? 0;
  for (let z = 0; z < zeilen; z++) {
    const text = JSON.stringify(spalten.map((s) => s[z] ?? "")) + "\n";
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, "0");
}

/** A table as the read saw it: what the write compares before it writes. */
export interface GeleseneTabelle {
  name: string;
  blatt: string;
  kopfZeile: number;
  ersteSpalte: number;
  kopf: Zellwert[];
  zeilen: number;
  /** Sheet columns (1-based) of the row keys (Nr; Nr and Jahr); the first column where none is found. */
  schluesselSpalten: number[];
  /** A hash over those columns in every row: rows inserted, deleted, moved or sorted change it. */
  schluesselHash: string;
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
  /** What the user should know about the read (rows typed below a table, outside it). */
  hinweise: string[];
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

/**
 * Excel refuses an operation that affects more than 33.554.000 cells (`OperationCellsExceedLimit`).
 * Adding a table column moves every cell right of the table, in its rows, up to the sheet's last
 * column; Microsoft counts it as rows × (16383 − the table's columns) (Microsoft Learn, „Error
 * handling with the application-specific JavaScript APIs“, OperationCellsExceedLimit) — so a deleted
 * grey column cannot be added back by the API to a table of more than about 2.050 rows.
 */
const ZELLEN_GRENZE = 33_554_000;

/** Why a deleted grey column is not added back (a table too long for it), or null where it can be. */
export function spalteNichtEinfuegbar(
  kopf: string,
  tabelle: string,
  zeilen: number,
  spalten: number,
): string | null {
  if (zeilen * (16_383 - spalten) <= ZELLEN_GRENZE) return null;
  return `Die graue Spalte „${kopf}“ fehlt in der Tabelle „${tabelle}“ und wurde nicht wieder angelegt: bei ${zeilen.toLocaleString("de-DE")} Zeilen müsste Excel dafür mehr als 33.554.000 Zellen verschieben, was es über ein Add-in ablehnt. Die Spalte von Hand anlegen: rechts neben der letzten Spalte der Tabelle „${kopf}“ in die Kopfzeile schreiben (die Tabelle wächst mit), dann erneut prüfen. Die Befunde stehen im Prüfbericht.`;
}
