/**
 * Writes the check's output into a copy of the workbook — the same output the add-in writes, from the
 * same sheet pictures (shared/arbeitsmappe/blattbild.ts): values in the add-in-owned columns, the
 * Prüfbericht with a link to each finding's cell, the Übersicht's numbers and the seal. The input file
 * is never opened for writing.
 */
import type ExcelJS from "exceljs";
import {
  EIGENE_BLAETTER,
  ZAHLENFORMATE,
  blattAusBezug,
  eigenesBlattFuer,
  freierBlattname,
  istEigenesBlatt,
  mitEigenenBlaettern,
  pruefBilder,
  spaltenBuchstabe,
  verteilBilder,
  type Ausgabe,
  type BerichtZeile,
  type Blattbild,
  type Diagramm,
  type EigenesBlatt,
  type Zellwert,
} from "../shared/arbeitsmappe";
import { markenBezug, neuesBlatt, schreibeBild, seitenDurchgehend } from "./blattbild";

/** The sheet a mark (workbook-scoped name) points at, if that sheet exists. */
export function markiertesBlatt(wb: ExcelJS.Workbook, art: EigenesBlatt): ExcelJS.Worksheet | undefined {
  const bezug = wb.definedNames.getRanges(EIGENE_BLAETTER[art].marke).ranges[0];
  const name = bezug ? blattAusBezug(bezug) : null;
  return name ? wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase()) : undefined;
}

/**
 * Where the tools' sheet of this kind goes: the marked sheet (or one of the wanted name whose first
 * row is ours), else a free name beside a user's sheet of the wanted name (in any letter case — Excel
 * refuses two such names).
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

/**
 * The tools' own sheet of a picture's kind, replaced by the picture: the marked one, or one of the same
 * name that the tools wrote before marks existed. A user's own sheet of the same name is left alone;
 * the output then goes to a free name, said in `hinweise`.
 */
function ersetzeBlatt(wb: ExcelJS.Workbook, bild: Blattbild, hinweise: string[]): ExcelJS.Worksheet {
  const e = EIGENE_BLAETTER[bild.art];
  const { alt, gleichnamig, name } = zielBlatt(wb, bild.art);
  if (!alt && gleichnamig)
    hinweise.push(
      `Das Blatt „${gleichnamig.name}“ gehört nicht zum Prüfwerkzeug und blieb unberührt; die Ausgabe steht auf dem neuen Blatt „${name}“.`,
    );
  if (alt) wb.removeWorksheet(alt.id);
  for (const bezug of wb.definedNames.getRanges(e.marke).ranges) wb.definedNames.remove(bezug, e.marke);
  const ws = neuesBlatt(wb, name, bild);
  schreibeBild(ws, bild);
  return ws;
}

/**
 * The Prüfbericht sheet: its summary page (Kreis, year, counts, seal line, sums per year), then the
 * findings with a link to each cell. Also on its own in a workbook of one sheet, for `lsz pruefen --pdf`.
 */
export function berichtBlatt(wb: ExcelJS.Workbook, ausgabe: Ausgabe, hinweise: string[]): ExcelJS.Worksheet {
  return ersetzeBlatt(wb, pruefBilder(ausgabe).pruefbericht, hinweise);
}

/** The exceljs model of a table (what the file's table part is written from). */
interface TabellenModell {
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string }[];
}

/**
 * A grey output column the user deleted comes back as the table's new last column, as the add-in's
 * `columns.add` does it — where the sheet column right of the table is empty in the table's rows.
 * Excel would move the user's cells over; exceljs cannot, so with cells there the column stays out
 * (the Prüfbericht has every finding) and the result says so. Returns the sheet column, or null.
 */
function spalteAnfuegen(
  ws: ExcelJS.Worksheet,
  s: Ausgabe["spalten"][number],
  hinweise: string[],
): number | null {
  const tabelle = (ws as unknown as { getTable(n: string): { table: TabellenModell } | undefined }).getTable(
    s.def.tabelle,
  );
  const modell = tabelle?.table;
  const ref = modell?.tableRef ?? modell?.ref;
  const m = ref ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref) : null;
  if (!modell || !m) return null;
  const spalte = ws.getColumn(m[3]!).number + 1;
  const [von, bis] = [Number(m[2]), Number(m[4])];
  for (let z = von; z <= bis; z++)
    if (ws.getCell(z, spalte).value !== null) {
      hinweise.push(
        `Die graue Spalte „${s.kopf}“ fehlt in der Tabelle ${s.def.tabelle} (Blatt ${s.blatt}), und rechts daneben stehen Einträge; sie wurde nicht ergänzt. Die Ergebnisse stehen im Prüfbericht.`,
      );
      return null;
    }
  const neu = `${m[1]}${von}:${spaltenBuchstabe(spalte)}${bis}`;
  modell.columns.push({ name: s.kopf, filterButton: true, totalsRowFunction: "none" });
  if (modell.tableRef) modell.tableRef = neu;
  if (modell.ref) modell.ref = neu;
  if (modell.autoFilterRef) modell.autoFilterRef = neu;
  ws.getCell(von, spalte).value = s.kopf;
  return spalte;
}

/** The values of the output columns in the Maßnahmen and Finanzplan tables, in their layout format. */
function ausgabeSpalten(wb: ExcelJS.Workbook, ausgabe: Ausgabe, hinweise: string[]) {
  for (const s of ausgabe.spalten) {
    const ws = wb.getWorksheet(s.blatt);
    if (!ws || s.werte.length === 0) continue;
    const spalte = s.spalte ?? spalteAnfuegen(ws, s, hinweise);
    if (spalte === null) continue;
    for (const { zeile, wert } of s.werte) {
      const c = ws.getCell(zeile, spalte);
      c.numFmt = ZAHLENFORMATE[s.typ];
      c.value = wert as ExcelJS.CellValue;
    }
  }
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
  ausgabeSpalten(wb, ausgabe, hinweise);
  // Findings of year rules point at the Übersicht: name it where it will be written (a free name
  // where a user's sheet has the wanted one), before the report is written.
  const arten = (ausgabe.diagramme ?? []).map((d) => eigenesBlattFuer(d.blatt) ?? "uebersicht");
  const namen = Object.fromEntries(arten.map((art) => [art, zielBlatt(wb, art).name]));
  const bericht = mitEigenenBlaettern(ausgabe.bericht, namen);
  const bilder = pruefBilder({ ...ausgabe, bericht });
  ersetzeBlatt(wb, bilder.pruefbericht, hinweise);
  if (bilder.siegel) ersetzeBlatt(wb, bilder.siegel, hinweise);
  if (bilder.uebersicht) ersetzeBlatt(wb, bilder.uebersicht, hinweise);
  seitenDurchgehend(wb);
  return { hinweise, bericht };
}

export function schreibeVerteilung(
  wb: ExcelJS.Workbook,
  zeilen: Zellwert[][],
  bericht: Ausgabe["bericht"],
  diagramme: readonly Diagramm[],
): string[] {
  const hinweise: string[] = [];
  const bilder = verteilBilder(zeilen, bericht, diagramme);
  ersetzeBlatt(wb, bilder.foerderhoechstbetraege, hinweise);
  ersetzeBlatt(wb, bilder.verteilungsbericht, hinweise);
  seitenDurchgehend(wb);
  return hinweise;
}

export { markenBezug };
