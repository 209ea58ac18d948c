/**
 * Writing (after the look, in budgeted chunks): the add-in's sheets cleared (the old seal goes first),
 * the Prüfbericht, the output columns, the Übersicht with its charts, and the seal last, so an
 * interrupted write never leaves a valid seal beside stale statuses. What each sheet shows comes from
 * its picture in shared/arbeitsmappe/blattbild.ts; this file only carries it out through Office.js.
 * Only output columns and the add-in's own (marked) sheets are written, never a cell the user typed.
 */
import {
  DRUCK_TEXTE,
  EIGENE_BLAETTER,
  STILE,
  ZAHLENFORMATE,
  bereichAdresse,
  diagrammQuelle,
  eigenesBlattFuer,
  hoehenBereiche,
  istVerweis,
  ungeschriebeneTeile,
  mitEigenenBlaettern,
  pruefBilder,
  spaltenAdresse,
  spaltenBuchstabe,
  verteilBilder,
  type Ausgabe,
  type Bereich,
  type BerichtZeile,
  type Blattbild,
  type Diagramm,
  type EigenesBlatt,
  type Stil,
  type Zellblock,
  type Zellwert,
} from "../../../shared/arbeitsmappe";
import type { ExcelApi, RequestContext, RunOptionen, Worksheet } from "./excel-api";
import { schaueVorSchreiben, schuetzeWieder, type Lage } from "./blick";
import {
  alsZelle,
  hyperlinkFormel,
  matrix,
  spalteNichtEinfuegbar,
  type Lesestand,
  type Schreibergebnis,
  type TabellenSchluessel,
  type Teilmeldung,
} from "./gemeinsam";
import { Stapel, jsonBytes, stuecke } from "./stapel";
import { OFFICE_TEILE } from "./bildteile";

type Zelle = string | number | boolean;

/** The writes of one run, each preceded by the room it needs in the current batch. */
export class Schreiber {
  constructor(
    readonly excel: ExcelApi,
    readonly ctx: RequestContext,
    readonly st: Stapel,
    readonly lage: Lage,
  ) {}

  blatt(art: EigenesBlatt): Worksheet {
    return this.ctx.workbook.worksheets.getItem(this.lage.ziele[art]!.blatt);
  }

  /** Sheets to hide once the writes are done (visibility has no undo on Windows and Mac). */
  readonly verbergen = new Set<string>();

  /**
   * How a sheet prints: A4 as set, fit to the page width (height automatic), the title row repeated,
   * sheet name and date above, the page count below. The zoom is set like any other property; Excel
   * for Windows may ignore it unless the Page Layout tab was opened once (office-js#1860).
   */
  async druck(ws: Worksheet, druck: NonNullable<Blattbild["druck"]>) {
    await this.st.platz(300);
    ws.pageLayout.orientation = druck.hoch ? "Portrait" : "Landscape";
    ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    if (druck.titelZeile !== null)
      ws.pageLayout.setPrintTitleRows(`$${druck.titelZeile}:$${druck.titelZeile}`);
    const seiten = ws.pageLayout.headersFooters.defaultForAllPages;
    seiten.centerHeader = DRUCK_TEXTE.kopfMitte;
    seiten.rightHeader = DRUCK_TEXTE.kopfRechts;
    seiten.centerFooter = DRUCK_TEXTE.fussMitte;
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
    if (z.markieren) {
      const marke = EIGENE_BLAETTER[art].marke;
      // A mark left over from a deleted sheet is replaced by one for this sheet.
      if (this.lage.namen.has(marke.toLowerCase())) this.ctx.workbook.names.getItem(marke).delete();
      // No comment on the name: NamedItem.comment has no undo on the web (it would break the group).
      const n = this.ctx.workbook.names.add(marke, ws.getRange("A1"));
      n.visible = false;
    }
    return ws;
  }

  /** Values (or formulas) of a block from (zeile, spalte), in row chunks that fit the budget. */
  async block(
    ws: Worksheet,
    zeile: number,
    spalte: number,
    werte: Zelle[][],
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
      // The format first: a column formatted as text keeps „16051“ or „1.10“ as typed.
      if (formate) ziel.numberFormat = formate.slice(ab, ab + n);
      if (art === "values") ziel.values = teil;
      else ziel.formulas = teil;
    }
  }

  /** A cell block of a picture: links as HYPERLINK formulas, every text as text. */
  private async zellen(ws: Worksheet, b: Zellblock) {
    const mitLink = b.werte.some((r) => r.some(istVerweis));
    const werte = b.werte.map((r) =>
      r.map((v) => (istVerweis(v) ? hyperlinkFormel(v.blatt, v.zelle) : alsZelle(v))),
    );
    await this.block(ws, b.zeile, b.spalte, werte, mitLink ? "formulas" : "values");
  }

  /** One number format over a range, in row chunks. */
  private async format(ws: Worksheet, b: Bereich, format: string) {
    const formate = matrix(b.zeilen, b.spalten, format);
    for (const [ab, n] of stuecke(formate)) {
      await this.st.platz(jsonBytes(formate.slice(ab, ab + n)));
      ws.getRange(bereichAdresse({ ...b, zeile: b.zeile + ab, zeilen: n })).numberFormat = formate.slice(
        ab,
        ab + n,
      );
    }
  }

  /** A named style over a range. */
  private async stil(ws: Worksheet, b: Bereich, name: keyof typeof STILE) {
    const s: Stil = STILE[name];
    await this.st.platz(200);
    const f = ws.getRange(bereichAdresse(b)).format;
    if (s.fett !== undefined) f.font.bold = s.fett;
    if (s.groesse !== undefined) f.font.size = s.groesse;
    if (s.schrift !== undefined) f.font.color = s.schrift;
    if (s.fuellung !== undefined) f.fill.color = s.fuellung;
  }

  /** Widths, wrapping and row heights of a picture. */
  private async masse(ws: Worksheet, bild: Blattbild) {
    for (const b of bild.breiten) {
      await this.st.platz(40);
      ws.getRange(spaltenAdresse(b.von, b.bis)).format.columnWidth = b.pt;
    }
    for (const u of bild.umbruch) {
      await this.st.platz(80);
      const f = ws.getRange(bereichAdresse(u)).format;
      f.wrapText = true;
      f.verticalAlignment = "Top";
    }
    for (const [von, bis, pt] of hoehenBereiche(bild.hoehen)) {
      await this.st.platz(40);
      ws.getRange(`${von}:${bis}`).format.rowHeight = pt;
    }
  }

  /**
   * Carries out a sheet's picture: formats before values (text stays text), then styles, widths,
   * wrapping and heights, frozen rows, tab colour, print setup and the charts over their numbers.
   */
  async bild(bild: Blattbild): Promise<Worksheet> {
    const fehlt = ungeschriebeneTeile(bild, OFFICE_TEILE);
    if (fehlt.length > 0)
      throw new Error(
        `Das Add-in schreibt keine Eingabeblätter (${fehlt.join(", ")}); die Vorlage erzeugt „lsz vorlage“.`,
      );
    const ws = await this.leere(bild.art);
    for (const f of bild.formate) await this.format(ws, f.bereich, f.format);
    for (const b of bild.bloecke) await this.zellen(ws, b);
    for (const s of bild.stile) await this.stil(ws, s.bereich, s.stil);
    await this.masse(ws, bild);
    await this.st.platz(40);
    if (bild.fixiert > 0) ws.freezePanes.freezeRows(bild.fixiert);
    if (bild.reiter) ws.tabColor = bild.reiter;
    if (bild.druck) await this.druck(ws, bild.druck);
    for (const d of bild.diagramme) await this.diagramm(ws, this.lage.ziele[bild.art]!.blatt, d);
    if (!bild.sichtbar) this.verbergen.add(this.lage.ziele[bild.art]!.blatt);
    return ws;
  }

  /** The chart over its data block (written with the picture): added once, then found by name and updated. */
  async diagramm(ws: Worksheet, blattName: string, d: Diagramm) {
    await this.st.platz(2_000);
    const bekannt = this.lage.diagramme.get(blattName) ?? new Set<string>();
    this.lage.diagramme.set(blattName, bekannt);
    if (d.kategorien.length === 0) {
      // Nothing to draw: an earlier run's chart goes, rather than show stale bars.
      if (bekannt.has(d.name)) ws.charts.getItem(d.name).delete();
      bekannt.delete(d.name);
      return;
    }
    const quelle = ws.getRange(diagrammQuelle(d, true));
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
    for (let i = 0; i < d.reihen.length; i++) {
      const s = chart.series.getItemAt(i);
      if (i >= d.reihen.length - d.linien) {
        s.chartType = "LineMarkers"; // a marker shows the limit even for a single year
        s.format.line.color = d.farben[i]!;
      } else {
        s.chartType = d.typ; // after setData on a combo chart, say again which series are bars
        s.format.fill.setSolidColor(d.farben[i]!);
      }
    }
    if (d.umgekehrt) chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.valueAxis.numberFormat = '#,##0 "€"';
  }
}

/** The output columns of the Maßnahmen and Finanzplan tables (a deleted grey column is added back). */
async function ausgabeSpalten(s: Schreiber, stand: Lesestand, ausgabe: Ausgabe) {
  const neu: Record<string, number> = {}; // columns added back per table
  for (const sp of ausgabe.spalten) {
    if (sp.werte.length === 0) continue;
    const format = ZAHLENFORMATE[sp.typ];
    if (sp.spalte === null) {
      // The user deleted this grey column: add it back as a new table column (cells right of the
      // table move over, nothing is overwritten).
      const t = Object.values(stand.tabellen).find(
        (x) => x.name.toLowerCase() === sp.def.tabelle.toLowerCase(),
      );
      if (!t) continue;
      const zuLang = spalteNichtEinfuegbar(sp.kopf, t.name, t.zeilen, t.kopf.length + (neu[t.name] ?? 0));
      if (zuLang) s.lage.hinweise.push(zuLang); // Excel would refuse: said, and the rest is written
      if (zuLang) continue;
      neu[t.name] = (neu[t.name] ?? 0) + 1;
      const werte = matrix<Zelle>(t.zeilen, 1, "");
      for (const w of sp.werte) werte[w.zeile - sp.kopfZeile - 1]![0] = alsZelle(w.wert);
      await s.st.platz(jsonBytes(werte) * 2);
      const spalte = s.ctx.workbook.tables.getItem(t.name).columns.add(null, [[sp.kopf], ...werte], sp.kopf);
      spalte.getDataBodyRange().numberFormat = matrix(t.zeilen, 1, format);
      continue;
    }
    const erste = sp.kopfZeile + 1;
    const letzte = sp.werte.reduce((m, w) => Math.max(m, w.zeile), 0);
    const werte = matrix<Zelle>(letzte - erste + 1, 1, ""); // rows without input: cleared
    for (const w of sp.werte) werte[w.zeile - erste]![0] = alsZelle(w.wert);
    const ws = s.ctx.workbook.worksheets.getItem(sp.blatt);
    await s.block(ws, erste, sp.spalte, werte, "values", matrix(werte.length, 1, format));
  }
}

/** The run options of the writes: one undo group where Excel has it (ExcelApi 1.20). */
function schreibOptionen(excel: ExcelApi): RunOptionen {
  return { delayForCellEdit: true, ...(excel.unterstuetzt("1.20") ? { mergeUndoGroup: true } : {}) };
}

/**
 * The look, then the protection the writes need lifted — in a run of its own, since protection has no
 * undo and a grouped run refuses it (UndoNotSupported; Microsoft, „Undo capabilities in Excel add-ins“).
 */
async function schaueUndEntsperre(
  excel: ExcelApi,
  stand: Lesestand,
  schreibtIn: TabellenSchluessel[],
  arten: EigenesBlatt[],
) {
  return excel.run({ delayForCellEdit: true }, async (ctx) => {
    const blick = await schaueVorSchreiben(ctx, stand, schreibtIn, arten);
    if (blick.art === "abgelehnt" || blick.lage.geschuetzt.size === 0) return blick;
    for (const blatt of blick.lage.geschuetzt.keys())
      ctx.workbook.worksheets.getItem(blatt).protection.unprotect();
    await ctx.sync();
    return blick;
  });
}

/**
 * After the writes, outside the undo group: the sheets to hide hidden, the protection lifted restored
 * with its options, and the add-in's own sheets protected without password (not typed over by mistake;
 * Überprüfen → Blattschutz aufheben lifts it on purpose).
 */
async function schliesseAb(excel: ExcelApi, lage: Lage, verbergen: ReadonlySet<string>) {
  await excel.run({ delayForCellEdit: true }, async (ctx) => {
    const blaetter = ctx.workbook.worksheets;
    for (const b of verbergen) blaetter.getItem(b).visibility = "Hidden";
    for (const [blatt, optionen] of lage.geschuetzt) blaetter.getItem(blatt).protection.protect(optionen);
    for (const z of Object.values(lage.ziele))
      if (z && !lage.geschuetzt.has(z.blatt)) blaetter.getItem(z.blatt).protection.protect();
    await ctx.sync();
  });
}

/**
 * One write: the look and the protection lifted (a run), the writes as one undo step where Excel
 * groups them (a run), then hiding and protecting (a run). Protection lifted is restored even when a
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
  const blick = await schaueUndEntsperre(excel, stand, schreibtIn, arten);
  if (blick.art === "abgelehnt") return blick;
  const { lage } = blick;
  try {
    const verbergen = await excel.run(schreibOptionen(excel), async (ctx) => {
      const st = new Stapel(ctx, (n) => n > 1 && teilmeldung?.(n));
      const s = new Schreiber(excel, ctx, st, lage);
      await schreibe(s);
      await st.ende();
      return s.verbergen;
    });
    await schliesseAb(excel, lage, verbergen);
  } catch (e) {
    if (lage.geschuetzt.size > 0) await schuetzeWieder(excel, lage.geschuetzt);
    throw e;
  }
  const blaetter = Object.fromEntries(Object.entries(lage.ziele).map(([k, z]) => [k, z.blatt]));
  return { art: "ok", hinweise: lage.hinweise, blaetter };
}

export function schreibePruefung(excel: ExcelApi, stand: Lesestand, ausgabe: Ausgabe, teil?: Teilmeldung) {
  const mitUebersicht = (ausgabe.diagramme ?? []).some(
    (d) => (eigenesBlattFuer(d.blatt) ?? "uebersicht") === "uebersicht",
  );
  const arten: EigenesBlatt[] = [
    "siegel",
    "pruefbericht",
    ...(mitUebersicht ? (["uebersicht"] as const) : []),
  ];
  return schreibeLauf(excel, stand, ["massnahmen", "finanzplan"], arten, teil, async (s) => {
    // The seal sheet first: clearing it removes the old seal before anything else changes.
    await s.leere("siegel");
    const blaetter = Object.fromEntries(Object.entries(s.lage.ziele).map(([k, z]) => [k, z.blatt]));
    const bilder = pruefBilder({ ...ausgabe, bericht: mitEigenenBlaettern(ausgabe.bericht, blaetter) });
    await s.bild(bilder.pruefbericht);
    await ausgabeSpalten(s, stand, ausgabe);
    if (bilder.uebersicht) await s.bild(bilder.uebersicht);
    // The seal last: an interrupted write never leaves a valid seal beside stale statuses.
    if (bilder.siegel) await s.bild(bilder.siegel);
    else s.verbergen.add(s.lage.ziele.siegel!.blatt);
  });
}

export function schreibeVerteilung(
  excel: ExcelApi,
  stand: Lesestand,
  zeilen: Zellwert[][],
  bericht: BerichtZeile[],
  diagramme: readonly Diagramm[],
  teil?: Teilmeldung,
) {
  const arten: EigenesBlatt[] = ["foerderhoechstbetraege", "verteilungsbericht"];
  return schreibeLauf(excel, stand, [], arten, teil, async (s) => {
    const bilder = verteilBilder(zeilen, bericht, diagramme);
    await s.bild(bilder.foerderhoechstbetraege);
    // Its own report sheet: the Prüfbericht, the statuses and the seal of a check stay as they are.
    await s.bild(bilder.verteilungsbericht);
  });
}
