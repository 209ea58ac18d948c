/**
 * One picture of every sheet the tools write: what stands where, how it looks, how it prints. Pure
 * data: the type and its helpers here, the pictures of the reports in `berichtbilder.ts`, those of the
 * template (its input sheets too) in `vorlagebilder.ts`. Two thin writers carry them out — the
 * add-in's gateway through Office.js (`addin/src/gateway/schreiben.ts`, output sheets only) and lsz
 * through exceljs (`cli/blattbild.ts`, every sheet). Changing how a sheet looks means changing its
 * picture only.
 *
 * Units are Office.js's: column widths and row heights in points; colours as #RRGGBB; rows and
 * columns 1-based. Number formats are Excel's format codes (locale-independent).
 */
import type { Diagramm } from "./diagramme";
import { EIGENE_BLAETTER, ZAHLENFORMATE, type EigenesBlatt } from "./layout";
import { spaltenBuchstabe, zellAdresse, type Zellwert } from "./tabellen";

/** The named styles of the sheets. */
export const STILE = {
  /** A table's header row: white on dark grey (the output sheets, the template's grey columns). */
  kopf: { fett: true, schrift: "#FFFFFF", fuellung: "#595959" },
  /** The header of a template table's input column: white on dark blue. */
  eingabeKopf: { fett: true, schrift: "#FFFFFF", fuellung: "#1F4E79" },
  /** The cells of a template table's output column: light grey, written by the check. */
  ausgabe: { fuellung: "#EDEDED" },
  /** The Anleitung's title. */
  anleitungTitel: { fett: true, groesse: 16 },
  /** The example's warning that its amounts are made up: bold dark red. */
  warnung: { fett: true, schrift: "#C00000" },
  /** The title of a report's summary page. */
  titel: { fett: true, groesse: 14 },
  /** Labels: the summary's first column, a block's caption. */
  fett: { fett: true },
  /** The series names above a chart's numbers. */
  diagrammKopf: { fett: true, fuellung: "#D9D9D9" },
} as const satisfies Record<string, Stil>;

export interface Stil {
  fett?: boolean;
  /** Font size in points (Excel's default 11 where not given). */
  groesse?: number;
  schrift?: string;
  fuellung?: string;
}

export type StilName = keyof typeof STILE;

/** The colour of the tools' sheet tabs. */
export const REITER_FARBE = "#595959";
/** The tab colours of the template's input sheets: the Kreis's in blue, the ministry's in purple. */
export const EINGABE_REITER = { anleitung: "#2E7D32", kreis: "#1F4E79", ministerium: "#7B1FA2" } as const;

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

/**
 * An Excel table (Einfügen → Tabelle) over cells of the picture's blocks: header row at (zeile,
 * spalte), then `zeilen` data rows; the header texts are the column names.
 */
export interface Tabellenbild {
  name: string;
  zeile: number;
  spalte: number;
  spalten: string[];
  zeilen: number;
  /** Excel's table style, e.g. "TableStyleLight9", with banded rows. */
  stil: string;
  /** A filter button on every header cell. */
  filter: boolean;
}

/**
 * A data validation (Daten → Datenüberprüfung) with its German error message: `liste` offers the
 * values of a range (a warning lets another spelling through; the check reports what it cannot
 * read), `gesperrt` refuses every typed value (a formula that is never met).
 */
export interface Gueltigkeit {
  bereich: Bereich;
  art: "liste" | "gesperrt";
  /** The list's range as an absolute reference ('Listen'!$A$2:$A$7); unused for `gesperrt`. */
  quelle: string;
  stufe: "warnung" | "stopp";
  titel: string;
  meldung: string;
}

/** A note (Überprüfen → Notiz) on a cell. */
export interface Notiz {
  zeile: number;
  spalte: number;
  text: string;
}

/** The template's input sheets: the user's, never cleared or written by a check. */
export type Eingabeblatt = "anleitung" | "parameter" | "massnahmen" | "finanzplan" | "indikatoren" | "listen";
export type Blattart = EigenesBlatt | Eingabeblatt;

/** Whether a picture shows one of the tools' output sheets (marked, cleared and written by a check). */
export const istAusgabeblatt = (art: Blattart): art is EigenesBlatt => art in EIGENE_BLAETTER;

/**
 * A sheet's picture. `A` is the kind of sheet: an output sheet of the tools (the default; the
 * add-in writes only these), or an input sheet of the template (only lsz writes those).
 */
export interface Blattbild<A extends Blattart = EigenesBlatt> {
  art: A;
  bloecke: Zellblock[];
  /** Number formats, each over a range (applied before the values, so text stays text). */
  formate: { bereich: Bereich; format: string }[];
  stile: { bereich: Bereich; stil: StilName }[];
  /** Column widths in points: columns `von` to `bis`. */
  breiten: { von: number; bis: number; pt: number }[];
  /** Wrapped ranges (text wraps, aligned to the top). */
  umbruch: Bereich[];
  /** Row heights in points (the rows of wrapped ranges: as tall as their wrapped text). */
  hoehen: { zeile: number; pt: number }[];
  /** Rows frozen at the top (0: none). */
  fixiert: number;
  /** How it prints: A4, fit to the page width, the title row repeated; null: not set. */
  druck: { hoch: boolean; titelZeile: number | null } | null;
  /** Protected without password (Überprüfen → Blattschutz aufheben lifts it). */
  geschuetzt: boolean;
  sichtbar: boolean;
  /** The tab's colour (#RRGGBB); null: Excel's default. */
  reiter: string | null;
  /** Charts to draw over their data blocks (the blocks are in `bloecke`). */
  diagramme: Diagramm[];
  /** Excel tables over cells of `bloecke`. */
  tabellen: Tabellenbild[];
  gueltigkeiten: Gueltigkeit[];
  notizen: Notiz[];
  /** Cells left unlocked for typing (Zellen formatieren → Schutz: they stay open on a protected sheet). */
  entsperrt: Bereich[];
}

/**
 * Every part of a picture, for a writer to say which it carries out: a writer declares
 * `satisfies Record<Bildteil, boolean>`, so a part added to `Blattbild` fails its type check until
 * the writer decides, and `ungeschriebeneTeile` names the parts a picture uses that it cannot write.
 */
export type Bildteil = keyof Blattbild;

/** The parts a picture uses (a non-empty list, a set value) that a writer does not write. */
export function ungeschriebeneTeile(
  bild: Blattbild<Blattart>,
  schreibt: Readonly<Record<Bildteil, boolean>>,
): Bildteil[] {
  return (Object.keys(schreibt) as Bildteil[]).filter((t) => {
    if (schreibt[t]) return false;
    const v: unknown = bild[t];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== false && v !== 0;
  });
}

/** An empty picture of an output sheet: protected, visible, with the tools' tab colour. */
export const leeresBild = <A extends Blattart = EigenesBlatt>(art: A): Blattbild<A> => ({
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
  reiter: REITER_FARBE,
  diagramme: [],
  tabellen: [],
  gueltigkeiten: [],
  notizen: [],
  entsperrt: [],
});

/** Widths per column from a list in points: the last width stands for every further column up to `spalten`. */
export function breitenAus(liste: readonly number[], spalten: number): Blattbild["breiten"] {
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
function breiteVon(bild: Blattbild<Blattart>, spalte: number): number {
  return bild.breiten.find((b) => spalte >= b.von && spalte <= b.bis)?.pt ?? 48;
}

/**
 * Row heights for the wrapped ranges: as many lines as the longest wrapped cell of the row needs.
 * Every row of a wrapped range gets its height (one line too), so a re-run never keeps a stale height.
 */
export function hoehenFuerUmbruch(bild: Blattbild<Blattart>): Blattbild["hoehen"] {
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
 * Text stays text: Excel parses a string written through `values` with en-US rules in every locale
 * („2019“ → a number, „2018-11-15“ → a date; office-js#1559, #229) unless the cell is formatted as
 * text first. Every text a picture writes stands in a range formatted "@".
 */
export function textFormat(bild: Blattbild<Blattart>, bereich: Bereich) {
  if (bereich.zeilen > 0 && bereich.spalten > 0) bild.formate.push({ bereich, format: ZAHLENFORMATE.text });
}

/** The marker name of a picture's sheet kind. */
export const markeVon = (art: EigenesBlatt) => EIGENE_BLAETTER[art].marke;

/** Column letters of a width entry, e.g. "C:G". */
export const spaltenAdresse = (von: number, bis: number) =>
  `${spaltenBuchstabe(von)}:${spaltenBuchstabe(bis)}`;

/** Consecutive rows of the same height as one range each: [first row, last row, points]. */
export function hoehenBereiche(hoehen: Blattbild["hoehen"]): [number, number, number][] {
  const aus: [number, number, number][] = [];
  for (const h of hoehen) {
    const letzte = aus[aus.length - 1];
    if (letzte && letzte[1] === h.zeile - 1 && letzte[2] === h.pt) letzte[1] = h.zeile;
    else aus.push([h.zeile, h.zeile, h.pt]);
  }
  return aus;
}
