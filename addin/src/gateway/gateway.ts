/**
 * The workbook gateway: the only code that talks to Excel. It reads the named tables of the standard
 * layout into plain tables (one sync for the table list, one for their contents) and writes results
 * only into add-in-owned output columns and sheets (one sync), never over a cell the user typed.
 */
import {
  BEGRUENDUNGEN,
  FINANZPLAN,
  FINANZPLAN_UEBERSICHT,
  FOERDERHOECHSTBETRAEGE,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  PRUEFBERICHT,
  VERTEILUNGSBERICHT,
  SCHWERE_TEXT,
  ZAHLENFORMATE,
  ausschoepfungZellen,
  diagrammBlock,
  diagrammKopf,
  diagrammQuelle,
  diagrammWertSpalten,
  diagrammZellen,
  spaltenBuchstabe,
  zellAdresse,
  type Arbeitsmappe,
  type Ausgabe,
  type Diagramm,
  type BerichtZeile,
  type TabellenDaten,
  type Zellwert,
} from "../../../shared/arbeitsmappe";
import { siegelZellen } from "../../../shared/siegel";
import type { ChartCollection, ExcelApi, Range, RequestContext, Worksheet } from "./excel-api";

/** Where the Prüfsiegel stands on the Prüfbericht sheet (label H, value I). */
const SIEGEL_BEREICH = "H1:I45";

export interface WorkbookGateway {
  /** Reads the standard layout's tables (2 syncs). */
  leseTabellen(): Promise<Arbeitsmappe>;
  /** Writes output columns and the Prüfbericht (1 sync). */
  schreibePruefung(ausgabe: Ausgabe): Promise<void>;
  /** Writes the Förderhöchstbeträge sheet with its charts and the Verteilungsbericht (1 sync). */
  schreibeVerteilung(
    zeilen: Zellwert[][],
    bericht: BerichtZeile[],
    diagramme: readonly Diagramm[],
  ): Promise<void>;
  /** Selects a finding's cell and shows its sheet. */
  waehleZelle(blatt: string, zelle: string): Promise<void>;
}

const TABELLEN = [
  ["massnahmen", MASSNAHMEN.tabelle],
  ["finanzplan", FINANZPLAN.tabelle],
  ["begruendungen", BEGRUENDUNGEN.tabelle],
  ["indikatoren", INDIKATOREN_TABELLE.tabelle],
  ["parameter", PARAMETER.tabelle],
] as const;

/** Sheets that carry the add-in's charts (their names are read with the tables, to update in place). */
const DIAGRAMM_BLAETTER = [FOERDERHOECHSTBETRAEGE.blatt, FINANZPLAN_UEBERSICHT.blatt];

const AUSGABE_TYP = new Map(
  [...MASSNAHMEN.spalten, ...FINANZPLAN.spalten].filter((s) => s.ausgabe).map((s) => [`${s.kopf}`, s.typ]),
);

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

export function createGateway(excel: ExcelApi): WorkbookGateway {
  /** Sheet names as of the last read, to know whether an output sheet exists without another sync. */
  let blaetter = new Set<string>();
  /** Data rows per table as of the last read (a new output column must match the table's height). */
  const tabellenZeilen = new Map<string, number>();
  /** The add-in's charts per sheet as of the last read: a re-run updates them instead of adding more. */
  const diagramme = new Map<string, Set<string>>();

  const schreibOptionen = () => ({
    delayForCellEdit: true,
    ...(excel.unterstuetzt("1.20") ? { mergeUndoGroup: true } : {}),
  });

  /** An add-in-owned sheet, created if missing, emptied (charts on it stay and are updated). */
  function eigenesBlatt(ctx: RequestContext, name: string): Worksheet {
    const ws = blaetter.has(name) ? ctx.workbook.worksheets.getItem(name) : ctx.workbook.worksheets.add(name);
    if (blaetter.has(name)) ws.getRange().clear();
    blaetter.add(name);
    return ws;
  }

  function berichtBlatt(
    ctx: RequestContext,
    name: string,
    kopf: readonly string[],
    zeilen: (string | number | boolean)[][],
    breiten: number[],
  ) {
    const ws = eigenesBlatt(ctx, name); // the whole sheet is ours: replace its content exactly
    const bereich = ws.getRange(`A1:${spaltenBuchstabe(kopf.length)}${zeilen.length + 1}`);
    bereich.formulas = [[...kopf], ...zeilen];
    const k = ws.getRange(`A1:${spaltenBuchstabe(kopf.length)}1`);
    k.format.font.bold = true;
    k.format.font.color = "#FFFFFF";
    k.format.fill.color = "#595959";
    breiten.forEach(
      (b, i) => (ws.getRange(`${spaltenBuchstabe(i + 1)}:${spaltenBuchstabe(i + 1)}`).format.columnWidth = b),
    );
    return ws;
  }

  /** The chart's data block, and the chart over it: added once, then found by name and updated. */
  function diagramm(ws: Worksheet, d: Diagramm) {
    const block = ws.getRange(diagrammBlock(d));
    // Region names are user text: one starting with = + - @ must not become a formula here either.
    block.values = diagrammZellen(d).map((z) => z.map(alsZelle));
    ws.getRange(zellAdresse(d.spalte, d.zeile)).format.font.bold = true; // the caption
    const kopf = ws.getRange(diagrammKopf(d));
    kopf.format.font.bold = true;
    kopf.format.fill.color = "#D9D9D9";
    if (d.kategorien.length > 0) {
      const werte = ws.getRange(diagrammWertSpalten(d));
      werte.numberFormat = matrix(d.kategorien.length, d.reihen.length, ZAHLENFORMATE.euro);
    }
    const bekannt = diagramme.get(d.blatt) ?? new Set<string>();
    diagramme.set(d.blatt, bekannt);
    if (d.kategorien.length === 0) {
      // Nothing to draw: an earlier run's chart goes, rather than show stale bars.
      if (bekannt.has(d.name)) ws.charts.getItem(d.name).delete();
      bekannt.delete(d.name);
      return;
    }
    const v17 = excel.unterstuetzt("1.7");
    const mitLinie = d.linie !== null && v17; // a reference line needs per-series chart types (1.7)
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
    const reihen = mitLinie || d.linie === null ? d.reihen.length : d.reihen.length - 1;
    for (let i = 0; i < reihen; i++) {
      const s = chart.series.getItemAt(i);
      if (i === d.linie) {
        s.chartType = "Line";
        s.format.line.color = d.farben[i]!;
      } else {
        if (v17) s.chartType = d.typ; // after setData on a combo chart, say again which series are bars
        s.format.fill.setSolidColor(d.farben[i]!);
      }
    }
    if (d.umgekehrt && v17) chart.axes.categoryAxis.reversePlotOrder = true;
    if (excel.unterstuetzt("1.8")) chart.axes.valueAxis.numberFormat = '#,##0 "€"';
  }

  function berichtZeilen(bericht: BerichtZeile[]): (string | number | boolean)[][] {
    if (bericht.length === 0) return [[SCHWERE_TEXT.ok, "", "Keine Befunde.", "", "", ""]];
    return bericht.map((b) => [
      SCHWERE_TEXT[b.schwere],
      b.regel,
      alsZelle(b.meldung),
      alsZelle(b.blatt),
      b.zelle ? hyperlinkFormel(b.blatt, b.zelle) : "",
      b.regelwerk,
    ]);
  }

  return {
    async leseTabellen() {
      return excel.run({ delayForCellEdit: true }, async (ctx) => {
        const tabellen = ctx.workbook.tables;
        tabellen.load("items/name,items/worksheet/name");
        ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
        blaetter = new Set(ctx.workbook.worksheets.items.map((w) => w.name));
        const geladen: [Exclude<keyof Arbeitsmappe, "siegel">, string, Range, Range][] = [];
        for (const [schluessel, name] of TABELLEN) {
          const t = tabellen.items.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) continue;
          const kopf = t.getHeaderRowRange().load("values,rowIndex,columnIndex") as Range;
          const daten = t.getDataBodyRange().load("values") as Range;
          geladen.push([schluessel, t.worksheet.name, kopf, daten]);
        }
        const siegelBereich = blaetter.has(PRUEFBERICHT.blatt)
          ? (ctx.workbook.worksheets
              .getItem(PRUEFBERICHT.blatt)
              .getRange(SIEGEL_BEREICH)
              .load("values") as Range)
          : null;
        const geladeneDiagramme: [string, ChartCollection][] = DIAGRAMM_BLAETTER.filter((b) =>
          blaetter.has(b),
        ).map((b) => {
          const c = ctx.workbook.worksheets.getItem(b).charts;
          c.load("items/name");
          return [b, c];
        });
        await ctx.sync();
        diagramme.clear();
        for (const [b, c] of geladeneDiagramme) diagramme.set(b, new Set(c.items.map((d) => d.name)));
        const mappe: Arbeitsmappe = { siegel: siegelBereich ? (siegelBereich.values as Zellwert[][]) : null };
        for (const [schluessel, blatt, kopf, daten] of geladen) {
          const t: TabellenDaten = {
            blatt,
            kopfZeile: kopf.rowIndex + 1,
            ersteSpalte: kopf.columnIndex + 1,
            kopf: (kopf.values[0] ?? []).map((v) =>
              typeof v === "string" ? v : v === null ? null : String(v),
            ),
            werte: daten.values.map((z) => z.map((v) => (v === "" ? null : v))),
          };
          tabellenZeilen.set(TABELLEN.find(([k]) => k === schluessel)![1], daten.values.length);
          mappe[schluessel] = t;
        }
        return mappe;
      });
    },

    async schreibePruefung(ausgabe) {
      await excel.run(schreibOptionen(), async (ctx) => {
        for (const s of ausgabe.spalten) {
          if (s.werte.length === 0) continue;
          if (s.spalte === null) {
            // The user deleted this grey column: add it back as a new table column (cells right of the
            // table move over, nothing is overwritten). Needs ExcelApi 1.4; the Prüfbericht has it all anyway.
            const hoehe = tabellenZeilen.get(s.def.tabelle);
            if (hoehe === undefined || !excel.unterstuetzt("1.4")) continue;
            const werte = matrix<string | number | boolean>(hoehe, 1, "");
            for (const w of s.werte) werte[w.zeile - s.kopfZeile - 1]![0] = alsZelle(w.wert);
            const spalte = ctx.workbook.tables
              .getItem(s.def.tabelle)
              .columns.add(null, [[s.kopf], ...werte], s.kopf);
            spalte.getDataBodyRange().numberFormat = matrix(
              hoehe,
              1,
              ZAHLENFORMATE[AUSGABE_TYP.get(s.kopf) ?? "text"],
            );
            continue;
          }
          const erste = s.kopfZeile + 1;
          const letzte = s.werte.reduce((m, w) => Math.max(m, w.zeile), 0);
          const werte = matrix<string | number | boolean>(letzte - erste + 1, 1, ""); // rows without input: cleared
          for (const w of s.werte) werte[w.zeile - erste]![0] = alsZelle(w.wert);
          const spalte = spaltenBuchstabe(s.spalte);
          const r = ctx.workbook.worksheets.getItem(s.blatt).getRange(`${spalte}${erste}:${spalte}${letzte}`);
          r.values = werte;
          r.numberFormat = matrix(werte.length, 1, ZAHLENFORMATE[AUSGABE_TYP.get(s.kopf) ?? "text"]);
        }
        const ws = berichtBlatt(
          ctx,
          PRUEFBERICHT.blatt,
          PRUEFBERICHT.kopf,
          berichtZeilen(ausgabe.bericht),
          [14, 8, 90, 14, 10, 18],
        );
        if (ausgabe.siegel) {
          const zellen = siegelZellen(ausgabe.siegel);
          ws.getRange(`H1:I${zellen.length}`).values = zellen;
          ws.getRange("H1:H1").format.font.bold = true;
        }
        for (const d of ausgabe.diagramme ?? []) {
          const blatt = eigenesBlatt(ctx, d.blatt);
          diagramm(blatt, d);
          if (d.blatt === FINANZPLAN_UEBERSICHT.blatt && ausgabe.ausschoepfung) {
            // The Ausschöpfung per year under the chart's numbers: what the task pane shows, in cells.
            const zellen = ausschoepfungZellen(ausgabe.ausschoepfung);
            const ab = diagrammZellen(d).length + 2;
            const bis = ab + zellen.length - 1;
            blatt.getRange(`A${ab}:F${bis}`).values = zellen;
            blatt.getRange(`A${ab}:F${ab}`).format.font.bold = true;
            if (zellen.length > 1) {
              blatt.getRange(`B${ab + 1}:F${bis}`).numberFormat = matrix(zellen.length - 1, 5, "").map(() => [
                ZAHLENFORMATE.euro,
                ZAHLENFORMATE.euro,
                ZAHLENFORMATE.prozent,
                ZAHLENFORMATE.prozent,
                ZAHLENFORMATE.prozent,
              ]);
            }
            blatt.getRange("A:A").format.columnWidth = 150;
            blatt.getRange("B:F").format.columnWidth = 95;
          }
        }
        await ctx.sync();
      });
    },

    async schreibeVerteilung(zeilen, bericht, diagrammListe) {
      await excel.run(schreibOptionen(), async (ctx) => {
        const ws = berichtBlatt(
          ctx,
          FOERDERHOECHSTBETRAEGE.blatt,
          FOERDERHOECHSTBETRAEGE.kopf,
          zeilen.map((z) => z.map(alsZelle)),
          [12, 34, 18],
        );
        if (zeilen.length > 0) {
          // C–J: Förderhöchstbetrag, Anteil gesamt, Sockelbetrag, four indicator parts, rounding difference
          const formate = matrix(zeilen.length, 8, ZAHLENFORMATE.euro).map((z) =>
            z.map((f, i) => (i === 1 ? "0.0000%" : f)),
          );
          ws.getRange(`C2:J${zeilen.length + 1}`).numberFormat = formate;
        }
        for (const d of diagrammListe) diagramm(ws, d);
        // Its own report sheet: the Prüfbericht, the statuses and the seal of a check stay as they are.
        berichtBlatt(
          ctx,
          VERTEILUNGSBERICHT.blatt,
          VERTEILUNGSBERICHT.kopf,
          berichtZeilen(bericht),
          [14, 8, 90, 14, 10, 18],
        );
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
