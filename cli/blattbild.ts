/**
 * The exceljs hand of the sheet pictures (shared/arbeitsmappe/blattbild.ts): lsz and the template
 * write every output sheet from the same picture the add-in carries out through Office.js, and the
 * template's input sheets (tables, dropdowns, notes, unlocked cells) from theirs. Units are
 * converted here: widths from points to the file's characters, colours to ARGB. exceljs cannot draw
 * charts: their numbers are written, the add-in draws the chart (or the user: Einfügen → Diagramm).
 */
import type ExcelJS from "exceljs";
import {
  DRUCK_TEXTE,
  EIGENE_BLAETTER,
  STILE,
  bereichAdresse,
  zellAdresse,
  istAusgabeblatt,
  istVerweis,
  ungeschriebeneTeile,
  zeichenbreite,
  type Bereich,
  type Bildteil,
  type Bildzelle,
  type Blattart,
  type Blattbild,
  type Gueltigkeit,
  type Stil,
} from "../shared/arbeitsmappe";

/** The parts of a picture this hand writes: every one (a new part fails the type check here). */
const TEILE = {
  art: true,
  bloecke: true,
  formate: true,
  stile: true,
  breiten: true,
  umbruch: true,
  hoehen: true,
  fixiert: true,
  druck: true,
  geschuetzt: true,
  sichtbar: true,
  reiter: true,
  diagramme: true, // their numbers; exceljs cannot draw the chart itself
  tabellen: true,
  gueltigkeiten: true,
  notizen: true,
  entsperrt: true,
} as const satisfies Record<Bildteil, boolean>;

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

/** A new sheet for a picture: frozen rows, tab colour, visibility; an output sheet marked as the tools' own. */
export function neuesBlatt(wb: ExcelJS.Workbook, name: string, bild: Blattbild<Blattart>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: bild.fixiert > 0 ? [{ state: "frozen", ySplit: bild.fixiert }] : [],
    ...(bild.reiter ? { properties: { tabColor: { argb: argb(bild.reiter) } } } : {}),
    state: bild.sichtbar ? "visible" : "hidden",
  });
  if (istAusgabeblatt(bild.art)) wb.definedNames.add(markenBezug(name), EIGENE_BLAETTER[bild.art].marke);
  return ws;
}

/** A named style on a cell: font parts over the cell's font, the fill. */
function stil(c: ExcelJS.Cell, s: Stil) {
  if (s.fett !== undefined || s.groesse !== undefined || s.schrift !== undefined)
    c.font = {
      ...c.font,
      ...(s.fett !== undefined ? { bold: s.fett } : {}),
      ...(s.groesse !== undefined ? { size: s.groesse } : {}),
      ...(s.schrift !== undefined ? { color: { argb: argb(s.schrift) } } : {}),
    };
  if (s.fuellung !== undefined)
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fuellung) } };
}

/** A data validation over a range, with its German error message. */
function gueltigkeit(ws: ExcelJS.Worksheet, g: Gueltigkeit) {
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(bereichAdresse(g.bereich), {
    type: g.art === "liste" ? "list" : "custom",
    allowBlank: true,
    formulae: [g.art === "liste" ? g.quelle : "FALSE"],
    showErrorMessage: true,
    errorStyle: g.stufe === "warnung" ? "warning" : "stop",
    errorTitle: g.titel,
    error: g.meldung,
  });
}

/** The Excel tables of a picture, over the cells its blocks wrote (exceljs writes them again, the same). */
function tabellen(ws: ExcelJS.Worksheet, bild: Blattbild<Blattart>) {
  for (const t of bild.tabellen) {
    const rows = Array.from({ length: t.zeilen }, (_, r) =>
      t.spalten.map((_, s) => ws.getCell(t.zeile + 1 + r, t.spalte + s).value),
    );
    ws.addTable({
      name: t.name,
      ref: zellAdresse(t.spalte, t.zeile),
      headerRow: true,
      style: { theme: t.stil as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: t.spalten.map((name) => ({ name, ...(t.filter ? { filterButton: true } : {}) })),
      rows,
    });
  }
}

/** Carries out a picture on its (new, empty) sheet. */
export function schreibeBild(ws: ExcelJS.Worksheet, bild: Blattbild<Blattart>): void {
  const fehlt = ungeschriebeneTeile(bild, TEILE);
  if (fehlt.length > 0) throw new Error(`lsz kann ${fehlt.join(", ")} nicht schreiben.`);
  for (const f of bild.formate) jedeZelle(ws, f.bereich, (c) => (c.numFmt = f.format));
  for (const b of bild.bloecke)
    b.werte.forEach((reihe, r) =>
      reihe.forEach((v, s) => (ws.getCell(b.zeile + r, b.spalte + s).value = zellwert(v))),
    );
  tabellen(ws, bild);
  for (const { bereich, stil: name } of bild.stile) jedeZelle(ws, bereich, (c) => stil(c, STILE[name]));
  for (const b of bild.breiten)
    for (let s = b.von; s <= b.bis; s++) ws.getColumn(s).width = zeichenbreite(b.pt);
  for (const u of bild.umbruch)
    jedeZelle(ws, u, (c) => (c.alignment = { ...c.alignment, wrapText: true, vertical: "top" }));
  for (const h of bild.hoehen) ws.getRow(h.zeile).height = h.pt;
  for (const n of bild.notizen) ws.getCell(n.zeile, n.spalte).note = n.text;
  for (const e of bild.entsperrt) jedeZelle(ws, e, (c) => (c.protection = { locked: false }));
  for (const g of bild.gueltigkeiten) gueltigkeit(ws, g);
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
