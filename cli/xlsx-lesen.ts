/**
 * Reads an xlsx file into the plain tables of shared/arbeitsmappe, without ever writing to it.
 * A file that is not xlsx, is encrypted (password) or lacks the tables gets a German message that
 * names the file and the sheet.
 */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { SIEGEL_SPALTE } from "../shared/siegel";
import {
  BEGRUENDUNGEN,
  PRUEFBERICHT,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  findeTabelle,
  type Arbeitsmappe,
  type TabellenDaten,
  type TabellenDefinition,
  type Zellwert,
} from "../shared/arbeitsmappe";

export class DateiFehler extends Error {}

export interface GeleseneDatei {
  mappe: Arbeitsmappe;
  blaetter: string[];
  /** The workbook as loaded (in memory; the file itself is never written). */
  wb: ExcelJS.Workbook;
}

/** The cell's value as the core reads it: dates as ISO text, formulas as their result. */
export function zellwert(v: ExcelJS.CellValue): Zellwert {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return zellwert((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in v) return zellwert((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export function raster(ws: ExcelJS.Worksheet): Zellwert[][] {
  const zeilen: Zellwert[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, nr) => {
    const reihe: Zellwert[] = [];
    row.eachCell({ includeEmpty: true }, (cell, spalte) => {
      reihe[spalte - 1] = zellwert(cell.value);
    });
    for (let i = 0; i < reihe.length; i++) if (reihe[i] === undefined) reihe[i] = null;
    zeilen[nr - 1] = reihe;
  });
  for (let i = 0; i < zeilen.length; i++) if (zeilen[i] === undefined) zeilen[i] = [];
  return zeilen;
}

export async function ladeArbeitsmappe(pfad: string): Promise<ExcelJS.Workbook> {
  const name = basename(pfad);
  let bytes: Buffer;
  try {
    bytes = await readFile(pfad);
  } catch (e) {
    throw new DateiFehler(
      `${name}: Datei kann nicht gelesen werden (${(e as NodeJS.ErrnoException).code ?? "unbekannt"}).`,
    );
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new DateiFehler(
      `${name}: die Datei ist passwortgeschützt (verschlüsselt) oder im alten .xls-Format. Bitte ohne Kennwort als .xlsx speichern.`,
    );
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new DateiFehler(`${name}: keine Excel-Arbeitsmappe (.xlsx).`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new DateiFehler(
      `${name}: die Arbeitsmappe ist beschädigt und kann nicht gelesen werden (${e instanceof Error ? e.message.slice(0, 120) : "unbekannt"}).`,
    );
  }
  return wb;
}

function suche(def: TabellenDefinition, raster_: Map<string, Zellwert[][]>): TabellenDaten | null {
  // The layout's own sheet first, then any other sheet (a renamed sheet still works).
  const reihenfolge = [...raster_.keys()].sort((a, b) => Number(b === def.blatt) - Number(a === def.blatt));
  for (const blatt of reihenfolge) {
    const t = findeTabelle(blatt, raster_.get(blatt)!, def);
    if (t) return t;
  }
  return null;
}

const PARAMETER_DEF: TabellenDefinition = {
  blatt: PARAMETER.blatt,
  tabelle: PARAMETER.tabelle,
  spalten: [
    { schluessel: "angabe", kopf: PARAMETER.kopf[0], typ: "text", pflicht: true },
    { schluessel: "wert", kopf: PARAMETER.kopf[1], typ: "text", pflicht: true },
  ],
};

export async function leseDatei(pfad: string): Promise<GeleseneDatei> {
  const wb = await ladeArbeitsmappe(pfad);
  const raster_ = new Map<string, Zellwert[][]>();
  wb.eachSheet((ws) => raster_.set(ws.name, raster(ws)));
  const bericht = raster_.get(PRUEFBERICHT.blatt);
  return {
    wb,
    blaetter: [...raster_.keys()],
    mappe: {
      siegel: bericht ? bericht.map((z) => [z[SIEGEL_SPALTE - 1] ?? null, z[SIEGEL_SPALTE] ?? null]) : null,
      massnahmen: suche(MASSNAHMEN, raster_),
      finanzplan: suche(FINANZPLAN, raster_),
      begruendungen: suche(BEGRUENDUNGEN, raster_),
      indikatoren: suche(INDIKATOREN_TABELLE, raster_),
      parameter: suche(PARAMETER_DEF, raster_),
    },
  };
}
