/**
 * Print setup and protection of the sheets lsz writes (and the template's), as the add-in sets them.
 */
import type ExcelJS from "exceljs";

/**
 * How a sheet prints, as the add-in sets it: A4 landscape (portrait for text), fit to the page width,
 * the header row repeated on every page, the sheet's name and the date above, the page number below.
 */
export function druckEinrichtung(ws: ExcelJS.Worksheet, titelZeile: number | null, hoch = false) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: hoch ? "portrait" : "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(titelZeile !== null ? { printTitlesRow: `${titelZeile}:${titelZeile}` } : {}),
  };
  ws.headerFooter = { oddHeader: "&C&A&R&D", oddFooter: "&CSeite &P von &N" };
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
