/**
 * The exceljs hand of the sheet pictures (shared/arbeitsmappe/blattbild.ts): lsz and the template
 * write every output sheet from the same picture the add-in carries out through Office.js. Units are
 * converted here: widths from points to the file's characters, colours to ARGB. exceljs cannot draw
 * charts: their numbers are written, the add-in draws the chart (or the user: Einfügen → Diagramm).
 */
import type ExcelJS from "exceljs";
import {
  DRUCK_TEXTE,
  EIGENE_BLAETTER,
  REITER_FARBE,
  STILE,
  istVerweis,
  zeichenbreite,
  type Bereich,
  type Blattbild,
  type Bildzelle,
} from "../shared/arbeitsmappe";

/** "#595959" → "FF595959" */
const argb = (farbe: string) => `FF${farbe.replace(/^#/, "").toUpperCase()}`;

/** The A1 reference a sheet's mark points at (and a link's target on that sheet). */
export function markenBezug(blatt: string, zelle = "$A$1"): string {
  return `'${blatt.replace(/'/g, "''")}'!${zelle}`;
}

function jedeZelle(ws: ExcelJS.Worksheet, b: Bereich, tue: (c: ExcelJS.Cell) => void) {
  for (let z = b.zeile; z < b.zeile + b.zeilen; z++)
    for (let s = b.spalte; s < b.spalte + b.spalten; s++) tue(ws.getCell(z, s));
}

function zellwert(v: Bildzelle): ExcelJS.CellValue {
  if (istVerweis(v)) return { text: v.text, hyperlink: `#${markenBezug(v.blatt, v.zelle)}` };
  return v === "" ? null : v; // an empty string is an empty cell, as Excel keeps it
}

/**
 * How a sheet prints, as the add-in sets it: A4, fit to the page width (height automatic), the title
 * row repeated on every page, the sheet's name and the date above, the page count below.
 */
export function druckEinrichtung(ws: ExcelJS.Worksheet, druck: NonNullable<Blattbild["druck"]>) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: druck.hoch ? "portrait" : "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(druck.titelZeile !== null ? { printTitlesRow: `${druck.titelZeile}:${druck.titelZeile}` } : {}),
  };
  ws.headerFooter = {
    oddHeader: `&C${DRUCK_TEXTE.kopfMitte}&R${DRUCK_TEXTE.kopfRechts}`,
    oddFooter: `&C${DRUCK_TEXTE.fussMitte}`,
  };
}

/**
 * Protection without a password: the tools' own sheets are not typed over by mistake, and a user can
 * still lift it on purpose (Überprüfen → Blattschutz aufheben). exceljs sets it at once for an empty
 * password (the promise only hashes a password).
 */
export function schuetzeOhneKennwort(ws: ExcelJS.Worksheet) {
  void ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
}

/** A new sheet for a picture, marked as the tools' own: frozen rows, tab colour, visibility. */
export function neuesBlatt(wb: ExcelJS.Workbook, name: string, bild: Blattbild): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: bild.fixiert > 0 ? [{ state: "frozen", ySplit: bild.fixiert }] : [],
    properties: { tabColor: { argb: argb(REITER_FARBE) } },
    state: bild.sichtbar ? "visible" : "hidden",
  });
  wb.definedNames.add(markenBezug(name), EIGENE_BLAETTER[bild.art].marke);
  return ws;
}

/** Carries out a picture on its (new, empty) sheet. */
export function schreibeBild(ws: ExcelJS.Worksheet, bild: Blattbild): void {
  for (const f of bild.formate) jedeZelle(ws, f.bereich, (c) => (c.numFmt = f.format));
  for (const b of bild.bloecke)
    b.werte.forEach((reihe, r) =>
      reihe.forEach((v, s) => (ws.getCell(b.zeile + r, b.spalte + s).value = zellwert(v))),
    );
  for (const { bereich, stil } of bild.stile) {
    const s: { fett?: boolean; groesse?: number; schrift?: string; fuellung?: string } = STILE[stil];
    jedeZelle(ws, bereich, (c) => {
      c.font = {
        ...c.font,
        ...(s.fett !== undefined ? { bold: s.fett } : {}),
        ...(s.groesse !== undefined ? { size: s.groesse } : {}),
        ...(s.schrift !== undefined ? { color: { argb: argb(s.schrift) } } : {}),
      };
      if (s.fuellung !== undefined)
        c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fuellung) } };
    });
  }
  for (const b of bild.breiten)
    for (let s = b.von; s <= b.bis; s++) ws.getColumn(s).width = zeichenbreite(b.pt);
  for (const u of bild.umbruch)
    jedeZelle(ws, u, (c) => (c.alignment = { ...c.alignment, wrapText: true, vertical: "top" }));
  for (const h of bild.hoehen) ws.getRow(h.zeile).height = h.pt;
  if (bild.druck) druckEinrichtung(ws, bild.druck);
  if (bild.geschuetzt) schuetzeOhneKennwort(ws);
}

/**
 * Page numbers that count across the workbook: exceljs reads every sheet's first page number as 1
 * (its default when the file names none) and writes it back with useFirstPageNumber, so Excel and
 * LibreOffice restart at „Seite 1“ on every sheet. A first page number of 1 is dropped before writing.
 */
export function seitenDurchgehend(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets)
    if (ws.pageSetup.firstPageNumber === 1) ws.pageSetup = { ...ws.pageSetup, firstPageNumber: undefined };
}
