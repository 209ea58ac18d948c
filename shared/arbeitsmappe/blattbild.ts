/**
 * One picture of every sheet the tools write: what stands where, how it looks, how it prints. Pure
 * data, built here once; two thin writers carry it out — the add-in's gateway through Office.js
 * (`addin/src/gateway/schreiben.ts`) and lsz through exceljs (`cli/blattbild.ts`). Changing how a
 * report looks means changing this file only.
 *
 * Units are Office.js's: column widths and row heights in points; colours as #RRGGBB; rows and
 * columns 1-based. Number formats are Excel's format codes (locale-independent).
 */
import type { Siegel } from "../siegel";
import { siegelZellen } from "../siegel";
import {
  ausschoepfungZellen,
  diagrammZellen,
  DIAGRAMM_NAMEN,
  type Ausschoepfung,
  type Diagramm,
} from "./diagramme";
import {
  EIGENE_BLAETTER,
  ERGEBNIS_SPALTEN,
  FINANZPLAN_UEBERSICHT,
  FOERDERHOECHSTBETRAEGE,
  PRUEFBERICHT,
  VERTEILUNGSBERICHT,
  ZAHLENFORMATE,
  eigenesBlattFuer,
  ergebnisFormat,
  type EigenesBlatt,
} from "./layout";
import { spaltenBuchstabe, zellAdresse, type Zellwert } from "./tabellen";
import { SCHWERE_TEXT, type BerichtZeile } from "./ausgabe";

/** The named styles of the output sheets. */
export const STILE = {
  /** A table's header row: white on dark grey. */
  kopf: { fett: true, schrift: "#FFFFFF", fuellung: "#595959" },
  /** The title of a report's summary page. */
  titel: { fett: true, groesse: 14 },
  /** Labels: the summary's first column, a block's caption. */
  fett: { fett: true },
  /** The series names above a chart's numbers. */
  diagrammKopf: { fett: true, fuellung: "#D9D9D9" },
} as const satisfies Record<string, Stil>;

interface Stil {
  fett?: boolean;
  /** Font size in points (Excel's default 11 where not given). */
  groesse?: number;
  schrift?: string;
  fuellung?: string;
}

export type StilName = keyof typeof STILE;

/** The colour of the tools' sheet tabs. */
export const REITER_FARBE = "#595959";

/** Page header and footer of every printed output sheet: sheet name and date above, page of pages below. */
export const DRUCK_TEXTE = { kopfMitte: "&A", kopfRechts: "&D", fussMitte: "Seite &P von &N" } as const;

/** Default row height of Calibri 11 in points; a wrapped cell needs one such line per line of text. */
export const ZEILENHOEHE_PT = 15;
/** Excel's tallest row (Microsoft: „Excel specifications and limits“, row height 409 points). */
export const ZEILENHOEHE_MAX_PT = 409;
/** Average width of a character of Calibri 11 in points, generously: estimated lines never fall short. */
const ZEICHEN_PT = 5.5;
/** Cell padding left and right, in points. */
const RAND_PT = 6;

/** A rectangle of a sheet (1-based, inclusive). */
export interface Bereich {
  zeile: number;
  spalte: number;
  zeilen: number;
  spalten: number;
}

/** "B3:F7" */
export function bereichAdresse(b: Bereich): string {
  return `${zellAdresse(b.spalte, b.zeile)}:${zellAdresse(b.spalte + b.spalten - 1, b.zeile + b.zeilen - 1)}`;
}

/** A link to a cell of the workbook (the Prüfbericht's „Zelle“ column). */
export interface Verweis {
  text: string;
  blatt: string;
  zelle: string;
}

export type Bildzelle = Zellwert | Verweis;

export const istVerweis = (v: Bildzelle): v is Verweis => typeof v === "object" && v !== null;

/** Cells from (zeile, spalte); text is always text (never a formula), links are `Verweis`. */
export interface Zellblock {
  zeile: number;
  spalte: number;
  werte: Bildzelle[][];
}

export interface Blattbild {
  art: EigenesBlatt;
  bloecke: Zellblock[];
  /** Number formats, each over a range (applied before the values, so text stays text). */
  formate: { bereich: Bereich; format: string }[];
  stile: { bereich: Bereich; stil: StilName }[];
  /** Column widths in points: columns `von` to `bis`. */
  breiten: { von: number; bis: number; pt: number }[];
  /** Wrapped ranges (text wraps, aligned to the top). */
  umbruch: Bereich[];
  /** The rows of wrapped ranges: as tall as their wrapped text. */
  hoehen: { zeile: number; pt: number }[];
  /** Rows frozen at the top (0: none). */
  fixiert: number;
  /** How it prints: A4, fit to the page width, the title row repeated; null: not set. */
  druck: { hoch: boolean; titelZeile: number | null } | null;
  /** Protected without password (Überprüfen → Blattschutz aufheben lifts it). */
  geschuetzt: boolean;
  sichtbar: boolean;
  /** Charts to draw over their data blocks (the blocks are in `bloecke`). */
  diagramme: Diagramm[];
}

const leer = (art: EigenesBlatt): Blattbild => ({
  art,
  bloecke: [],
  formate: [],
  stile: [],
  breiten: [],
  umbruch: [],
  hoehen: [],
  fixiert: 0,
  druck: null,
  geschuetzt: true,
  sichtbar: true,
  diagramme: [],
});

/** Widths per column from a list in points: the last width stands for every further column up to `spalten`. */
function breitenAus(liste: readonly number[], spalten: number): Blattbild["breiten"] {
  return liste.map((pt, i) => ({
    von: i + 1,
    bis: i === liste.length - 1 ? Math.max(i + 1, spalten) : i + 1,
    pt,
  }));
}

/** Lines a text needs in a wrapped cell of the given width (each paragraph starts a line). */
export function zeilenFuer(text: string, breitePt: number): number {
  const jeZeile = Math.max(1, Math.floor((breitePt - RAND_PT) / ZEICHEN_PT));
  return text.split("\n").reduce((n, absatz) => n + Math.max(1, Math.ceil(absatz.length / jeZeile)), 0);
}

/** The width of column `spalte` in a picture (points), or Excel's default 48 pt. */
function breiteVon(bild: Blattbild, spalte: number): number {
  return bild.breiten.find((b) => spalte >= b.von && spalte <= b.bis)?.pt ?? 48;
}

/**
 * Row heights for the wrapped ranges: as many lines as the longest wrapped cell of the row needs.
 * Every row of a wrapped range gets its height (one line too), so a re-run never keeps a stale height.
 */
function hoehenFuerUmbruch(bild: Blattbild): Blattbild["hoehen"] {
  const zeilen = new Map<number, number>();
  for (const block of bild.bloecke)
    block.werte.forEach((reihe, r) =>
      reihe.forEach((v, c) => {
        const zeile = block.zeile + r;
        const spalte = block.spalte + c;
        if (typeof v !== "string" || v === "") return;
        const umbrochen = bild.umbruch.some(
          (u) =>
            zeile >= u.zeile &&
            zeile < u.zeile + u.zeilen &&
            spalte >= u.spalte &&
            spalte < u.spalte + u.spalten,
        );
        if (!umbrochen) return;
        const n = zeilenFuer(v, breiteVon(bild, spalte));
        zeilen.set(zeile, Math.max(zeilen.get(zeile) ?? 1, n));
      }),
    );
  return [...zeilen]
    .sort(([a], [b]) => a - b)
    .map(([zeile, n]) => ({ zeile, pt: Math.min(n * ZEILENHOEHE_PT, ZEILENHOEHE_MAX_PT) }));
}

/**
 * Column widths of the report sheets (Prüfbericht, Verteilungsbericht) in points: Schwere, Regel,
 * Meldung, Blatt, Zelle, Regelwerk, So beheben. About 1.000 pt in all, so that fitted to the width of
 * A4 landscape the print stays at about three quarters of its size (11 pt → 8,5 pt); the summary's
 * sums per year stand in columns B–F, wide enough for „445.785,00 €“ and their headers.
 */
export const BERICHT_BREITEN_PT = [75, 95, 320, 95, 75, 105, 250] as const;
/** Förderhöchstbeträge: Kreisschlüssel, Name, then every amount and share. */
export const FOERDERHOECHSTBETRAEGE_BREITEN_PT = [75, 190, 105] as const;
/** The seal sheet (label, value). */
export const SIEGEL_BREITEN_PT = [80, 390] as const;
/** The Finanzplan-Übersicht: the category column, then the number columns. */
export const UEBERSICHT_BREITEN_PT = [150, 95] as const;

function berichtReihen(bericht: readonly BerichtZeile[]): Bildzelle[][] {
  if (bericht.length === 0) return [[SCHWERE_TEXT.ok, "", "Keine Befunde.", "", "", "", ""]];
  return bericht.map((b) => [
    SCHWERE_TEXT[b.schwere],
    b.regel,
    b.meldung,
    b.blatt,
    b.zelle ? { text: b.zelle, blatt: b.blatt, zelle: b.zelle } : "",
    b.regelwerk,
    b.beheben,
  ]);
}

/** The summary page above the Prüfbericht's findings: title, labels in bold, the sums per year formatted. */
function zusammenfassung(bild: Blattbild, oben: readonly (readonly Zellwert[])[]) {
  const breite = oben.reduce((m, r) => Math.max(m, r.length), 1);
  bild.bloecke.push({
    zeile: 1,
    spalte: 1,
    werte: oben.map((r) => Array.from({ length: breite }, (_, i) => r[i] ?? null)),
  });
  bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, stil: "titel" });
  if (oben.length > 1)
    bild.stile.push({ bereich: { zeile: 2, spalte: 1, zeilen: oben.length - 1, spalten: 1 }, stil: "fett" });
  const jahr = oben.findIndex((r) => r[0] === FINANZPLAN_UEBERSICHT.ausschoepfungKopf[0]);
  // The summary's lines are text („2019“, „3“ stay as written); the sums per year are numbers.
  textFormat(bild, { zeile: 1, spalte: 1, zeilen: jahr >= 0 ? jahr : oben.length, spalten: breite });
  if (jahr >= 0) {
    textFormat(bild, { zeile: jahr + 1, spalte: 1, zeilen: 1, spalten: breite });
    bild.umbruch.push({ zeile: jahr + 1, spalte: 1, zeilen: 1, spalten: breite });
  }
  if (jahr >= 0 && jahr + 1 < oben.length) ausschoepfungFormate(bild, jahr + 2, oben.length - jahr - 1);
}

/**
 * Text stays text: Excel parses a string written through `values` with en-US rules in every locale
 * („2019“ → a number, „2018-11-15“ → a date; office-js#1559, #229) unless the cell is formatted as
 * text first. Every text a picture writes stands in a range formatted "@".
 */
function textFormat(bild: Blattbild, bereich: Bereich) {
  if (bereich.zeilen > 0 && bereich.spalten > 0) bild.formate.push({ bereich, format: ZAHLENFORMATE.text });
}

/** The sums per year: euros (Landesmittel, Förderhöchstbetrag), then three percentages. */
function ausschoepfungFormate(bild: Blattbild, ab: number, zeilen: number) {
  bild.formate.push(
    { bereich: { zeile: ab, spalte: 2, zeilen, spalten: 2 }, format: ZAHLENFORMATE.euro },
    { bereich: { zeile: ab, spalte: 4, zeilen, spalten: 3 }, format: ZAHLENFORMATE.prozent },
  );
}

/**
 * A report sheet (Prüfbericht, Verteilungsbericht): an optional summary page, then the findings under
 * a header row that prints on every page; message and advice wrap, rows as tall as their text.
 */
export function berichtBild(
  art: "pruefbericht" | "verteilungsbericht",
  bericht: readonly BerichtZeile[],
  oben: readonly (readonly Zellwert[])[] = [],
): Blattbild {
  const bild = leer(art);
  const kopf = art === "pruefbericht" ? PRUEFBERICHT.kopf : VERTEILUNGSBERICHT.kopf;
  if (oben.length > 0) zusammenfassung(bild, oben);
  const z = oben.length > 0 ? oben.length + 2 : 1;
  const reihen = berichtReihen(bericht);
  bild.bloecke.push({ zeile: z, spalte: 1, werte: [[...kopf]] }, { zeile: z + 1, spalte: 1, werte: reihen });
  // Every column text but the link column (a formula in a text cell would stay text).
  const link = kopf.indexOf("Zelle") + 1;
  textFormat(bild, { zeile: z, spalte: 1, zeilen: reihen.length + 1, spalten: link - 1 });
  textFormat(bild, { zeile: z, spalte: link + 1, zeilen: reihen.length + 1, spalten: kopf.length - link });
  bild.stile.push({ bereich: { zeile: z, spalte: 1, zeilen: 1, spalten: kopf.length }, stil: "kopf" });
  bild.breiten = breitenAus(BERICHT_BREITEN_PT, kopf.length);
  // Every column wraps (top-aligned), so a long sheet name or message never runs into its neighbour.
  bild.umbruch.push({ zeile: z + 1, spalte: 1, zeilen: reihen.length, spalten: kopf.length });
  bild.hoehen = hoehenFuerUmbruch(bild);
  bild.fixiert = z === 1 ? 1 : 0;
  bild.druck = { hoch: false, titelZeile: z };
  return bild;
}

/** A chart's data block: caption in bold, series names on grey, the amounts in euros. */
function diagrammDaten(bild: Blattbild, d: Diagramm) {
  const zellen = diagrammZellen(d);
  bild.bloecke.push({ zeile: d.zeile, spalte: d.spalte, werte: zellen });
  // Caption, series names and categories („2019“, a Kreis's name) as text.
  textFormat(bild, { zeile: d.zeile, spalte: d.spalte, zeilen: 2, spalten: d.reihen.length + 1 });
  textFormat(bild, { zeile: d.zeile + 2, spalte: d.spalte, zeilen: zellen.length - 2, spalten: 1 });
  bild.stile.push(
    { bereich: { zeile: d.zeile, spalte: d.spalte, zeilen: 1, spalten: 1 }, stil: "fett" },
    {
      bereich: { zeile: d.zeile + 1, spalte: d.spalte, zeilen: 1, spalten: d.reihen.length + 1 },
      stil: "diagrammKopf",
    },
  );
  if (d.kategorien.length > 0)
    bild.formate.push({
      bereich: {
        zeile: d.zeile + 2,
        spalte: d.spalte + 1,
        zeilen: d.kategorien.length,
        spalten: d.reihen.length,
      },
      format: ZAHLENFORMATE.euro,
    });
  bild.diagramme.push(d);
}

/** The Finanzplan-Übersicht: the charts' numbers and, under the year chart's, the Ausschöpfung per year. */
export function uebersichtBild(
  diagramme: readonly Diagramm[],
  jahre: readonly Ausschoepfung[] | undefined,
): Blattbild {
  const bild = leer("uebersicht");
  for (const d of diagramme) {
    diagrammDaten(bild, d);
    if (d.name !== DIAGRAMM_NAMEN.jahre || !jahre) continue;
    const zellen = ausschoepfungZellen(jahre);
    const ab = diagrammZellen(d).length + 2;
    bild.bloecke.push({ zeile: ab, spalte: 1, werte: zellen });
    textFormat(bild, { zeile: ab, spalte: 1, zeilen: 1, spalten: zellen[0]!.length });
    bild.umbruch.push({ zeile: ab, spalte: 1, zeilen: 1, spalten: zellen[0]!.length }); // headers wrap
    bild.stile.push({
      bereich: { zeile: ab, spalte: 1, zeilen: 1, spalten: zellen[0]!.length },
      stil: "fett",
    });
    if (zellen.length > 1) ausschoepfungFormate(bild, ab + 1, zellen.length - 1);
  }
  bild.breiten = breitenAus(UEBERSICHT_BREITEN_PT, FINANZPLAN_UEBERSICHT.ausschoepfungKopf.length);
  bild.hoehen = hoehenFuerUmbruch(bild);
  bild.druck = { hoch: false, titelZeile: null };
  return bild;
}

/** The seal's data on a hidden sheet of its own (label column A, value column B). */
export function siegelBild(siegel: Siegel): Blattbild {
  const bild = leer("siegel");
  const zellen = siegelZellen(siegel);
  bild.bloecke.push({ zeile: 1, spalte: 1, werte: zellen });
  textFormat(bild, { zeile: 1, spalte: 1, zeilen: zellen.length, spalten: 2 }); // a hash of digits stays text
  bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, stil: "fett" });
  bild.breiten = breitenAus(SIEGEL_BREITEN_PT, 2);
  bild.sichtbar = false;
  return bild;
}

/** The ministry's Förderhöchstbeträge: a row per region in the layout's formats, the charts' numbers beside. */
export function foerderBild(
  zeilen: readonly (readonly Zellwert[])[],
  diagramme: readonly Diagramm[],
): Blattbild {
  const bild = leer("foerderhoechstbetraege");
  const kopf = FOERDERHOECHSTBETRAEGE.kopf;
  bild.bloecke.push({ zeile: 1, spalte: 1, werte: [[...kopf]] });
  textFormat(bild, { zeile: 1, spalte: 1, zeilen: 1, spalten: kopf.length });
  if (zeilen.length > 0) {
    bild.bloecke.push({ zeile: 2, spalte: 1, werte: zeilen.map((z) => [...z]) });
    ERGEBNIS_SPALTEN.forEach((s, i) =>
      bild.formate.push({
        bereich: { zeile: 2, spalte: i + 1, zeilen: zeilen.length, spalten: 1 },
        format: ergebnisFormat(s),
      }),
    );
  }
  bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: kopf.length }, stil: "kopf" });
  bild.breiten = breitenAus(FOERDERHOECHSTBETRAEGE_BREITEN_PT, kopf.length);
  // Long headers („Betrag Abhängigenquotient (€)“) wrap in their column instead of running on.
  bild.umbruch.push({ zeile: 1, spalte: 1, zeilen: 1, spalten: kopf.length });
  for (const d of diagramme) {
    diagrammDaten(bild, d);
    if (!bild.breiten.some((b) => d.spalte >= b.von && d.spalte <= b.bis))
      bild.breiten.push({ von: d.spalte, bis: d.spalte, pt: UEBERSICHT_BREITEN_PT[0] });
  }
  bild.hoehen = hoehenFuerUmbruch(bild);
  bild.fixiert = 1;
  bild.druck = { hoch: false, titelZeile: 1 };
  return bild;
}

/** An output sheet as the template holds it before the first check: its header (or caption) only. */
export function vorlageBild(art: "pruefbericht" | "foerderhoechstbetraege" | "uebersicht"): Blattbild {
  if (art === "uebersicht") {
    const bild = uebersichtBild([], undefined);
    // Room for the Finanzplan chart: the add-in writes its numbers from A1 and puts the chart beside them.
    bild.bloecke.push({ zeile: 1, spalte: 1, werte: [["Diagrammdaten (vom Add-in geschrieben)"]] });
    textFormat(bild, { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 });
    bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, stil: "kopf" });
    return bild;
  }
  const bild = art === "pruefbericht" ? berichtBild(art, []) : foerderBild([], []);
  bild.bloecke = bild.bloecke.slice(0, 1); // the header row; no „Keine Befunde“ before any check
  bild.formate = bild.formate.filter((f) => f.bereich.zeile === 1);
  bild.umbruch = bild.umbruch.filter((u) => u.zeile === 1);
  bild.hoehen = hoehenFuerUmbruch(bild);
  return bild;
}

/** What a check writes on the tools' own sheets, each picture for the sheet kind it names. */
export interface PruefBilder {
  pruefbericht: Blattbild;
  uebersicht: Blattbild | null;
  siegel: Blattbild | null;
}

export function pruefBilder(a: {
  bericht: readonly BerichtZeile[];
  zusammenfassung?: readonly (readonly Zellwert[])[];
  diagramme?: readonly Diagramm[];
  ausschoepfung?: readonly Ausschoepfung[];
  siegel?: Siegel;
}): PruefBilder {
  const uebersicht = (a.diagramme ?? []).filter(
    (d) => (eigenesBlattFuer(d.blatt) ?? "uebersicht") === "uebersicht",
  );
  return {
    pruefbericht: berichtBild("pruefbericht", a.bericht, a.zusammenfassung ?? []),
    uebersicht: uebersicht.length > 0 ? uebersichtBild(uebersicht, a.ausschoepfung) : null,
    siegel: a.siegel ? siegelBild(a.siegel) : null,
  };
}

/** The ministry's two sheets of an allocation. */
export function verteilBilder(
  zeilen: readonly (readonly Zellwert[])[],
  bericht: readonly BerichtZeile[],
  diagramme: readonly Diagramm[],
): { foerderhoechstbetraege: Blattbild; verteilungsbericht: Blattbild } {
  return {
    foerderhoechstbetraege: foerderBild(zeilen, diagramme),
    verteilungsbericht: berichtBild("verteilungsbericht", bericht),
  };
}

/** The marker name of a picture's sheet kind. */
export const markeVon = (art: EigenesBlatt) => EIGENE_BLAETTER[art].marke;

/** Column letters of a width entry, e.g. "C:G". */
export const spaltenAdresse = (von: number, bis: number) =>
  `${spaltenBuchstabe(von)}:${spaltenBuchstabe(bis)}`;
