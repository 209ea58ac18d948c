/**
 * Active content never passes (X05): formulas that call the web, the system or another program
 * (WEBSERVICE, FILTERXML, CALL, REGISTER, DDE `prog|'topic'!item`), references into other workbooks,
 * external hyperlinks and relationships, macros. Each is named by sheet and cell; the checked copy —
 * written locally, so opened without Protected View — carries none of them: formulas give way to their
 * stored value, links to their text, and package parts exceljs would carry are not written.
 */
import type ExcelJS from "exceljs";
import type { ZipTeil } from "./zip-grenzen";

export interface AktiverInhalt {
  blatt: string;
  zelle: string | null;
  /** What it is and what was done, German, for the finding's message. */
  meldung: string;
}

const AKTIVE_FUNKTIONEN = /\b(WEBSERVICE|FILTERXML|CALL|REGISTER|REGISTER\.ID|EXEC)\s*\(/i;

/** Why a formula is active (German), or null. String literals are not looked into. */
export function aktiveFormel(formel: string): string | null {
  const ohneTexte = formel.replace(/"[^"]*"/g, '""');
  const f = AKTIVE_FUNKTIONEN.exec(ohneTexte);
  if (f) return `ruft ${f[1]!.toUpperCase()} auf`;
  if (ohneTexte.includes("|")) return "ist eine DDE-Verknüpfung zu einem anderen Programm";
  if (/\[\d{1,5}\]|\.xl[a-z]{1,2}\]/i.test(ohneTexte)) return "verweist auf eine andere Arbeitsmappe";
  return null;
}

/** Parts of the package that are active in themselves: macros, external links, external relations. */
export function aktiveTeile(teile: readonly ZipTeil[]): AktiverInhalt[] {
  const funde: AktiverInhalt[] = [];
  for (const { name, inhalt } of teile) {
    if (/vbaProject\.bin$/i.test(name))
      funde.push({ blatt: "Arbeitsmappe", zelle: null, meldung: `enthält Makros (${name})` });
    else if (/^xl\/externalLinks\/[^/]+\.xml$/i.test(name))
      funde.push({
        blatt: "Arbeitsmappe",
        zelle: null,
        meldung: `enthält eine ${inhalt.includes("ddeLink") ? "DDE-Verknüpfung" : "Verknüpfung zu einer anderen Arbeitsmappe"} (${name})`,
      });
    else if (name.endsWith(".rels") && !name.startsWith("xl/worksheets/_rels/")) {
      // Sheets' external hyperlinks are named by cell below; any other external relation here.
      const text = inhalt.toString("utf8");
      if (/TargetMode\s*=\s*["']External["']/i.test(text))
        funde.push({ blatt: "Arbeitsmappe", zelle: null, meldung: `verweist nach außen (${name})` });
    }
  }
  return funde;
}

/** The stored result of a formula as a plain value (null where there is none or it is an error). */
function gespeicherterWert(wert: unknown): ExcelJS.CellValue {
  if (wert === undefined || wert === null) return null;
  if (typeof wert === "object" && !(wert instanceof Date)) return null;
  return wert as ExcelJS.CellValue;
}

/** What is active in one cell, with what the copy gets instead; null for a harmless cell. */
function aktiveZelle(cell: ExcelJS.Cell): { meldung: string; ersatz: ExcelJS.CellValue } | null {
  const v = cell.value;
  if (v === null || typeof v !== "object" || v instanceof Date) return null;
  if ("formula" in v || "sharedFormula" in v) {
    const formel = cell.formula ?? ""; // shared formulas translated to this cell
    const grund = aktiveFormel(formel);
    if (!grund) return null;
    return {
      meldung: `Die Formel in ${cell.address} ${grund} (=${formel.slice(0, 60)}); in der geprüften Kopie steht stattdessen ihr gespeicherter Wert.`,
      ersatz: gespeicherterWert((v as ExcelJS.CellFormulaValue).result),
    };
  }
  if ("hyperlink" in v) {
    const link = v as ExcelJS.CellHyperlinkValue;
    const ziel = String(link.hyperlink ?? "");
    if (ziel.startsWith("#")) return null;
    return {
      meldung: `${cell.address} ist ein Link nach außen (${ziel.slice(0, 80)}); in der geprüften Kopie steht nur sein Text.`,
      ersatz: typeof link.text === "string" ? link.text : null,
    };
  }
  return null;
}

/** Finds active cells on every sheet and replaces them in `wb` (the copy): formula → value, link → text. */
export function entferneAktiveZellen(wb: ExcelJS.Workbook): AktiverInhalt[] {
  const funde: (AktiverInhalt & { cell: ExcelJS.Cell; ersatz: ExcelJS.CellValue })[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const a = aktiveZelle(cell);
        if (a) funde.push({ blatt: ws.name, zelle: cell.address, cell, ...a });
      }),
    ),
  );
  // Replaced after the walk: a shared formula's other cells read the first cell's formula.
  for (const f of funde) f.cell.value = f.ersatz;
  return funde.map(({ blatt, zelle, meldung }) => ({ blatt, zelle, meldung }));
}
