/**
 * The workbook gateway: the only code that talks to Excel.
 *
 * Reading (2 syncs, one more per further chunk): the table list, sheet names and the add-in's sheet
 * marks; then each named table's header, row count and first rows, the seal and the chart names;
 * tables longer than the first chunk are read on in chunks that stay below Excel's payload limit.
 *
 * Writing (2 syncs, one more per further chunk): first a look at what decides whether the write can
 * succeed — the tables still as read (rows, order, position), no filter on them, the add-in's sheets
 * still there, which sheets are protected. A write that would fail or land wrong is not started; the
 * result says why in German. Then, in budgeted chunks: the add-in's sheets cleared (the old seal goes
 * first), the output columns, the report, the charts, and the seal last, so an interrupted write never
 * leaves a valid seal beside stale statuses. Only output columns and the add-in's own (marked) sheets
 * are written, never a cell the user typed.
 */
import {
  BEGRUENDUNGEN,
  BERICHT_BREITEN_PT,
  DIAGRAMM_NAMEN,
  EIGENE_BLAETTER,
  eigenesBlattFuer,
  FINANZPLAN,
  FINANZPLAN_UEBERSICHT,
  ERGEBNIS_SPALTEN,
  FOERDERHOECHSTBETRAEGE,
  ergebnisFormat,
  FOERDERHOECHSTBETRAEGE_BREITEN_PT,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  PRUEFBERICHT,
  SCHWERE_TEXT,
  SIEGEL_BREITEN_PT,
  UEBERSICHT_BREITEN_PT,
  VERTEILUNGSBERICHT,
  ZAHLENFORMATE,
  ausschoepfungZellen,
  blattAusBezug,
  mitEigenenBlaettern,
  diagrammBlock,
  diagrammKopf,
  diagrammQuelle,
  diagrammWertSpalten,
  diagrammZellen,
  freierBlattname,
  istEigenesBlatt,
  spaltenBuchstabe,
  zellAdresse,
  type Arbeitsmappe,
  type Ausgabe,
  type BerichtZeile,
  type Diagramm,
  type EigenesBlatt,
  type TabellenDaten,
  type Zellwert,
} from "../../../shared/arbeitsmappe";
import { anhaengen } from "../../../shared/befund";
import { siegelZellen } from "../../../shared/siegel";
import type { ExcelApi, Range, RequestContext, Worksheet } from "./excel-api";
import { LESE_ZIEL, Stapel, jsonBytes, stuecke } from "./stapel";

/** Where the Prüfsiegel stands on the Prüfbericht sheet (label H, value I). */
/** The seal on its own hidden sheet (label A, value B); before that sheet existed, beside the Prüfbericht. */
const SIEGEL_BEREICH = "A1:B45";
const ALTER_SIEGEL_BEREICH = "H1:I45";
/** Rows read with the table's header in the second sync; longer tables are read on in chunks. */
const ERSTES_STUECK = 1000;

/** The layout's tables by the Arbeitsmappe's keys: their Excel names, and their sheets for messages. */
const TABELLEN = {
  massnahmen: MASSNAHMEN,
  finanzplan: FINANZPLAN,
  begruendungen: BEGRUENDUNGEN,
  indikatoren: INDIKATOREN_TABELLE,
  parameter: PARAMETER,
} as const satisfies Record<Exclude<keyof Arbeitsmappe, "siegel">, { tabelle: string; blatt: string }>;

type TabellenSchluessel = keyof typeof TABELLEN;

/** A table as the read saw it: what the write compares before it writes. */
interface GeleseneTabelle {
  name: string;
  blatt: string;
  kopfZeile: number;
  ersteSpalte: number;
  kopf: Zellwert[];
  zeilen: number;
  /** The first column's values: rows inserted, deleted or sorted since the read change them. */
  ersteSpalteWerte: Zellwert[];
}

/** What the read saw, handed to the write (no state is kept between them). */
interface Lesestand {
  tabellen: Partial<Record<TabellenSchluessel, GeleseneTabelle>>;
  /** The add-in's sheets found (by mark, or recognised by content): kind → sheet name. */
  eigene: Partial<Record<EigenesBlatt, string>>;
}

interface Lesung {
  mappe: Arbeitsmappe;
  stand: Lesestand;
}

type Schreibergebnis =
  | {
      art: "ok";
      /** What the user should know (e.g. a sheet of theirs that was left alone). */
      hinweise: string[];
      /** Where the add-in's sheets are (a free name where the user has a sheet of the same name). */
      blaetter: Partial<Record<EigenesBlatt, string>>;
    }
  | { art: "abgelehnt"; meldungen: string[] };

/** Reports the number of each sync beyond the first of a step (the pane shows chunks). */
type Teilmeldung = (teil: number) => void;

export interface WorkbookGateway {
  /** Reads the standard layout's tables (2 syncs, one more per further chunk). */
  leseTabellen(teil?: Teilmeldung): Promise<Lesung>;
  /** Writes output columns, the Prüfbericht, the Übersicht and the seal (2 syncs and chunks). */
  schreibePruefung(stand: Lesestand, ausgabe: Ausgabe, teil?: Teilmeldung): Promise<Schreibergebnis>;
  /** Writes the Förderhöchstbeträge sheet with its charts and the Verteilungsbericht. */
  schreibeVerteilung(
    stand: Lesestand,
    zeilen: Zellwert[][],
    bericht: BerichtZeile[],
    diagramme: readonly Diagramm[],
    teil?: Teilmeldung,
  ): Promise<Schreibergebnis>;
  /** Selects a finding's cell and shows its sheet. */
  waehleZelle(blatt: string, zelle: string): Promise<void>;
  /**
   * The one write into an input cell, and only when the user asks for it (the pane's „Betrag
   * übernehmen“ and its „Rückgängig“): a number into one cell of a sheet.
   */
  setzeEingabe(blatt: string, zelle: string, wert: number): Promise<void>;
  /**
   * Follows changes to the input tables (Maßnahmen, Finanzplan, Parameter) through Excel's onChanged
   * events: "ereignisse". Where they are missing (ExcelApi below 1.7, or registering fails), nothing is
   * registered and the caller asks again from time to time: "abfrage".
   */
  beobachte(beiAenderung: () => void): Promise<"ereignisse" | "abfrage">;
}

/** The tables whose change makes a check's result stale (the seal covers them). */
const BEOBACHTET = [MASSNAHMEN.tabelle, FINANZPLAN.tabelle, PARAMETER.tabelle];

/** Text that Excel would take for a formula is written as text. */
function alsZelle(v: Zellwert): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/**
 * A link to a cell: the sheet name is quoted for the reference ('' for ') and the whole target for the
 * formula's string literal ("" for "), so a sheet called Finanz"plan or Kreis's Plan cannot break it.
 */
export function hyperlinkFormel(blatt: string, zelle: string): string {
  const ziel = `#'${blatt.replace(/'/g, "''")}'!${zelle}`;
  return `=HYPERLINK("${ziel.replace(/"/g, '""')}","${zelle}")`;
}

function matrix<T>(zeilen: number, spalten: number, wert: T): T[][] {
  return Array.from({ length: zeilen }, () => Array.from({ length: spalten }, () => wert));
}

const gleich = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => (x ?? "") === (b[i] ?? ""));

const fehlerCode = (e: unknown) =>
  typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";

/* ------------------------------------------------------------------------------------------------ */
/* Reading                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

/** The add-in's sheets by their marks: kind → sheet name (marks whose sheet is gone are left out). */
function markierteBlaetter(
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
    geplant.push({ schluessel, name: t.name, blatt: t.blatt, kopf, koerper, erste });
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

async function lese(excel: ExcelApi, teilmeldung: Teilmeldung = () => {}): Promise<Lesung> {
  return excel.run({ delayForCellEdit: true }, async (ctx) => {
    const liste = ctx.workbook.tables;
    liste.load("items/name,items/worksheet/name");
    ctx.workbook.worksheets.load("items/name");
    ctx.workbook.names.load("items/name,items/value");
    await ctx.sync();
    let teile = 0;
    const teil = () => teilmeldung(++teile);
    const blaetter = ctx.workbook.worksheets.items.map((w) => w.name);
    const markiert = markierteBlaetter(ctx.workbook.names.items, blaetter);
    const kandidaten: [EigenesBlatt, string][] = [];
    for (const art of Object.keys(EIGENE_BLAETTER) as EigenesBlatt[]) {
      if (markiert[art]) continue;
      const gleichnamig = blaetter.find(
        (b) => b.toLocaleLowerCase("de") === EIGENE_BLAETTER[art].blatt.toLocaleLowerCase("de"),
      );
      if (gleichnamig) kandidaten.push([art, gleichnamig]);
    }
    // The seal: on the add-in's seal sheet; in a workbook checked before it existed, beside the Prüfbericht.
    const kandidat = (art: EigenesBlatt) => markiert[art] ?? kandidaten.find(([a]) => a === art)?.[1] ?? null;
    const siegelArt: EigenesBlatt = kandidat("siegel") ? "siegel" : "pruefbericht";
    const siegelBlatt = kandidat(siegelArt);
    const siegelOrt = siegelBlatt
      ? { blatt: siegelBlatt, bereich: siegelArt === "siegel" ? SIEGEL_BEREICH : ALTER_SIEGEL_BEREICH }
      : null;
    const tabellen = liste.items.map((t) => ({ name: t.name, blatt: t.worksheet.name }));
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
    const stand: Lesestand = {
      tabellen: {},
      eigene,
    };
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
      const t: TabellenDaten = {
        blatt: g.blatt,
        kopfZeile,
        ersteSpalte,
        kopf: kopfWerte.map((v) => (typeof v === "string" ? v : v === null ? null : String(v))),
        werte: werte.map((z) => z.map((v) => (v === "" ? null : v))),
      };
      mappe[g.schluessel] = t;
      stand.tabellen[g.schluessel] = {
        name: g.name,
        blatt: g.blatt,
        kopfZeile,
        ersteSpalte,
        kopf: kopfWerte,
        zeilen: gesamt,
        ersteSpalteWerte: werte.map((z) => z[0] ?? null),
      };
    }
    return { mappe, stand };
  });
}

/* ------------------------------------------------------------------------------------------------ */
/* The look before writing                                                                          */
/* ------------------------------------------------------------------------------------------------ */

interface Lage {
  /** Kind → the sheet the write uses, and whether it must be created. */
  ziele: Partial<Record<EigenesBlatt, { blatt: string; neu: boolean; markieren: boolean }>>;
  /** Sheets to unprotect before writing and protect again after, with their options. */
  geschuetzt: Map<string, Record<string, boolean>>;
  /** The add-in's charts per sheet as they are now (a re-run updates them instead of adding more). */
  diagramme: Map<string, Set<string>>;
  /** The workbook's names (lower case), to replace a mark left over from a deleted sheet. */
  namen: Set<string>;
  hinweise: string[];
}

/** Queues the loads that show whether a table to write into is as the read left it. */
function ladeTabellen(
  excel: ExcelApi,
  ctx: RequestContext,
  stand: Lesestand,
  schreibtIn: TabellenSchluessel[],
) {
  const filter = excel.unterstuetzt("1.9");
  return schreibtIn.flatMap((k) => {
    const g = stand.tabellen[k];
    if (!g) return [];
    const t = ctx.workbook.tables.getItem(g.name);
    const kopf = t.getHeaderRowRange();
    kopf.load("values,rowIndex,columnIndex");
    const koerper = t.getDataBodyRange();
    koerper.load("rowCount");
    const spalte = spaltenBuchstabe(g.ersteSpalte);
    const erste =
      g.zeilen > 0
        ? ctx.workbook.worksheets
            .getItem(g.blatt)
            .getRange(`${spalte}${g.kopfZeile + 1}:${spalte}${g.kopfZeile + g.zeilen}`)
        : null;
    erste?.load("values");
    // Navigation properties (autoFilter, protection, charts) are proxies, not loaded values; the
    // office-addins rules cannot tell them apart.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const af = filter ? t.autoFilter : null;
    af?.load("isDataFiltered");
    const schutz = ctx.workbook.worksheets.getItem(g.blatt).protection;
    schutz.load("protected,options");
    return [{ k, g, kopf, koerper, erste, af, schutz }];
  });
}

/** Queues the loads of the add-in's own sheets found by the read: protection and charts. */
function ladeEigene(ctx: RequestContext, stand: Lesestand, arten: EigenesBlatt[]) {
  return arten.flatMap((art) => {
    const blatt = stand.eigene[art];
    if (!blatt) return [];
    const ws = ctx.workbook.worksheets.getItem(blatt);
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const schutz = ws.protection;
    schutz.load("protected,options");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const charts = art === "uebersicht" || art === "foerderhoechstbetraege" ? ws.charts : null;
    charts?.load("items/name");
    return [{ art, blatt, schutz, charts }];
  });
}

/** After the sync: why a table cannot be written into (changed since the read, filtered), in German. */
function tabellenGruende(tabellen: ReturnType<typeof ladeTabellen>, lage: Lage): string[] {
  const meldungen: string[] = [];
  for (const x of tabellen) {
    const name = TABELLEN[x.k].blatt;
    const verschoben = x.kopf.rowIndex + 1 !== x.g.kopfZeile || x.kopf.columnIndex + 1 !== x.g.ersteSpalte;
    const anders =
      verschoben ||
      x.koerper.rowCount !== x.g.zeilen ||
      !gleich(x.kopf.values[0] ?? [], x.g.kopf) ||
      (x.erste !== null &&
        !gleich(
          x.erste.values.map((z) => z[0]),
          x.g.ersteSpalteWerte,
        ));
    if (anders)
      meldungen.push(
        `Die Tabelle ${name} wurde während der Prüfung geändert (Zeilen eingefügt, gelöscht, sortiert oder verschoben). Es wurde nichts geschrieben – bitte erneut prüfen.`,
      );
    if (x.af?.isDataFiltered)
      meldungen.push(
        `In der Tabelle ${name} ist ein Filter gesetzt; Excel würde die Ergebnisse in die falschen Zeilen schreiben. Filter in der Tabelle ${name} aufheben (Daten → Filter löschen) und erneut prüfen.`,
      );
    if (x.schutz.protected) lage.geschuetzt.set(x.g.blatt, x.schutz.options);
  }
  return meldungen;
}

/**
 * Where each of the add-in's sheets goes: the sheet the read found (marked again if the mark is
 * missing), else a free name — a user's sheet of the wanted name stays untouched, and the result says so.
 */
function zieleWaehlen(
  stand: Lesestand,
  arten: EigenesBlatt[],
  blaetter: readonly string[],
  marken: Partial<Record<EigenesBlatt, string>>,
  lage: Lage,
): void {
  const belegt = [...blaetter];
  for (const art of arten) {
    const gefunden = stand.eigene[art];
    if (gefunden) {
      lage.ziele[art] = { blatt: gefunden, neu: false, markieren: marken[art] !== gefunden };
      continue;
    }
    const wunsch = EIGENE_BLAETTER[art].blatt;
    const blatt = freierBlattname(wunsch, belegt);
    belegt.push(blatt);
    lage.ziele[art] = { blatt, neu: true, markieren: true };
    if (blatt !== wunsch) {
      const fremd = blaetter.find((b) => b.toLocaleLowerCase("de") === wunsch.toLocaleLowerCase("de"));
      lage.hinweise.push(
        `Das Blatt „${fremd ?? wunsch}“ gehört nicht zum Add-in und blieb unberührt; die Ausgabe steht auf dem neuen Blatt „${blatt}“.`,
      );
    }
  }
}

/**
 * One sync that loads what decides whether the write can succeed, then the decision: the tables to
 * write into unchanged since the read and not filtered, the add-in's sheets where the read found them.
 */
async function schaueVorSchreiben(
  excel: ExcelApi,
  ctx: RequestContext,
  stand: Lesestand,
  schreibtIn: TabellenSchluessel[],
  arten: EigenesBlatt[],
): Promise<{ art: "ok"; lage: Lage } | { art: "abgelehnt"; meldungen: string[] }> {
  ctx.workbook.worksheets.load("items/name");
  ctx.workbook.names.load("items/name,items/value");
  const tabellen = ladeTabellen(excel, ctx, stand, schreibtIn);
  const eigene = ladeEigene(ctx, stand, arten);
  try {
    await ctx.sync();
  } catch (e) {
    if (fehlerCode(e) !== "ItemNotFound") throw e;
    return {
      art: "abgelehnt",
      meldungen: [
        "Eine Tabelle oder ein Blatt wurde seit dem Lesen umbenannt oder gelöscht. Es wurde nichts geschrieben – bitte die Aktion erneut starten.",
      ],
    };
  }
  const lage: Lage = {
    ziele: {},
    geschuetzt: new Map(),
    diagramme: new Map(),
    namen: new Set(ctx.workbook.names.items.map((n) => n.name.toLowerCase())),
    hinweise: [],
  };
  const meldungen = tabellenGruende(tabellen, lage);
  if (meldungen.length > 0) return { art: "abgelehnt", meldungen };
  const blaetter = ctx.workbook.worksheets.items.map((w) => w.name);
  for (const x of eigene) {
    if (x.schutz.protected) lage.geschuetzt.set(x.blatt, x.schutz.options);
    if (x.charts) lage.diagramme.set(x.blatt, new Set(x.charts.items.map((c) => c.name)));
  }
  zieleWaehlen(stand, arten, blaetter, markierteBlaetter(ctx.workbook.names.items, blaetter), lage);
  return { art: "ok", lage };
}

/* ------------------------------------------------------------------------------------------------ */
/* Writing                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

/** The writes of one run, each preceded by the room it needs in the current batch. */
class Schreiber {
  constructor(
    readonly excel: ExcelApi,
    readonly ctx: RequestContext,
    readonly st: Stapel,
    readonly lage: Lage,
  ) {}

  blatt(art: EigenesBlatt): Worksheet {
    return this.ctx.workbook.worksheets.getItem(this.lage.ziele[art]!.blatt);
  }

  /** Lifts protection (without password) from the sheets the run writes into. */
  async entsperre() {
    for (const blatt of this.lage.geschuetzt.keys()) {
      await this.st.platz(0);
      this.ctx.workbook.worksheets.getItem(blatt).protection.unprotect();
    }
  }

  /** Protects them again, with the options they had. */
  async sperre() {
    for (const [blatt, optionen] of this.lage.geschuetzt) {
      await this.st.platz(jsonBytes(optionen));
      this.ctx.workbook.worksheets.getItem(blatt).protection.protect(optionen);
    }
    // The add-in's own sheets are protected without password: not typed over by mistake, unprotected
    // on purpose (Überprüfen → Blattschutz aufheben). Those protected before are restored above.
    for (const z of Object.values(this.lage.ziele)) {
      if (!z || this.lage.geschuetzt.has(z.blatt)) continue;
      await this.st.platz(0);
      this.ctx.workbook.worksheets.getItem(z.blatt).protection.protect();
    }
  }

  /** How a sheet prints: landscape, fit to the page width, the header row repeated, German header and footer. */
  async druck(ws: Worksheet, titelZeile: number | null, hoch = false) {
    if (!this.excel.unterstuetzt("1.9")) return;
    await this.st.platz(300);
    ws.pageLayout.orientation = hoch ? "Portrait" : "Landscape";
    ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    if (titelZeile !== null) ws.pageLayout.setPrintTitleRows(`$${titelZeile}:$${titelZeile}`);
    ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = "&A";
    ws.pageLayout.headersFooters.defaultForAllPages.rightHeader = "&D";
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Seite &P von &N";
  }

  private geleert = new Set<EigenesBlatt>();

  /** An add-in sheet, created (and marked) where missing, else emptied once per run (charts stay). */
  async leere(art: EigenesBlatt): Promise<Worksheet> {
    const z = this.lage.ziele[art]!;
    if (this.geleert.has(art)) return this.blatt(art);
    this.geleert.add(art);
    await this.st.platz(100);
    const ws = z.neu ? this.ctx.workbook.worksheets.add(z.blatt) : this.blatt(art);
    if (!z.neu) ws.getRange().clear();
    if (z.markieren && this.excel.unterstuetzt("1.4")) {
      const marke = EIGENE_BLAETTER[art].marke;
      // A mark left over from a deleted sheet is replaced by one for this sheet.
      if (this.lage.namen.has(marke.toLowerCase())) this.ctx.workbook.names.getItem(marke).delete();
      const n = this.ctx.workbook.names.add(marke, ws.getRange("A1"), "Blatt des LSZ-Add-ins");
      n.visible = false;
    }
    return ws;
  }

  /** Values (or formulas) of a block from (zeile, spalte), in row chunks that fit the budget. */
  async block(
    ws: Worksheet,
    zeile: number,
    spalte: number,
    werte: (string | number | boolean)[][],
    art: "values" | "formulas",
    formate?: string[][],
  ) {
    if (werte.length === 0) return;
    const breite = werte[0]!.length;
    const formatBytes = formate ? jsonBytes(formate[0] ?? []) : 0;
    for (const [ab, n] of stuecke(werte, formatBytes)) {
      const teil = werte.slice(ab, ab + n);
      const adresse = `${spaltenBuchstabe(spalte)}${zeile + ab}:${spaltenBuchstabe(spalte + breite - 1)}${zeile + ab + n - 1}`;
      await this.st.platz(jsonBytes(teil) + (formate ? jsonBytes(formate.slice(ab, ab + n)) : 0));
      const ziel = ws.getRange(adresse);
      if (art === "values") ziel.values = teil;
      else ziel.formulas = teil;
      if (formate) ziel.numberFormat = formate.slice(ab, ab + n);
    }
  }

  /** A report sheet: header, rows (chunked), widths in points. */
  async bericht(
    art: EigenesBlatt,
    kopf: readonly string[],
    zeilen: (string | number | boolean)[][],
    breiten: readonly number[],
    oben: readonly (readonly Zellwert[])[] = [],
  ) {
    const ws = await this.leere(art);
    // A summary above the table (the Prüfbericht's first page), then one empty row.
    const z = oben.length > 0 ? oben.length + 2 : 1;
    if (oben.length > 0) {
      const breite = oben.reduce((m, r) => Math.max(m, r.length), 1);
      await this.block(
        ws,
        1,
        1,
        oben.map((r) => Array.from({ length: breite }, (_, i) => alsZelle(r[i] ?? null))),
        "values",
      );
      await this.st.platz(100);
      ws.getRange("A1:A1").format.font.bold = true;
      ws.getRange(`A2:A${oben.length}`).format.font.bold = true;
      // The sums per year under „Jahr“: euros and percentages as the Übersicht shows them.
      const jahr = oben.findIndex((r) => r[0] === FINANZPLAN_UEBERSICHT.ausschoepfungKopf[0]);
      if (jahr >= 0 && jahr + 1 < oben.length) {
        const n = oben.length - jahr - 1;
        await this.st.platz(n * 80);
        ws.getRange(`B${jahr + 2}:F${oben.length}`).numberFormat = matrix(n, 5, "").map(() => [
          ZAHLENFORMATE.euro,
          ZAHLENFORMATE.euro,
          ZAHLENFORMATE.prozent,
          ZAHLENFORMATE.prozent,
          ZAHLENFORMATE.prozent,
        ]);
      }
    }
    await this.block(ws, z, 1, [[...kopf]], "values");
    await this.block(ws, z + 1, 1, zeilen, "formulas");
    await this.st.platz(200);
    const k = ws.getRange(`A${z}:${spaltenBuchstabe(kopf.length)}${z}`);
    k.format.font.bold = true;
    k.format.font.color = "#FFFFFF";
    k.format.fill.color = "#595959";
    breiten.forEach((b, i) => {
      const s = spaltenBuchstabe(Math.min(i + 1, kopf.length));
      const bis = i === breiten.length - 1 ? spaltenBuchstabe(kopf.length) : s;
      ws.getRange(`${s}:${bis}`).format.columnWidth = b;
    });
    await this.druck(ws, z);
    return ws;
  }

  /** The chart's data block, and the chart over it: added once, then found by name and updated. */
  async diagramm(ws: Worksheet, blattName: string, d: Diagramm) {
    const zellen = diagrammZellen(d).map((z) => z.map(alsZelle)); // region names are user text
    await this.st.platz(jsonBytes(zellen) + 2_000);
    ws.getRange(diagrammBlock(d)).values = zellen;
    ws.getRange(zellAdresse(d.spalte, d.zeile)).format.font.bold = true; // the caption
    const kopf = ws.getRange(diagrammKopf(d));
    kopf.format.font.bold = true;
    kopf.format.fill.color = "#D9D9D9";
    if (d.kategorien.length > 0)
      ws.getRange(diagrammWertSpalten(d)).numberFormat = matrix(
        d.kategorien.length,
        d.reihen.length,
        ZAHLENFORMATE.euro,
      );
    const bekannt = this.lage.diagramme.get(blattName) ?? new Set<string>();
    this.lage.diagramme.set(blattName, bekannt);
    if (d.kategorien.length === 0) {
      // Nothing to draw: an earlier run's chart goes, rather than show stale bars.
      if (bekannt.has(d.name)) ws.charts.getItem(d.name).delete();
      bekannt.delete(d.name);
      return;
    }
    const v17 = this.excel.unterstuetzt("1.7");
    const mitLinie = d.linien > 0 && v17; // reference lines need per-series chart types (1.7)
    const quelle = ws.getRange(diagrammQuelle(d, mitLinie));
    let chart;
    if (bekannt.has(d.name)) {
      chart = ws.charts.getItem(d.name);
      chart.setData(quelle, "Columns");
    } else {
      chart = ws.charts.add(d.typ, quelle, "Columns");
      chart.name = d.name;
      bekannt.add(d.name);
    }
    chart.title.text = d.titel;
    chart.legend.position = "Bottom";
    chart.setPosition(d.platz.von, d.platz.bis);
    const reihen = mitLinie ? d.reihen.length : d.reihen.length - d.linien;
    for (let i = 0; i < reihen; i++) {
      const s = chart.series.getItemAt(i);
      if (i >= d.reihen.length - d.linien) {
        s.chartType = "LineMarkers"; // a marker shows the limit even for a single year
        s.format.line.color = d.farben[i]!;
      } else {
        if (v17) s.chartType = d.typ; // after setData on a combo chart, say again which series are bars
        s.format.fill.setSolidColor(d.farben[i]!);
      }
    }
    if (d.umgekehrt && v17) chart.axes.categoryAxis.reversePlotOrder = true;
    if (this.excel.unterstuetzt("1.8")) chart.axes.valueAxis.numberFormat = '#,##0 "€"';
  }
}

function berichtZellen(bericht: BerichtZeile[]): (string | number | boolean)[][] {
  if (bericht.length === 0) return [[SCHWERE_TEXT.ok, "", "Keine Befunde.", "", "", "", ""]];
  return bericht.map((b) => [
    SCHWERE_TEXT[b.schwere],
    b.regel,
    alsZelle(b.meldung),
    alsZelle(b.blatt),
    b.zelle ? hyperlinkFormel(b.blatt, b.zelle) : "",
    b.regelwerk,
    alsZelle(b.beheben),
  ]);
}

/** The output columns of the Maßnahmen and Finanzplan tables (a deleted grey column is added back). */
async function ausgabeSpalten(s: Schreiber, stand: Lesestand, ausgabe: Ausgabe) {
  for (const sp of ausgabe.spalten) {
    if (sp.werte.length === 0) continue;
    const format = ZAHLENFORMATE[sp.typ];
    if (sp.spalte === null) {
      // The user deleted this grey column: add it back as a new table column (cells right of the
      // table move over, nothing is overwritten). Needs ExcelApi 1.4; the Prüfbericht has it all anyway.
      const t = Object.values(stand.tabellen).find(
        (x) => x.name.toLowerCase() === sp.def.tabelle.toLowerCase(),
      );
      if (!t || !s.excel.unterstuetzt("1.4")) continue;
      const werte = matrix<string | number | boolean>(t.zeilen, 1, "");
      for (const w of sp.werte) werte[w.zeile - sp.kopfZeile - 1]![0] = alsZelle(w.wert);
      await s.st.platz(jsonBytes(werte) * 2);
      const spalte = s.ctx.workbook.tables.getItem(t.name).columns.add(null, [[sp.kopf], ...werte], sp.kopf);
      spalte.getDataBodyRange().numberFormat = matrix(t.zeilen, 1, format);
      continue;
    }
    const erste = sp.kopfZeile + 1;
    const letzte = sp.werte.reduce((m, w) => Math.max(m, w.zeile), 0);
    const werte = matrix<string | number | boolean>(letzte - erste + 1, 1, ""); // rows without input: cleared
    for (const w of sp.werte) werte[w.zeile - erste]![0] = alsZelle(w.wert);
    const ws = s.ctx.workbook.worksheets.getItem(sp.blatt);
    await s.block(ws, erste, sp.spalte, werte, "values", matrix(werte.length, 1, format));
  }
}

/** The Übersicht's Ausschöpfung per year under the chart's numbers: what the task pane shows, in cells. */
async function schreibeAusschoepfung(s: Schreiber, ws: Worksheet, d: Diagramm, ausgabe: Ausgabe) {
  if (!ausgabe.ausschoepfung) return;
  const zellen = ausschoepfungZellen(ausgabe.ausschoepfung);
  const ab = diagrammZellen(d).length + 2;
  const bis = ab + zellen.length - 1;
  await s.st.platz(jsonBytes(zellen) + 1_000);
  ws.getRange(`A${ab}:F${bis}`).values = zellen;
  ws.getRange(`A${ab}:F${ab}`).format.font.bold = true;
  if (zellen.length > 1) {
    ws.getRange(`B${ab + 1}:F${bis}`).numberFormat = matrix(zellen.length - 1, 5, "").map(() => [
      ZAHLENFORMATE.euro,
      ZAHLENFORMATE.euro,
      ZAHLENFORMATE.prozent,
      ZAHLENFORMATE.prozent,
      ZAHLENFORMATE.prozent,
    ]);
  }
  ws.getRange("A:A").format.columnWidth = UEBERSICHT_BREITEN_PT[0];
  ws.getRange("B:F").format.columnWidth = UEBERSICHT_BREITEN_PT[1];
}

/**
 * One write run: the look, then the writes; protection lifted by the run is restored even when a
 * write fails.
 */
async function schreibeLauf(
  excel: ExcelApi,
  stand: Lesestand,
  schreibtIn: TabellenSchluessel[],
  arten: EigenesBlatt[],
  teilmeldung: Teilmeldung | undefined,
  schreibe: (s: Schreiber) => Promise<void>,
): Promise<Schreibergebnis> {
  const optionen = {
    delayForCellEdit: true,
    ...(excel.unterstuetzt("1.20") ? { mergeUndoGroup: true } : {}),
  };
  // Protection this run lifted and has not yet restored (set inside the batch, read after a failure).
  const offen: { blaetter: Map<string, Record<string, boolean>> | null } = { blaetter: null };
  try {
    return await excel.run(optionen, async (ctx) => {
      const blick = await schaueVorSchreiben(excel, ctx, stand, schreibtIn, arten);
      if (blick.art === "abgelehnt") return blick;
      const st = new Stapel(ctx, (n) => n > 1 && teilmeldung?.(n));
      const s = new Schreiber(excel, ctx, st, blick.lage);
      offen.blaetter = blick.lage.geschuetzt;
      await s.entsperre();
      await schreibe(s);
      await s.sperre();
      await st.ende();
      offen.blaetter = null;
      const blaetter = Object.fromEntries(Object.entries(blick.lage.ziele).map(([k, z]) => [k, z.blatt]));
      return { art: "ok", hinweise: blick.lage.hinweise, blaetter };
    });
  } catch (e) {
    if (offen.blaetter !== null && offen.blaetter.size > 0) await schuetzeWieder(excel, offen.blaetter);
    throw e;
  }
}

/** After a failed write: the protection the run lifted goes back on (best effort, one sync). */
async function schuetzeWieder(excel: ExcelApi, blaetter: Map<string, Record<string, boolean>>) {
  await excel
    .run({ delayForCellEdit: true }, async (ctx) => {
      const schutz = [...blaetter.keys()].map((b) => {
        const p = ctx.workbook.worksheets.getItem(b).protection;
        p.load("protected");
        return [b, p] as const;
      });
      await ctx.sync();
      for (const [b, p] of schutz) if (!p.protected) p.protect(blaetter.get(b));
      await ctx.sync();
    })
    .catch(() => {});
}

function schreibePruefung(excel: ExcelApi, stand: Lesestand, ausgabe: Ausgabe, teil?: Teilmeldung) {
  const mitUebersicht = (ausgabe.diagramme ?? []).some((d) => d.blatt === FINANZPLAN_UEBERSICHT.blatt);
  const arten: EigenesBlatt[] = [
    "siegel",
    "pruefbericht",
    ...(mitUebersicht ? (["uebersicht"] as const) : []),
  ];
  return schreibeLauf(excel, stand, ["massnahmen", "finanzplan"], arten, teil, async (s) => {
    // The seal sheet first: clearing it removes the old seal before anything else changes.
    const siegelBlatt = await s.leere("siegel");
    const blaetter = Object.fromEntries(Object.entries(s.lage.ziele).map(([k, z]) => [k, z.blatt]));
    await s.bericht(
      "pruefbericht",
      PRUEFBERICHT.kopf,
      berichtZellen(mitEigenenBlaettern(ausgabe.bericht, blaetter)),
      BERICHT_BREITEN_PT,
      ausgabe.zusammenfassung,
    );
    await ausgabeSpalten(s, stand, ausgabe);
    for (const d of ausgabe.diagramme ?? []) {
      const art = eigenesBlattFuer(d.blatt) ?? "uebersicht";
      const blatt = await s.leere(art);
      await s.diagramm(blatt, s.lage.ziele[art]!.blatt, d);
      await s.druck(blatt, null);
      // The Ausschöpfung per year under the year chart's numbers (the findings of year rules point there).
      if (d.name === DIAGRAMM_NAMEN.jahre) await schreibeAusschoepfung(s, blatt, d, ausgabe);
    }
    if (ausgabe.siegel) {
      // The seal last: an interrupted write never leaves a valid seal beside stale statuses. Its
      // data on a hidden sheet of their own (the Prüfbericht's summary names it in one line).
      const zellen = siegelZellen(ausgabe.siegel);
      await s.st.platz(jsonBytes(zellen) + 500);
      siegelBlatt.getRange(`A1:B${zellen.length}`).values = zellen.map((z) => z.map(alsZelle));
      siegelBlatt.getRange("A1:A1").format.font.bold = true;
      siegelBlatt.getRange("A:A").format.columnWidth = SIEGEL_BREITEN_PT[0];
      siegelBlatt.getRange("B:B").format.columnWidth = SIEGEL_BREITEN_PT[1];
    }
    await s.st.platz(10);
    siegelBlatt.visibility = "Hidden";
  });
}

function schreibeVerteilung(
  excel: ExcelApi,
  stand: Lesestand,
  zeilen: Zellwert[][],
  bericht: Ausgabe["bericht"],
  diagrammListe: readonly Diagramm[],
  teil?: Teilmeldung,
) {
  const arten: EigenesBlatt[] = ["foerderhoechstbetraege", "verteilungsbericht"];
  return schreibeLauf(excel, stand, [], arten, teil, async (s) => {
    const ws = await s.bericht(
      "foerderhoechstbetraege",
      FOERDERHOECHSTBETRAEGE.kopf,
      zeilen.map((z) => z.map(alsZelle)),
      FOERDERHOECHSTBETRAEGE_BREITEN_PT,
    );
    if (zeilen.length > 0) {
      // The number columns (all after the text columns), each in its format from the layout.
      const ab = ERGEBNIS_SPALTEN.findIndex((sp) => sp.format !== "text");
      const zeile = ERGEBNIS_SPALTEN.slice(ab).map(ergebnisFormat);
      const formate = zeilen.map(() => zeile);
      for (const [von, n] of stuecke(formate)) {
        await s.st.platz(jsonBytes(formate.slice(von, von + n)));
        const bereich = `${spaltenBuchstabe(ab + 1)}${von + 2}:${spaltenBuchstabe(ERGEBNIS_SPALTEN.length)}${von + n + 1}`;
        ws.getRange(bereich).numberFormat = formate.slice(von, von + n);
      }
    }
    for (const d of diagrammListe) await s.diagramm(ws, s.lage.ziele.foerderhoechstbetraege!.blatt, d);
    // Its own report sheet: the Prüfbericht, the statuses and the seal of a check stay as they are.
    await s.bericht(
      "verteilungsbericht",
      VERTEILUNGSBERICHT.kopf,
      berichtZellen(bericht),
      BERICHT_BREITEN_PT,
    );
  });
}

async function beobachte(excel: ExcelApi, beiAenderung: () => void): Promise<"ereignisse" | "abfrage"> {
  if (!excel.unterstuetzt("1.7")) return "abfrage";
  try {
    return await excel.run({}, async (ctx) => {
      const liste = ctx.workbook.tables;
      liste.load("items/name");
      await ctx.sync();
      const namen = liste.items
        .map((t) => t.name)
        .filter((n) => BEOBACHTET.some((b) => b.toLowerCase() === n.toLowerCase()));
      if (namen.length === 0) return "abfrage";
      for (const n of namen)
        ctx.workbook.tables.getItem(n).onChanged.add(async () => {
          beiAenderung();
        });
      await ctx.sync();
      return "ereignisse" as const;
    });
  } catch {
    return "abfrage";
  }
}

export function createGateway(excel: ExcelApi): WorkbookGateway {
  return {
    leseTabellen: (teil) => lese(excel, teil),
    schreibePruefung: (stand, ausgabe, teil) => schreibePruefung(excel, stand, ausgabe, teil),
    schreibeVerteilung: (stand, zeilen, bericht, diagramme, teil) =>
      schreibeVerteilung(excel, stand, zeilen, bericht, diagramme, teil),
    beobachte: (beiAenderung) => beobachte(excel, beiAenderung),
    async setzeEingabe(blatt, zelle, wert) {
      await excel.run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem(blatt).getRange(zelle).values = [[wert]];
        await ctx.sync();
      });
    },

    async waehleZelle(blatt, zelle) {
      await excel.run({ delayForCellEdit: true }, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(blatt);
        ws.activate();
        ws.getRange(zelle).select();
        await ctx.sync();
      });
    },
  };
}
