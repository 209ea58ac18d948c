/**
 * Tables as read from a workbook, in the same plain form whoever reads them (the add-in's gateway from
 * Office.js, the command-line tool from an xlsx file): a header row, the values below it, and where in
 * the sheet they stand, so that every finding can point at its cell.
 */
import { kopfSchluessel, type Spalte, type TabellenDefinition } from "./layout";

export type Zellwert = number | string | boolean | null;

export interface TabellenDaten {
  blatt: string;
  /** Sheet row (1-based) of the header. */
  kopfZeile: number;
  /** Sheet column (1-based) of the first header cell. */
  ersteSpalte: number;
  kopf: readonly (string | null)[];
  /** Data rows below the header, as the sheet holds them (including empty rows). */
  werte: readonly (readonly Zellwert[])[];
}

export interface GeordneteTabelle {
  def: TabellenDefinition;
  blatt: string;
  kopfZeile: number;
  /** Column key → sheet column (1-based), for the columns found. */
  spalten: Map<string, number>;
  /** Input columns of the layout that the sheet does not have. */
  fehlend: Spalte[];
  /** Non-empty data rows, by column key (input columns only). */
  zeilen: Record<string, Zellwert>[];
  /** Sheet row (1-based) of each entry of `zeilen`. */
  sheetZeilen: number[];
  /** Sheet row after the last data row (where a new row would go). */
  endeZeile: number;
}

/** Maps a table's columns by header, in any order, extra columns allowed; empty rows are skipped. */
export function ordneTabelle(daten: TabellenDaten, def: TabellenDefinition): GeordneteTabelle {
  const nachKopf = new Map<string, Spalte>();
  for (const s of def.spalten)
    for (const k of [s.kopf, ...(s.aliase ?? [])]) nachKopf.set(kopfSchluessel(k), s);
  const spalten = new Map<string, number>();
  const index = new Map<string, number>();
  daten.kopf.forEach((k, i) => {
    if (typeof k !== "string") return;
    const s = nachKopf.get(kopfSchluessel(k));
    if (s && !spalten.has(s.schluessel)) {
      spalten.set(s.schluessel, daten.ersteSpalte + i);
      index.set(s.schluessel, i);
    }
  });
  const eingabe = def.spalten.filter((s) => !s.ausgabe && index.has(s.schluessel));
  const zeilen: Record<string, Zellwert>[] = [];
  const sheetZeilen: number[] = [];
  daten.werte.forEach((reihe, r) => {
    const zeile: Record<string, Zellwert> = {};
    let leer = true;
    for (const s of eingabe) {
      const v = normiereZelle(reihe[index.get(s.schluessel)!]);
      zeile[s.schluessel] = v;
      if (v !== null) leer = false;
    }
    if (leer) return;
    zeilen.push(zeile);
    sheetZeilen.push(daten.kopfZeile + 1 + r);
  });
  return {
    def,
    blatt: daten.blatt,
    kopfZeile: daten.kopfZeile,
    spalten,
    fehlend: def.spalten.filter((s) => !s.ausgabe && !spalten.has(s.schluessel)),
    zeilen,
    sheetZeilen,
    endeZeile: daten.kopfZeile + 1 + daten.werte.length,
  };
}

/** Empty text is empty; text is trimmed; everything else as it is. */
export function normiereZelle(v: Zellwert | undefined): Zellwert {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

/**
 * Finds a table in a sheet's grid by its headers: the first of the top 30 rows that holds at least
 * two of the table's headers (all of its required ones, where it has any).
 */
export function findeTabelle(
  blatt: string,
  raster: readonly (readonly Zellwert[])[],
  def: TabellenDefinition,
): TabellenDaten | null {
  const koepfe = new Set(def.spalten.flatMap((s) => [s.kopf, ...(s.aliase ?? [])]).map(kopfSchluessel));
  const pflicht = def.spalten
    .filter((s) => s.pflicht)
    .map((s) => [s.kopf, ...(s.aliase ?? [])].map(kopfSchluessel));
  for (let r = 0; r < Math.min(raster.length, 30); r++) {
    const reihe = raster[r] ?? [];
    const gefunden = reihe.map((v) => (typeof v === "string" ? kopfSchluessel(v) : ""));
    const treffer = gefunden.filter((k) => koepfe.has(k)).length;
    const allePflicht = pflicht.every((varianten) => varianten.some((v) => gefunden.includes(v)));
    if (treffer >= 2 && allePflicht) {
      let letzte = raster.length;
      while (letzte > r + 1 && (raster[letzte - 1] ?? []).every((v) => normiereZelle(v) === null)) letzte--;
      return {
        blatt,
        kopfZeile: r + 1,
        ersteSpalte: 1,
        kopf: reihe.map((v) => (typeof v === "string" ? v : null)),
        werte: raster.slice(r + 1, letzte),
      };
    }
  }
  return null;
}

/** 1 → A, 27 → AA. */
export function spaltenBuchstabe(spalte: number): string {
  let s = "";
  for (let n = spalte; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** „A20:XFD1048576“ (also with $) → its corners (1-based), or null for what is no such range. */
export function bereichAus(
  ref: string,
): { oben: number; links: number; unten: number; rechts: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const spalte = (b: string) => [...b].reduce((n, z) => n * 26 + z.charCodeAt(0) - 64, 0);
  return { oben: Number(m[2]), links: spalte(m[1]!), unten: Number(m[4]), rechts: spalte(m[3]!) };
}

export function zellAdresse(spalte: number, zeile: number): string {
  return `${spaltenBuchstabe(spalte)}${zeile}`;
}

/** Rows below a table that are read to see whether the user typed or pasted rows outside it. */
export const ZEILEN_DARUNTER = 20;

/**
 * Rows typed or pasted directly below a table are not part of it: Excel widens a table by itself only
 * when one types into the row right below it with AutoCorrect's „Include new rows and columns in
 * table“ on, not for pasted rows or with that option off (Microsoft support, „Resize a table by
 * adding or removing rows and columns“). The rows directly below that hold something are named — in
 * the same words by the add-in (Office.js: the rows below the table object) and by lsz (exceljs: the
 * rows below the table part of the file).
 */
export function zeilenDarunter(
  werte: readonly (readonly unknown[])[],
  ersteZeile: number,
  tabelle: string,
  blatt: string,
): string | null {
  let n = 0;
  while (n < werte.length && werte[n]!.some((v) => v !== "" && v !== null)) n++;
  if (n === 0) return null;
  const zeilen = n === 1 ? `Zeile ${ersteZeile}` : `Zeilen ${ersteZeile}–${ersteZeile + n - 1}`;
  const weiter = n === werte.length ? " (und vielleicht weitere)" : "";
  return `${zeilen}${weiter} auf dem Blatt „${blatt}“ direkt unter der Tabelle „${tabelle}“ ${n === 1 ? "gehört" : "gehören"} nicht zur Tabelle und ${n === 1 ? "wurde" : "wurden"} nicht geprüft. Gehören sie dazu: eine Zelle der Tabelle wählen, Tabellenentwurf → Tabellengröße ändern und den Bereich bis Zeile ${ersteZeile + n - 1} angeben (oder den Griff unten rechts an der Tabelle nach unten ziehen), dann erneut prüfen.`;
}
