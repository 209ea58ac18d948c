/**
 * Reading (2 syncs, one more per further chunk): the table list, sheet names and the add-in's sheet
 * marks; then each named table's header, row count and first rows, the seal and the chart names;
 * tables longer than the first chunk are read on in chunks that stay below Excel's payload limit.
 */
import {
  EIGENE_BLAETTER,
  ZEILEN_DARUNTER,
  blattAusBezug,
  istEigenesBlatt,
  ordneTabelle,
  spaltenBuchstabe,
  type Arbeitsmappe,
  type EigenesBlatt,
  type TabellenDaten,
  type Zellwert,
  zeilenDarunter,
} from "../../../shared/arbeitsmappe";
import { anhaengen } from "../../../shared/befund";
import { alsFehlerwert, excelFehler } from "../../../shared/excel-fehler";
import type { ExcelApi, Range, RequestContext } from "./excel-api";
import {
  TABELLEN,
  ZEILENSCHLUESSEL,
  fehlerCode,
  schluesselHash,
  type Lesestand,
  type Lesung,
  type TabellenSchluessel,
  type Teilmeldung,
} from "./gemeinsam";
import { LESE_ZIEL, jsonBytes } from "./stapel";

/** The seal on its own hidden sheet (label A, value B); before that sheet existed, beside the Prüfbericht. */
const SIEGEL_BEREICH = "A1:B45";
const ALTER_SIEGEL_BEREICH = "H1:I45";
/** Rows read with the table's header in the second sync; longer tables are read on in chunks. */
const ERSTES_STUECK = 1000;
/** Cells whose type is asked for at most (one range each): beyond, the core's own reading decides. */
const HOECHSTENS_NACHGEFRAGT = 2_000;

/** The add-in's sheets by their marks: kind → sheet name (marks whose sheet is gone are left out). */
export function markierteBlaetter(
  namen: { name: string; value: string }[],
  blaetter: readonly string[],
): Partial<Record<EigenesBlatt, string>> {
  const aus: Partial<Record<EigenesBlatt, string>> = {};
  for (const [art, e] of Object.entries(EIGENE_BLAETTER) as [EigenesBlatt, { marke: string }][]) {
    const n = namen.find((x) => x.name.toLowerCase() === e.marke.toLowerCase());
    const blatt = n ? blattAusBezug(n.value) : null;
    const echt = blatt ? blaetter.find((b) => b.toLowerCase() === blatt.toLowerCase()) : undefined;
    if (echt) aus[art] = echt;
  }
  return aus;
}

interface Geplant {
  schluessel: TabellenSchluessel;
  name: string;
  blatt: string;
  kopf: Range;
  koerper: Range;
  erste: Range | null;
  /** The rows right below the table (and its totals row, where shown): typed or pasted outside it. */
  darunter: Range;
}

/**
 * Excel set to calculate by hand (Excel.CalculationMode.manual, ExcelApi 1.1: „only when the user or
 * add-in requests it“): a formula in an input table may show a result older than its inputs, and what
 * is checked is what it shows. Said, not changed — the setting is the user's.
 */
export const VON_HAND =
  "Excel berechnet diese Mappe nur auf Anforderung (Formeln → Berechnungsoptionen → Manuell): Ergebnisse von Formeln in den Tabellen können veraltet sein, geprüft wurde, was sie zeigen. F9 drücken (oder Berechnungsoptionen → Automatisch) und erneut prüfen.";

/**
 * A table whose header row is switched off (Table.showHeaders false, ExcelApi 1.3) is not read: its
 * columns are found by their headers, and Excel does not document what getHeaderRowRange() then gives.
 */
export function ohneKopfzeile(tabelle: string, blatt: string): string {
  return `Die Tabelle „${tabelle}“ auf dem Blatt „${blatt}“ zeigt keine Kopfzeile (Tabellenentwurf → Kopfzeile ist ausgeschaltet): ohne ihre Überschriften ist nicht zu erkennen, welche Spalte welche ist, daher wurde sie nicht gelesen. Eine Zelle der Tabelle wählen, Tabellenentwurf → Kopfzeile einschalten und erneut prüfen.`;
}

/** Queues the second sync's loads: headers, row counts, first rows, candidates' row 1, seal, nothing else. */
function planeLesen(
  ctx: RequestContext,
  tabellen: { name: string; blatt: string }[],
  kandidaten: [EigenesBlatt, string][],
  siegelOrt: { blatt: string; bereich: string } | null,
  mitErstenZeilen: boolean,
) {
  const geplant: Geplant[] = [];
  for (const [schluessel, { tabelle: name }] of Object.entries(TABELLEN) as [
    TabellenSchluessel,
    { tabelle: string },
  ][]) {
    const t = tabellen.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) continue;
    const tabelle = ctx.workbook.tables.getItem(t.name);
    const kopf = tabelle.getHeaderRowRange();
    kopf.load("values,rowIndex,columnIndex");
    const koerper = tabelle.getDataBodyRange();
    koerper.load("rowCount");
    const erste = mitErstenZeilen ? kopf.getRowsBelow(ERSTES_STUECK) : null;
    erste?.load("values");
    const darunter = tabelle.getRange().getRowsBelow(ZEILEN_DARUNTER);
    darunter.load("values,rowIndex");
    geplant.push({ schluessel, name: t.name, blatt: t.blatt, kopf, koerper, erste, darunter });
  }
  const erkennung = kandidaten.map(([art, blatt]) => {
    const r = ctx.workbook.worksheets.getItem(blatt).getRange("A1:F1");
    r.load("values");
    return [art, blatt, r] as const;
  });
  const siegel = siegelOrt
    ? ctx.workbook.worksheets.getItem(siegelOrt.blatt).getRange(siegelOrt.bereich)
    : null;
  siegel?.load("values");
  return { geplant, erkennung, siegel };
}

/**
 * Excel's error values reach the core as error values (Z03). `Range.values` returns an error cell's
 * text (#N/A, #DIV/0! …), which the core knows (shared/excel-fehler.ts); an error value always begins
 * with #. Only for a cell whose text begins with # and is not known as one is `valueTypes` asked (one
 * sync, and only then): where Excel says "Error" (Excel.RangeValueType.error), the text is handed on in
 * the form of an error value. Loading valueTypes with every chunk would triple a small read's response
 * (1.000 rows read at once, "Empty" costs 8 bytes where "" costs 3).
 */
/** A text that may be an error value of another display language: # and a word, not one known. */
export const fraglicherFehlerwert = (v: unknown): boolean =>
  typeof v === "string" && /^#\p{L}[\p{L}\p{N}/_.]*[!?]?$/u.test(v.trim()) && !excelFehler(v);

export async function bestaetigeFehlerwerte(
  ctx: RequestContext,
  blatt: string,
  werte: Zellwert[][],
  ersteZeile: number,
  ersteSpalte: number,
) {
  const fraglich: { r: number; c: number; bereich: Range }[] = [];
  werte.forEach((z, r) =>
    z.forEach((v, c) => {
      if (!fraglicherFehlerwert(v)) return;
      if (fraglich.length >= HOECHSTENS_NACHGEFRAGT) return;
      const bereich = ctx.workbook.worksheets
        .getItem(blatt)
        .getRange(`${spaltenBuchstabe(ersteSpalte + c)}${ersteZeile + r}`);
      bereich.load("valueTypes");
      fraglich.push({ r, c, bereich });
    }),
  );
  if (fraglich.length === 0) return;
  await ctx.sync();
  for (const f of fraglich)
    if (f.bereich.valueTypes[0]?.[0] === "Error") werte[f.r]![f.c] = alsFehlerwert(werte[f.r]![f.c]);
}

/** Cells as the core takes them: Excel's empty text is an empty cell. */
export const alsZellwerte = (werte: readonly (readonly unknown[])[]): Zellwert[][] =>
  werte.map((z) => z.map((v) => (v === "" ? null : (v as Zellwert))));

/** One chunk's values; null where Excel refused the response as too large (and a smaller chunk can follow). */
async function ladeStueck(
  ctx: RequestContext,
  blatt: string,
  adresse: string,
  teilbar: boolean,
): Promise<Zellwert[][] | null> {
  const bereich = ctx.workbook.worksheets.getItem(blatt).getRange(adresse);
  bereich.load("values");
  try {
    await ctx.sync();
  } catch (e) {
    if (fehlerCode(e) !== "ResponsePayloadSizeLimitExceeded" || !teilbar) throw e;
    return null;
  }
  // Synced in the try block above; the rule does not follow try/catch.
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
  return bereich.values as Zellwert[][];
}

/** Reads the rows of a table beyond those already read, in chunks sized by what the rows measured. */
async function leseWeiter(
  ctx: RequestContext,
  g: Geplant,
  werte: Zellwert[][],
  gesamt: number,
  spalten: number,
  kopfZeile: number,
  ersteSpalte: number,
  teil: () => void,
) {
  let jeZeile = werte.length > 0 ? jsonBytes(werte) / werte.length : 40 * spalten;
  while (werte.length < gesamt) {
    const n = Math.max(1, Math.min(gesamt - werte.length, Math.floor(LESE_ZIEL / Math.max(jeZeile, 1))));
    const von = kopfZeile + 1 + werte.length;
    const adresse = `${spaltenBuchstabe(ersteSpalte)}${von}:${spaltenBuchstabe(ersteSpalte + spalten - 1)}${von + n - 1}`;
    const stueck = await ladeStueck(ctx, g.blatt, adresse, n > 1);
    if (stueck === null) {
      jeZeile = (LESE_ZIEL / n) * 2; // longer rows than measured so far: the same rows again, in halves
      continue;
    }
    teil();
    jeZeile = Math.max(jeZeile, jsonBytes(stueck) / stueck.length);
    anhaengen(werte, stueck);
  }
}

/** The row keys of a table as read: their sheet columns and a hash over their values in every row. */
function zeilenSchluessel(
  k: TabellenSchluessel,
  t: TabellenDaten,
  werte: readonly (readonly Zellwert[])[],
): { schluesselSpalten: number[]; schluesselHash: string } {
  const namen: readonly string[] =
    k in ZEILENSCHLUESSEL ? ZEILENSCHLUESSEL[k as keyof typeof ZEILENSCHLUESSEL] : [];
  const def = TABELLEN[k];
  const geordnet = "spalten" in def ? ordneTabelle({ ...t, werte: [] }, def) : null;
  const spalten = namen.map((n) => geordnet?.spalten.get(n)).filter((s): s is number => s !== undefined);
  const schluesselSpalten = spalten.length > 0 ? spalten : [t.ersteSpalte];
  const hash = schluesselHash(schluesselSpalten.map((s) => werte.map((z) => z[s - t.ersteSpalte] ?? "")));
  return { schluesselSpalten, schluesselHash: hash };
}

/** Unmarked sheets named like one of the add-in's: recognised by their first row, or the user's. */
function gleichnamige(markiert: Partial<Record<EigenesBlatt, string>>, blaetter: readonly string[]) {
  const kandidaten: [EigenesBlatt, string][] = [];
  for (const art of Object.keys(EIGENE_BLAETTER) as EigenesBlatt[]) {
    if (markiert[art]) continue;
    const gleichnamig = blaetter.find(
      (b) => b.toLocaleLowerCase("de") === EIGENE_BLAETTER[art].blatt.toLocaleLowerCase("de"),
    );
    if (gleichnamig) kandidaten.push([art, gleichnamig]);
  }
  return kandidaten;
}

export async function lese(excel: ExcelApi, teilmeldung: Teilmeldung = () => {}): Promise<Lesung> {
  return excel.run({ delayForCellEdit: true }, async (ctx) => {
    const liste = ctx.workbook.tables;
    liste.load("items/name,items/worksheet/name,items/showHeaders");
    ctx.workbook.worksheets.load("items/name");
    ctx.workbook.names.load("items/name,items/value");
    const anwendung = ctx.workbook.application;
    anwendung.load("calculationMode");
    await ctx.sync();
    let teile = 0;
    const teil = () => teilmeldung(++teile);
    const blaetter = ctx.workbook.worksheets.items.map((w) => w.name);
    const markiert = markierteBlaetter(ctx.workbook.names.items, blaetter);
    const kandidaten = gleichnamige(markiert, blaetter);
    // The seal: on the add-in's seal sheet; in a workbook checked before it existed, beside the Prüfbericht.
    const kandidat = (art: EigenesBlatt) => markiert[art] ?? kandidaten.find(([a]) => a === art)?.[1] ?? null;
    const siegelArt: EigenesBlatt = kandidat("siegel") ? "siegel" : "pruefbericht";
    const siegelBlatt = kandidat(siegelArt);
    const siegelOrt = siegelBlatt
      ? { blatt: siegelBlatt, bereich: siegelArt === "siegel" ? SIEGEL_BEREICH : ALTER_SIEGEL_BEREICH }
      : null;
    const ohneKopf = liste.items.filter((t) => !t.showHeaders);
    const tabellen = liste.items
      .filter((t) => t.showHeaders)
      .map((t) => ({ name: t.name, blatt: t.worksheet.name }));
    let plan = planeLesen(ctx, tabellen, kandidaten, siegelOrt, true);
    try {
      await ctx.sync();
    } catch (e) {
      if (fehlerCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
      plan = planeLesen(ctx, tabellen, kandidaten, siegelOrt, false); // first rows too long: chunks only
      await ctx.sync();
    }
    teil();
    const eigene: Partial<Record<EigenesBlatt, string>> = { ...markiert };
    for (const [art, blatt, r] of plan.erkennung)
      if (istEigenesBlatt(art, r.values[0] ?? [])) eigene[art] = blatt;
    const stand: Lesestand = { tabellen: {}, eigene };
    const hinweise = ohneKopf.map((t) => ohneKopfzeile(t.name, t.worksheet.name));
    if (anwendung.calculationMode === "Manual") hinweise.push(VON_HAND);
    const mappe: Arbeitsmappe = {
      siegel: plan.siegel && eigene[siegelArt] === siegelBlatt ? (plan.siegel.values as Zellwert[][]) : null,
    };
    for (const g of plan.geplant) {
      const kopfWerte = (g.kopf.values[0] ?? []) as Zellwert[];
      const kopfZeile = g.kopf.rowIndex + 1;
      const ersteSpalte = g.kopf.columnIndex + 1;
      const gesamt = g.koerper.rowCount;
      const werte = ((g.erste?.values ?? []) as Zellwert[][]).slice(0, gesamt);
      await leseWeiter(ctx, g, werte, gesamt, kopfWerte.length, kopfZeile, ersteSpalte, teil);
      await bestaetigeFehlerwerte(ctx, g.blatt, werte, kopfZeile + 1, ersteSpalte);
      const t: TabellenDaten = {
        blatt: g.blatt,
        kopfZeile,
        ersteSpalte,
        kopf: kopfWerte.map((v) => (typeof v === "string" ? v : v === null ? null : String(v))),
        werte: alsZellwerte(werte),
      };
      mappe[g.schluessel] = t;
      const darunter = zeilenDarunter(g.darunter.values, g.darunter.rowIndex + 1, g.name, g.blatt);
      if (darunter) hinweise.push(darunter);
      stand.tabellen[g.schluessel] = {
        name: g.name,
        blatt: g.blatt,
        kopfZeile,
        ersteSpalte,
        kopf: kopfWerte,
        zeilen: gesamt,
        ...zeilenSchluessel(g.schluessel, t, werte),
      };
    }
    return { mappe, stand, hinweise };
  });
}
