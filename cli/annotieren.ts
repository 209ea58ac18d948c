/**
 * Writes the check's output into a copy of the workbook — the same output the add-in writes: values in
 * the add-in-owned columns and the sheet "Prüfbericht" with a link to each finding's cell. The input
 * file is never opened for writing.
 */
import type ExcelJS from "exceljs";
import {
  FINANZPLAN,
  FINANZPLAN_UEBERSICHT,
  MASSNAHMEN,
  PRUEFBERICHT,
  VERTEILUNGSBERICHT,
  FOERDERHOECHSTBETRAEGE,
  SCHWERE_TEXT,
  ZAHLENFORMATE,
  ausschoepfungZellen,
  diagrammZellen,
  type Ausgabe,
  type Diagramm,
  type Zellwert,
} from "../shared/arbeitsmappe";
import { SIEGEL_SPALTE, siegelZellen } from "../shared/siegel";
import { AUSGABE_HINWEIS } from "./vorlage";

const TYPEN = new Map(
  [...MASSNAHMEN.spalten, ...FINANZPLAN.spalten]
    .filter((s) => s.ausgabe)
    .map((s) => [`${s.schluessel}`, s.typ]),
);

function ersetzeBlatt(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const alt = wb.getWorksheet(name);
  if (alt) wb.removeWorksheet(alt.id);
  return wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    properties: { tabColor: { argb: "FF595959" } },
  });
}

function kopfzeile(ws: ExcelJS.Worksheet, kopf: readonly string[], breiten: number[]) {
  kopf.forEach((k, i) => {
    const c = ws.getCell(1, i + 1);
    c.value = k;
    c.font = { bold: true, color: { argb: "FFFFFFFF" } };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF595959" } };
    ws.getColumn(i + 1).width = breiten[i] ?? 16;
  });
  ws.getCell(1, 1).note = AUSGABE_HINWEIS;
}

/**
 * A chart's data block, where the add-in puts it. exceljs cannot write charts: the numbers are there,
 * the chart is drawn by the add-in (or by hand: select the block, Einfügen → Diagramm).
 */
function diagrammDaten(ws: ExcelJS.Worksheet, d: Diagramm) {
  diagrammZellen(d).forEach((z, i) =>
    z.forEach((v, j) => {
      const c = ws.getCell(d.zeile + i, d.spalte + j);
      c.value = v === "" ? null : v;
      if (i === 0 || i === 1) c.font = { bold: true };
      if (i >= 2 && j >= 1 && typeof v === "number") c.numFmt = ZAHLENFORMATE.euro;
    }),
  );
  ws.getColumn(d.spalte).width = Math.max(ws.getColumn(d.spalte).width ?? 0, 30);
}

export function schreibePruefung(wb: ExcelJS.Workbook, ausgabe: Ausgabe) {
  for (const s of ausgabe.spalten) {
    const ws = wb.getWorksheet(s.blatt);
    if (!ws) continue;
    let spalte = s.spalte;
    if (spalte === null) {
      // The output column is missing: append it right of the table's header row, never over a typed cell.
      spalte = ws.getRow(s.kopfZeile).cellCount + 1;
      const kopf = ws.getCell(s.kopfZeile, spalte);
      kopf.value = s.kopf;
      kopf.note = AUSGABE_HINWEIS;
    }
    for (const { zeile, wert } of s.werte) {
      const c = ws.getCell(zeile, spalte);
      c.value = wert as ExcelJS.CellValue;
      const typ = TYPEN.get(s.schluessel);
      if (typ) c.numFmt = ZAHLENFORMATE[typ];
    }
  }
  const ws = ersetzeBlatt(wb, PRUEFBERICHT.blatt);
  kopfzeile(ws, PRUEFBERICHT.kopf, [14, 8, 100, 14, 10, 18]);
  ausgabe.bericht.forEach((b, i) => {
    const r = ws.getRow(i + 2);
    r.values = [SCHWERE_TEXT[b.schwere], b.regel, b.meldung, b.blatt, null, b.regelwerk];
    if (b.zelle) r.getCell(5).value = { text: b.zelle, hyperlink: `#'${b.blatt}'!${b.zelle}` };
    r.getCell(3).alignment = { wrapText: true, vertical: "top" };
  });
  if (ausgabe.bericht.length === 0) ws.getCell(2, 1).value = SCHWERE_TEXT.ok;
  if (ausgabe.siegel) {
    siegelZellen(ausgabe.siegel).forEach(([label, wert], i) => {
      ws.getCell(i + 1, SIEGEL_SPALTE).value = label;
      ws.getCell(i + 1, SIEGEL_SPALTE + 1).value = wert;
    });
    ws.getCell(1, SIEGEL_SPALTE).font = { bold: true };
    ws.getColumn(SIEGEL_SPALTE).width = 14;
    ws.getColumn(SIEGEL_SPALTE + 1).width = 70;
  }
  for (const d of ausgabe.diagramme ?? []) {
    const blatt = ersetzeBlatt(wb, d.blatt);
    diagrammDaten(blatt, d);
    if (d.blatt !== FINANZPLAN_UEBERSICHT.blatt || !ausgabe.ausschoepfung) continue;
    const ab = diagrammZellen(d).length + 2;
    ausschoepfungZellen(ausgabe.ausschoepfung).forEach((z, i) =>
      z.forEach((v, j) => {
        const c = blatt.getCell(ab + i, j + 1);
        c.value = v === "" ? null : v;
        if (i === 0) c.font = { bold: true };
        else if (j === 1 || j === 2) c.numFmt = ZAHLENFORMATE.euro;
        else if (j >= 3) c.numFmt = ZAHLENFORMATE.prozent;
      }),
    );
    for (let j = 2; j <= 6; j++) blatt.getColumn(j).width = 16;
  }
}

export function schreibeVerteilung(
  wb: ExcelJS.Workbook,
  zeilen: Zellwert[][],
  bericht: Ausgabe["bericht"],
  diagramme: readonly Diagramm[],
) {
  const ws = ersetzeBlatt(wb, FOERDERHOECHSTBETRAEGE.blatt);
  kopfzeile(ws, FOERDERHOECHSTBETRAEGE.kopf, [12, 34]);
  const formate = [
    "@",
    "@",
    ZAHLENFORMATE.euro,
    "0.0000 %",
    ZAHLENFORMATE.euro,
    ZAHLENFORMATE.euro,
    ZAHLENFORMATE.euro,
    ZAHLENFORMATE.euro,
    ZAHLENFORMATE.euro,
    ZAHLENFORMATE.euro,
    "#,##0",
    "0.000",
    "0.00 %",
    "0.000000",
    "0.0000 %",
    "0.0000 %",
    "0.0000 %",
    "0.0000 %",
    "0.0 %",
  ];
  zeilen.forEach((z, i) => {
    z.forEach((v, j) => {
      const c = ws.getCell(i + 2, j + 1);
      c.value = v as ExcelJS.CellValue;
      c.numFmt = formate[j] ?? "General";
    });
  });
  for (const d of diagramme) diagrammDaten(ws, d);
  const pb = ersetzeBlatt(wb, VERTEILUNGSBERICHT.blatt);
  kopfzeile(pb, VERTEILUNGSBERICHT.kopf, [14, 8, 100, 14, 10, 18]);
  bericht.forEach((b, i) => {
    const r = pb.getRow(i + 2);
    r.values = [SCHWERE_TEXT[b.schwere], b.regel, b.meldung, b.blatt, null, b.regelwerk];
    if (b.zelle) r.getCell(5).value = { text: b.zelle, hyperlink: `#'${b.blatt}'!${b.zelle}` };
  });
}
