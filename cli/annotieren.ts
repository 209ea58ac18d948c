/**
 * Writes the check's output into a copy of the workbook — the same output the add-in writes: values in
 * the add-in-owned columns and the sheet "Prüfbericht" with a link to each finding's cell. The input
 * file is never opened for writing.
 */
import type ExcelJS from "exceljs";
import {
  BERICHT_BREITEN_PT,
  DIAGRAMM_NAMEN,
  EIGENE_BLAETTER,
  eigenesBlattFuer,
  mitEigenenBlaettern,
  type BerichtZeile,
  FINANZPLAN_UEBERSICHT,
  FOERDERHOECHSTBETRAEGE_BREITEN_PT,
  SIEGEL_BREITEN_PT,
  UEBERSICHT_BREITEN_PT,
  blattAusBezug,
  freierBlattname,
  istEigenesBlatt,
  zeichenbreite,
  type EigenesBlatt,
  PRUEFBERICHT,
  VERTEILUNGSBERICHT,
  ERGEBNIS_SPALTEN,
  FOERDERHOECHSTBETRAEGE,
  ergebnisFormat,
  SCHWERE_TEXT,
  ZAHLENFORMATE,
  ausschoepfungZellen,
  diagrammZellen,
  type Ausgabe,
  type Diagramm,
  type Zellwert,
} from "../shared/arbeitsmappe";
import { siegelZellen } from "../shared/siegel";
import { druckEinrichtung, schuetzeOhneKennwort } from "./druck";
import { AUSGABE_HINWEIS } from "./vorlage";

/** The A1 reference a sheet's mark points at. */
function markenBezug(blatt: string): string {
  return `'${blatt.replace(/'/g, "''")}'!$A$1`;
}

/** The sheet a mark (workbook-scoped name) points at, if that sheet exists. */
export function markiertesBlatt(wb: ExcelJS.Workbook, art: EigenesBlatt): ExcelJS.Worksheet | undefined {
  const bezug = wb.definedNames.getRanges(EIGENE_BLAETTER[art].marke).ranges[0];
  const name = bezug ? blattAusBezug(bezug) : null;
  return name ? wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase()) : undefined;
}

/**
 * The tools' own sheet of a kind, replaced: the marked one, or one of the same name that the tools
 * wrote before marks existed. A user's own sheet of the same name (in any letter case — Excel refuses
 * two such names) is left alone; the output then goes to a free name, said in `hinweise`.
 */
/**
 * Where the add-in's sheet of this kind goes: the marked sheet (or one of the wanted name whose first
 * row is ours), else a free name beside a user's sheet of the wanted name.
 */
function zielBlatt(wb: ExcelJS.Workbook, art: EigenesBlatt) {
  const e = EIGENE_BLAETTER[art];
  let alt = markiertesBlatt(wb, art);
  const gleichnamig = wb.worksheets.find(
    (w) => w.name.toLocaleLowerCase("de") === e.blatt.toLocaleLowerCase("de"),
  );
  if (!alt && gleichnamig) {
    const ersteZeile = Array.from({ length: 6 }, (_, i) => {
      const v = gleichnamig.getCell(1, i + 1).value;
      return typeof v === "object" && v !== null ? null : v;
    });
    if (istEigenesBlatt(art, ersteZeile)) alt = gleichnamig;
  }
  const name = alt
    ? alt.name
    : freierBlattname(
        e.blatt,
        wb.worksheets.map((w) => w.name),
      );
  return { alt, gleichnamig, name };
}

function ersetzeBlatt(wb: ExcelJS.Workbook, art: EigenesBlatt, hinweise: string[]): ExcelJS.Worksheet {
  const e = EIGENE_BLAETTER[art];
  const { alt, gleichnamig, name } = zielBlatt(wb, art);
  if (!alt && gleichnamig)
    hinweise.push(
      `Das Blatt „${gleichnamig.name}“ gehört nicht zum Prüfwerkzeug und blieb unberührt; die Ausgabe steht auf dem neuen Blatt „${name}“.`,
    );
  if (alt) wb.removeWorksheet(alt.id);
  for (const bezug of wb.definedNames.getRanges(e.marke).ranges) wb.definedNames.remove(bezug, e.marke);
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    properties: { tabColor: { argb: "FF595959" } },
  });
  wb.definedNames.add(markenBezug(name), e.marke);
  schuetzeOhneKennwort(ws);
  return ws;
}

/** Widths come in points from the layout (the add-in's unit); the file stores characters. */
function kopfzeile(ws: ExcelJS.Worksheet, kopf: readonly string[], breitenPt: readonly number[], zeile = 1) {
  druckEinrichtung(ws, zeile);
  kopf.forEach((k, i) => {
    const c = ws.getCell(zeile, i + 1);
    c.value = k;
    c.font = { bold: true, color: { argb: "FFFFFFFF" } };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF595959" } };
    ws.getColumn(i + 1).width = zeichenbreite(breitenPt[Math.min(i, breitenPt.length - 1)]!);
  });
  ws.getCell(zeile, 1).note = AUSGABE_HINWEIS;
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

/**
 * The Prüfbericht sheet: its summary page (Kreis, year, counts, seal line, sums per year), then the
 * findings with a link to each cell. Also on its own in a workbook of one sheet, for `lsz pruefen --pdf`.
 */
export function berichtBlatt(wb: ExcelJS.Workbook, ausgabe: Ausgabe, hinweise: string[]): ExcelJS.Worksheet {
  const ws = ersetzeBlatt(wb, "pruefbericht", hinweise);
  // The summary page first (Kreis, year, counts, seal, sums per year), the findings below it.
  const oben = ausgabe.zusammenfassung ?? [];
  oben.forEach((z, i) =>
    z.forEach((v, j) => {
      const c = ws.getCell(i + 1, j + 1);
      c.value = v as ExcelJS.CellValue;
      if (i === 0 || j === 0) c.font = { bold: true, ...(i === 0 ? { size: 14 } : {}) };
    }),
  );
  // The sums per year under „Jahr“: euros and percentages.
  const jahr = oben.findIndex((r) => r[0] === FINANZPLAN_UEBERSICHT.ausschoepfungKopf[0]);
  for (let i = jahr + 1; jahr >= 0 && i < oben.length; i++)
    for (let j = 2; j <= 6; j++)
      ws.getCell(i + 1, j).numFmt = j <= 3 ? ZAHLENFORMATE.euro : ZAHLENFORMATE.prozent;
  const kopfZeile = oben.length > 0 ? oben.length + 2 : 1;
  kopfzeile(ws, PRUEFBERICHT.kopf, BERICHT_BREITEN_PT, kopfZeile);
  ausgabe.bericht.forEach((b, i) => {
    const r = ws.getRow(kopfZeile + 1 + i);
    r.values = [SCHWERE_TEXT[b.schwere], b.regel, b.meldung, b.blatt, null, b.regelwerk, b.beheben];
    if (b.zelle)
      r.getCell(5).value = { text: b.zelle, hyperlink: `#${markenBezug(b.blatt).replace("$A$1", b.zelle)}` };
    r.getCell(3).alignment = { wrapText: true, vertical: "top" };
  });
  if (ausgabe.bericht.length === 0) ws.getCell(kopfZeile + 1, 1).value = SCHWERE_TEXT.ok;
  return ws;
}

/**
 * Writes the check's output into the workbook; returns what the user should know (sheets left alone)
 * and the report's rows as written (naming the sheets where they went).
 */
export function schreibePruefung(
  wb: ExcelJS.Workbook,
  ausgabe: Ausgabe,
): { hinweise: string[]; bericht: BerichtZeile[] } {
  const hinweise: string[] = [];
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
      c.numFmt = ZAHLENFORMATE[s.typ];
    }
  }
  // Findings of year rules point at the Übersicht: name it where it will be written (a free name
  // where a user's sheet has the wanted one), before the report is written.
  const arten = (ausgabe.diagramme ?? []).map((d) => eigenesBlattFuer(d.blatt) ?? "uebersicht");
  const namen = Object.fromEntries(arten.map((art) => [art, zielBlatt(wb, art).name]));
  const bericht = mitEigenenBlaettern(ausgabe.bericht, namen);
  berichtBlatt(wb, { ...ausgabe, bericht }, hinweise);
  if (ausgabe.siegel) {
    // The seal's data on a hidden sheet of their own; the summary above names it in one line.
    const sw = ersetzeBlatt(wb, "siegel", hinweise);
    siegelZellen(ausgabe.siegel).forEach(([label, wert], i) => {
      sw.getCell(i + 1, 1).value = label;
      sw.getCell(i + 1, 2).value = wert;
    });
    sw.getCell(1, 1).font = { bold: true };
    sw.getColumn(1).width = zeichenbreite(SIEGEL_BREITEN_PT[0]);
    sw.getColumn(2).width = zeichenbreite(SIEGEL_BREITEN_PT[1]);
    sw.state = "hidden";
  }
  const blaetter = new Map<EigenesBlatt, ExcelJS.Worksheet>();
  for (const d of ausgabe.diagramme ?? []) {
    const art = eigenesBlattFuer(d.blatt) ?? "uebersicht";
    const blatt = blaetter.get(art) ?? ersetzeBlatt(wb, art, hinweise); // once per sheet: charts share it
    blaetter.set(art, blatt);
    druckEinrichtung(blatt, null);
    diagrammDaten(blatt, d);
    if (d.name !== DIAGRAMM_NAMEN.jahre || !ausgabe.ausschoepfung) continue;
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
    blatt.getColumn(1).width = zeichenbreite(UEBERSICHT_BREITEN_PT[0]);
    for (let j = 2; j <= 6; j++) blatt.getColumn(j).width = zeichenbreite(UEBERSICHT_BREITEN_PT[1]);
  }
  return { hinweise, bericht };
}

export function schreibeVerteilung(
  wb: ExcelJS.Workbook,
  zeilen: Zellwert[][],
  bericht: Ausgabe["bericht"],
  diagramme: readonly Diagramm[],
): string[] {
  const hinweise: string[] = [];
  const ws = ersetzeBlatt(wb, "foerderhoechstbetraege", hinweise);
  kopfzeile(ws, FOERDERHOECHSTBETRAEGE.kopf, FOERDERHOECHSTBETRAEGE_BREITEN_PT);
  const formate = ERGEBNIS_SPALTEN.map(ergebnisFormat);
  zeilen.forEach((z, i) => {
    z.forEach((v, j) => {
      const c = ws.getCell(i + 2, j + 1);
      c.value = v as ExcelJS.CellValue;
      c.numFmt = formate[j] ?? "General";
    });
  });
  for (const d of diagramme) diagrammDaten(ws, d);
  const pb = ersetzeBlatt(wb, "verteilungsbericht", hinweise);
  kopfzeile(pb, VERTEILUNGSBERICHT.kopf, BERICHT_BREITEN_PT);
  bericht.forEach((b, i) => {
    const r = pb.getRow(i + 2);
    r.values = [SCHWERE_TEXT[b.schwere], b.regel, b.meldung, b.blatt, null, b.regelwerk, b.beheben];
    if (b.zelle)
      r.getCell(5).value = { text: b.zelle, hyperlink: `#${markenBezug(b.blatt).replace("$A$1", b.zelle)}` };
  });
  return hinweise;
}
