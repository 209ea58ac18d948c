/**
 * An in-memory fake of the Excel API surface in src/gateway/excel-api.ts, for the tests and the
 * browser preview. It is as strict as Excel where Excel refuses, throws or converts (see
 * docs/entscheidungen.md „Das Fake-Excel ist so streng wie Excel“):
 *
 * - a property can be read only after `load()` and a `sync()` (also `name` of sheets and tables);
 * - commands (writes and loads) are applied at `sync()` in queue order; the first failing command
 *   throws with Excel's error code and the commands before it stay applied (Excel has no rollback);
 * - a sync whose request or response is larger than 5 MB as UTF-8 JSON throws
 *   `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` (Excel on the web);
 * - sheet and table names are compared ignoring letter case; `getItem` of a missing sheet, table,
 *   chart or name throws `ItemNotFound` at sync, `add` of an existing one `ItemAlreadyExists`;
 * - writes into locked cells of a protected sheet throw `AccessDenied`, into a filtered table
 *   `FilteredRangeConflict`;
 * - text written through `values` that Excel would turn into a formula is a test failure;
 * - an error cell (setzeFehler) returns its text in `values` and "Error" in `valueTypes`;
 * - adding a table column that would move more than 33.554.000 cells throws
 *   `OperationCellsExceedLimit`; asking for the header row of a table whose header row is switched
 *   off is a test failure (Excel does not document what it returns).
 *
 * It keeps what tests assert: values, formulas, number formats, column widths (points), charts,
 * names, protection; it counts syncs and bytes and records every write.
 */
import { spaltenBuchstabe } from "../../../shared/arbeitsmappe";
import type {
  Application,
  AutoFilter,
  CalculationMode,
  Chart,
  ChartCollection,
  ChartSeries,
  ExcelApi,
  FormatProtection,
  NamedItem,
  NamedItemCollection,
  Range,
  RangeFormat,
  RequestContext,
  RunOptionen,
  Table,
  TabellenAenderung,
  TableCollection,
  ValueType,
  Wert,
  Worksheet,
  WorksheetCollection,
  WorksheetProtection,
} from "../gateway/excel-api";

/** Excel on the web refuses a request or a response above 5 MB (Resource limits for Office Add-ins). */
export const NUTZLAST_GRENZE = 5_000_000;

/** An error as Office.js reports it: `code` from OfficeExtension.ErrorCodes / Excel.ErrorCodes. */
export class ExcelFehler extends Error {
  constructor(
    readonly code: string,
    meldung: string,
  ) {
    super(meldung);
    this.name = "RichApi.Error";
  }
}

interface FakeZelle {
  wert: Wert;
  formel?: string;
  /**
   * The cell shows an error value (#N/A …): `wert` is its text as `Range.values` returns it and
   * `Range.valueTypes` says "Error" (Excel.RangeValueType.error).
   */
  fehler?: true;
}

interface FakeTabelle {
  name: string;
  blatt: string;
  /** 1-based sheet row and column of the header's first cell. */
  zeile: number;
  spalte: number;
  spalten: number;
  /** Number of data rows. */
  zeilen: number;
  /**
   * The totals row is shown (Table.showTotals, ExcelApi 1.3): one row below the data body, part of
   * `getRange()`, not of `getDataBodyRange()`.
   */
  summenzeile?: boolean;
  /**
   * The header row is switched off (Table.showHeaders false, ExcelApi 1.3): row `zeile` is then no
   * part of the table. What getHeaderRowRange() does then is not documented (xlwings#2094: none on
   * Windows, a wrong range on the Mac), so the fake makes asking for it a test failure.
   */
  ohneKopfzeile?: boolean;
  /** A filter hides some of its rows (AutoFilter.isDataFiltered). */
  gefiltert?: boolean;
  /** The sheet rows the filter hides; where not given, every second data row. */
  verborgen?: Set<number>;
}

interface Schreibvorgang {
  blatt: string;
  adresse: string;
  art: "values" | "formulas" | "numberFormat" | "clear" | "format" | "add" | "schutz";
}

/** A chart as Excel would hold it: what it draws from and how it looks. */
export interface FakeDiagramm {
  name: string;
  typ: string;
  /** Source range on the chart's sheet, e.g. "V2:Z25". */
  quelle: string;
  titel: string;
  legende: string;
  platz: { von: string; bis?: string } | null;
  /** One per series: columns of the source after the category column (the top-left cell is empty). */
  serien: { typ: string | null; farbe: string | null }[];
  umgekehrt: boolean;
  zahlenformat: string | null;
}

/** A recorded chart call (the tests prove with it that a re-run adds no second chart). */
interface DiagrammAufruf {
  art: "add" | "setData" | "delete";
  blatt: string;
  name: string;
  typ?: string;
  quelle?: string;
  serien?: number;
}

interface Bereich {
  z1: number;
  s1: number;
  z2: number;
  s2: number;
}

/** The cell formats the fake records (Range.format). */
export type StilEigenschaft = "fett" | "schrift" | "groesse" | "fuellung" | "umbruch" | "vertikal";

interface FakeOrt extends Bereich {
  blatt: string;
}

interface FakeName {
  name: string;
  /** null once the sheet it pointed to is deleted (#REF!). */
  blatt: string | null;
  adresse: string;
  sichtbar: boolean;
}

/** UTF-8 bytes of a string, as the payload crosses the boundary (measured, not estimated). */
const kodierer = new TextEncoder();
function utf8Bytes(s: string): number {
  return kodierer.encode(s).length;
}

const json = (x: unknown) => utf8Bytes(JSON.stringify(x) ?? "");

/** A loaded value's size in the response; a collection's items count as their loaded names. */
function antwortBytes(w: unknown): number {
  if (Array.isArray(w) && w.some((x) => typeof x === "object" && x !== null && !Array.isArray(x)))
    return w.length * 80;
  return json(w);
}

/**
 * What one command costs in a request besides its data (object path, method, ids), as Microsoft's
 * Office.js library serializes it: ~300 B (test/officejs/: a 15-row write is 47 KB where values and
 * 60 B a command made 15 KB; a single-cell write an 855 B request).
 */
const AUFRUF_BYTES = 300;

export class FakeArbeitsmappe {
  blaetter = new Map<string, Map<string, FakeZelle>>();
  tabellen: FakeTabelle[] = [];
  namen: FakeName[] = [];
  /** Protected sheets (canonical name → password or null) and the options they were protected with. */
  schutz = new Map<string, { passwort: string | null; optionen: Record<string, boolean> }>();
  /** Unlocked cells per sheet (every cell is locked unless listed here, as in Excel). */
  entsperrt = new Map<string, Bereich[]>();
  /** Column widths in points per sheet and column. */
  breiten = new Map<string, Map<number, number>>();
  /** Hidden sheets (Worksheet.visibility). */
  ausgeblendet = new Set<string>();
  /** Print setup per sheet, as the add-in set it (ExcelApi 1.9 pageLayout). */
  druck = new Map<
    string,
    {
      ausrichtung?: string;
      breiteSeiten?: number;
      hoeheSeiten?: number;
      titelZeilen?: string;
      kopf?: string;
      kopfRechts?: string;
      fuss?: string;
    }
  >();
  /** Number formats per sheet and cell "zeile:spalte". */
  formate = new Map<string, Map<string, string>>();
  /** Cell formats per sheet, in the order they were set (the last one over a cell wins, as in Excel). */
  stile = new Map<string, { b: Bereich; k: StilEigenschaft; v: string | number | boolean }[]>();
  /** Row heights in points per sheet and row. */
  hoehen = new Map<string, Map<number, number>>();
  /** Rows frozen at the top per sheet (freezePanes.freezeRows). */
  fixiert = new Map<string, number>();
  /** Tab colour per sheet. */
  reiter = new Map<string, string>();
  syncs = 0;
  /** UTF-8 bytes that crossed the Office boundary (requests and responses). */
  uebertragen = 0;
  /** Bytes of each sync's request and response. */
  anfragen: number[] = [];
  antworten: number[] = [];
  laeufe: RunOptionen[] = [];
  schreibvorgaenge: Schreibvorgang[] = [];
  auswahl: { blatt: string; adresse: string } | null = null;
  /** Charts per sheet, in the order they were added. */
  diagramme = new Map<string, FakeDiagramm[]>();
  diagrammAufrufe: DiagrammAufruf[] = [];
  aktivesBlatt: string | null = null;
  /**
   * Where this Excel runs: some APIs lack undo support on one platform only (Microsoft, „Undo
   * capabilities in Excel add-ins“, table „Unsupported APIs“), which a grouped run then refuses.
   */
  plattform: "web" | "windows" | "mac" = "web";
  /** Excel.Application.calculationMode (Formeln → Berechnungsoptionen). */
  berechnung: CalculationMode = "Automatic";
  /** Called after every sync that wrote something (the preview re-renders its grid). */
  beiAenderung: (() => void) | null = null;
  /** Called before each Excel.run with its number (0, 1, …): a test edits the workbook "meanwhile". */
  vorLauf: ((nr: number) => void) | null = null;
  /** onChanged handlers per table (registered at sync), as Excel calls them for a user's edit. */
  beobachter: { tabelle: string; handler: (e: TabellenAenderung) => Promise<void> }[] = [];
  /**
   * The user is typing in a cell (cell edit mode). A batch run without `delayForCellEdit` fails at its
   * sync with InvalidOperationInCellEditMode; with it, the sync waits until the edit ends (Microsoft,
   * Excel.RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch request
   * is processed by the host, the batch automatically fails … when true … delayed until the user exits
   * cell edit mode").
   */
  zellBearbeitung: Promise<void> | null = null;
  private bearbeitungEnde: (() => void) | null = null;

  /** The user enters a cell's edit mode (F2 or typing); `verlasseZelle` ends it. */
  betrittZelle() {
    if (this.zellBearbeitung) return;
    this.zellBearbeitung = new Promise((ok) => (this.bearbeitungEnde = ok));
  }

  verlasseZelle() {
    this.bearbeitungEnde?.();
    this.zellBearbeitung = null;
    this.bearbeitungEnde = null;
  }
  /** A test's fault: the sync with this number (1, 2, …) fails with the error, its commands unapplied. */
  stoerung: ((sync: number) => ExcelFehler | null) | null = null;
  /** A test's fault in one command: a values/formulas write to this place fails, the commands before it stay applied. */
  schreibStoerung: ((blatt: string, adresse: string) => ExcelFehler | null) | null = null;

  /** The sheet's name as the workbook spells it (Excel compares sheet names ignoring case). */
  blattName(name: string): string | undefined {
    const klein = name.toLocaleLowerCase("de");
    for (const n of this.blaetter.keys()) if (n.toLocaleLowerCase("de") === klein) return n;
    return undefined;
  }

  /** A sheet that must exist (inside a batch: ItemNotFound otherwise). */
  vorhanden(name: string): string {
    const n = this.blattName(name);
    if (n === undefined) throw new ExcelFehler("ItemNotFound", `Das Blatt „${name}“ gibt es nicht.`);
    return n;
  }

  /** For setting up a test: the sheet's cells, created if missing. */
  blatt(name: string): Map<string, FakeZelle> {
    const n = this.blattName(name) ?? name;
    let b = this.blaetter.get(n);
    if (!b) {
      b = new Map();
      this.blaetter.set(n, b);
    }
    return b;
  }

  setze(blatt: string, zeile: number, spalte: number, wert: Wert) {
    const b = this.blatt(blatt);
    if (wert === null || wert === "") b.delete(`${zeile}:${spalte}`);
    else b.set(`${zeile}:${spalte}`, { wert });
  }

  /** For setting up a test: a cell whose formula ends in an error value, e.g. "#N/A" from a VLOOKUP. */
  setzeFehler(blatt: string, zeile: number, spalte: number, fehler: string, formel?: string) {
    this.blatt(blatt).set(`${zeile}:${spalte}`, {
      wert: fehler,
      fehler: true,
      ...(formel ? { formel } : {}),
    });
  }

  /**
   * What `Range.valueTypes` says of a cell (Excel.RangeValueType): "Empty", "String", "Double",
   * "Boolean", or "Error" for an error value (dates are numbers to Excel: "Double").
   */
  wertTyp(blatt: string, zeile: number, spalte: number): "Empty" | "String" | "Double" | "Boolean" | "Error" {
    const n = this.blattName(blatt);
    const z = n ? this.blaetter.get(n)?.get(`${zeile}:${spalte}`) : undefined;
    if (!z || z.wert === "" || z.wert === null) return "Empty";
    if (z.fehler) return "Error";
    return typeof z.wert === "number" ? "Double" : typeof z.wert === "boolean" ? "Boolean" : "String";
  }

  wert(blatt: string, zeile: number, spalte: number): Wert {
    const n = this.blattName(blatt);
    return (n && this.blaetter.get(n)?.get(`${zeile}:${spalte}`)?.wert) ?? "";
  }

  formel(blatt: string, zeile: number, spalte: number): string | undefined {
    const n = this.blattName(blatt);
    return n ? this.blaetter.get(n)?.get(`${zeile}:${spalte}`)?.formel : undefined;
  }

  zahlenformat(blatt: string, zeile: number, spalte: number): string | undefined {
    const n = this.blattName(blatt);
    return n ? this.formate.get(n)?.get(`${zeile}:${spalte}`) : undefined;
  }

  /** A cell's formats as set through Range.format (only those set). */
  stil(
    blatt: string,
    zeile: number,
    spalte: number,
  ): Partial<Record<StilEigenschaft, string | number | boolean>> {
    const n = this.blattName(blatt);
    const aus: Partial<Record<StilEigenschaft, string | number | boolean>> = {};
    for (const e of (n && this.stile.get(n)) || [])
      if (zeile >= e.b.z1 && zeile <= e.b.z2 && spalte >= e.b.s1 && spalte <= e.b.s2) aus[e.k] = e.v;
    return aus;
  }

  /** A row's height in points, or undefined where never set. */
  zeilenhoehe(blatt: string, zeile: number): number | undefined {
    const n = this.blattName(blatt);
    return n ? this.hoehen.get(n)?.get(zeile) : undefined;
  }

  /** A column's width in points, or undefined where the add-in never set it. */
  spaltenbreite(blatt: string, spalte: string): number | undefined {
    const n = this.blattName(blatt);
    return n ? this.breiten.get(n)?.get(zerlege(`${spalte}1`).s1) : undefined;
  }

  /** The values of a range ("U2:Y25") as Excel shows them: empty cells are "". */
  werteIn(blatt: string, adresse: string): Wert[][] {
    const { z1, s1, z2, s2 } = zerlege(adresse);
    return Array.from({ length: z2 - z1 + 1 }, (_, r) =>
      Array.from({ length: s2 - s1 + 1 }, (_, c) => this.wert(blatt, z1 + r, s1 + c)),
    );
  }

  /**
   * A user types into a cell: the value changes and Excel tells the onChanged handlers of the table
   * the cell belongs to (the handlers run after the edit, as in Excel; awaited here for the tests).
   * `quelle` "Remote" is a co-author's edit arriving in this workbook (Excel on the web, AutoSave):
   * Excel.EventSource "Remote" — "the event comes from a remote user's session".
   */
  async nutzerAendert(
    blatt: string,
    zeile: number,
    spalte: number,
    wert: Wert,
    quelle: "Local" | "Remote" = "Local",
  ): Promise<void> {
    this.setze(blatt, zeile, spalte, wert);
    await this.meldeAenderung(blatt, zeile, spalte, quelle);
  }

  /** The onChanged of the table that holds the cell, as Excel sends it after an edit there. */
  async meldeAenderung(blatt: string, zeile: number, spalte: number, quelle: "Local" | "Remote" = "Local") {
    const n = this.blattName(blatt);
    const t = this.tabellen.find(
      (x) =>
        x.blatt === n &&
        zeile >= x.zeile &&
        zeile <= x.zeile + x.zeilen &&
        spalte >= x.spalte &&
        spalte < x.spalte + x.spalten,
    );
    if (!t) return;
    for (const b of this.beobachter.filter((x) => x.tabelle.toLowerCase() === t.name.toLowerCase()))
      await b.handler(tabellenEreignis(`${spaltenBuchstabe(spalte)}${zeile}`, quelle));
  }

  /**
   * A user inserts a whole sheet row above `zeile` (right-click the row number → Insert): the cells
   * and number formats from that row down move one row down, a table the row falls into grows by one
   * data row, tables below move down; the grown table's onChanged handlers hear "RowInserted" with the
   * new row's address across the table (Excel.DataChangeType "RowInserted").
   */
  async nutzerFuegtZeileEin(blatt: string, zeile: number, quelle: "Local" | "Remote" = "Local") {
    const n = this.vorhanden(blatt);
    const schiebe = <T>(karte: Map<string, T> | undefined) => {
      if (!karte) return;
      const eintraege = [...karte].map(
        ([k, v]) => [k.split(":").map(Number) as [number, number], v] as const,
      );
      karte.clear();
      for (const [[z, sp], v] of eintraege) karte.set(`${z >= zeile ? z + 1 : z}:${sp}`, v);
    };
    schiebe(this.blaetter.get(n));
    schiebe(this.formate.get(n));
    const betroffen: FakeTabelle[] = [];
    for (const t of this.tabellen.filter((x) => x.blatt === n)) {
      if (t.zeile >= zeile) t.zeile++;
      else if (zeile <= t.zeile + t.zeilen) {
        t.zeilen++;
        betroffen.push(t);
      }
    }
    for (const t of betroffen) {
      const adresse = `${spaltenBuchstabe(t.spalte)}${zeile}:${spaltenBuchstabe(t.spalte + t.spalten - 1)}${zeile}`;
      for (const b of this.beobachter.filter((x) => x.tabelle.toLowerCase() === t.name.toLowerCase()))
        await b.handler({ ...tabellenEreignis(adresse, quelle), changeType: "RowInserted" });
    }
  }

  /** Adds an Excel table with its header and rows, at a 1-based position. */
  tabelle(
    name: string,
    blatt: string,
    kopf: readonly string[],
    zeilen: readonly (readonly Wert[])[],
    zeile = 1,
    spalte = 1,
  ) {
    kopf.forEach((k, i) => this.setze(blatt, zeile, spalte + i, k));
    zeilen.forEach((z, r) => z.forEach((v, i) => this.setze(blatt, zeile + 1 + r, spalte + i, v)));
    this.tabellen.push({
      name,
      blatt: this.blattName(blatt) ?? blatt,
      zeile,
      spalte,
      spalten: kopf.length,
      zeilen: Math.max(1, zeilen.length),
    });
  }

  /** Protects a sheet as Überprüfen → Blatt schützen does (all cells locked unless unlocked). */
  schuetze(blatt: string, passwort: string | null = null, optionen: Record<string, boolean> = {}) {
    this.schutz.set(this.vorhanden(blatt), { passwort, optionen });
  }

  /** Unlocks cells (Zellen formatieren → Schutz → Gesperrt aus), as the template does for input cells. */
  entsperre(blatt: string, adresse: string) {
    const n = this.vorhanden(blatt);
    this.entsperrt.set(n, [...(this.entsperrt.get(n) ?? []), zerlege(adresse)]);
  }

  /** A user renames a sheet: tables, names and charts follow, as in Excel. */
  benenneUm(alt: string, neu: string) {
    const a = this.vorhanden(alt);
    if (this.blattName(neu) !== undefined && this.blattName(neu) !== a)
      throw new Error(`Fake: Blatt ${neu} gibt es schon`);
    const folge = <T>(m: Map<string, T>) => {
      const x = m.get(a);
      if (x !== undefined) {
        m.delete(a);
        m.set(neu, x);
      }
    };
    for (const m of this.proBlatt()) folge(m);
    for (const t of this.tabellen) if (t.blatt === a) t.blatt = neu;
    for (const n of this.namen) if (n.blatt === a) n.blatt = neu;
  }

  /** Every map kept per sheet: a rename moves, a deletion drops each (a new map goes here). */
  private proBlatt(): Map<string, unknown>[] {
    return [
      this.blaetter,
      this.schutz,
      this.entsperrt,
      this.breiten,
      this.formate,
      this.diagramme,
      this.stile,
      this.hoehen,
      this.fixiert,
      this.reiter,
      this.druck,
    ];
  }

  /** A user deletes a sheet: its tables and charts go, names pointing to it become #REF!. */
  loescheBlatt(name: string) {
    const a = this.vorhanden(name);
    for (const m of this.proBlatt()) m.delete(a);
    this.tabellen = this.tabellen.filter((t) => t.blatt !== a);
    for (const n of this.namen) if (n.blatt === a) n.blatt = null;
  }

  name(name: string): FakeName | undefined {
    const klein = name.toLowerCase();
    return this.namen.find((n) => n.name.toLowerCase() === klein);
  }

  /** A copy of every cell, for comparisons. */
  abbild(): Record<string, Record<string, Wert>> {
    const a: Record<string, Record<string, Wert>> = {};
    for (const [name, b] of this.blaetter) a[name] = Object.fromEntries([...b].map(([k, z]) => [k, z.wert]));
    return a;
  }

  /** Whether a cell is locked (every cell is, unless unlocked). */
  gesperrt(blatt: string, z: number, s: number): boolean {
    return !(this.entsperrt.get(blatt) ?? []).some((b) => z >= b.z1 && z <= b.z2 && s >= b.s1 && s <= b.s2);
  }

  api(unterstuetzt: (version: string) => boolean = () => true): ExcelApi {
    let laeufe = 0;
    return {
      unterstuetzt,
      run: async <T>(optionen: RunOptionen, batch: (ctx: RequestContext) => Promise<T>) => {
        this.vorLauf?.(laeufe++);
        this.laeufe.push(optionen);
        return batch(new FakeKontext(this, optionen));
      },
    };
  }
}

/**
 * What Excel makes of a string written through `values` or `formulas` into a cell not formatted as
 * text: it parses it with en-US rules in every locale (office-js#1559: „the APIs use USA locale by
 * default“) — „2019“ and „1,234.5“ become numbers, „70%“ 0.7, „2018-12-31“ a date serial (#229).
 * Text in a cell formatted "@" stays text.
 */
export function alsExcelWert(v: string): Wert {
  const t = v.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    if (!Number.isNaN(ms)) return ms / 86_400_000 + 25_569; // Excel's serial (1900 system)
  }
  return v;
}

function zerlege(adresse: string): Bereich {
  const teil = (a: string) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/.exec(a.toUpperCase());
    if (!m) throw new ExcelFehler("InvalidArgument", `Ungültige Adresse ${adresse}`);
    const s = m[1] ? [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
    return { s, z: m[2] ? Number(m[2]) : 0 };
  };
  const [a = "", b = a] = adresse.replace(/^.*!/, "").split(":");
  const x = teil(a);
  const y = teil(b);
  return { z1: x.z || 1, s1: x.s || 1, z2: y.z || 1_048_576, s2: y.s || 16_384 };
}

function adresseVon(b: Bereich): string {
  return `${spaltenBuchstabe(b.s1)}${b.z1}${b.z1 === b.z2 && b.s1 === b.s2 ? "" : `:${spaltenBuchstabe(b.s2)}${b.z2}`}`;
}

/**
 * What Excel hands a table's onChanged handler (Excel.TableChangedEventArgs, ExcelApi 1.7): the
 * changed area's address on the sheet ("K6", "U2:Y25"), how it changed, and whether the change was
 * made in this session ("Local") or by a co-author ("Remote").
 */
function tabellenEreignis(address: string, source: "Local" | "Remote"): TabellenAenderung {
  return { address, changeType: "RangeEdited", source, type: "TableChanged" };
}

/** One queued command: its request bytes and what it does at sync (a load returns its response). */
interface Auftrag {
  bytes: number;
  tue: () => { antwort: number; uebernimm: () => void } | undefined;
}

class FakeKontext implements RequestContext {
  auftraege: Auftrag[] = [];
  /** Cells written by this sync: Excel raises the tables' onChanged events for an add-in's writes too. */
  geschrieben: FakeOrt[] = [];
  workbook: RequestContext["workbook"];
  constructor(
    readonly mappe: FakeArbeitsmappe,
    readonly optionen: RunOptionen = {},
  ) {
    this.workbook = {
      tables: new FakeTabellen(this),
      worksheets: new FakeBlaetter(this),
      names: new FakeNamen(this),
      application: new FakeAnwendung(this),
    };
  }
  /** After the sync: each observed table whose cells were written hears of it (later, as in Excel). */
  private meldeAenderungen() {
    const m = this.mappe;
    for (const o of this.geschrieben.splice(0)) {
      for (const t of m.tabellen) {
        const trifft =
          t.blatt === o.blatt &&
          o.z2 >= t.zeile &&
          o.z1 <= t.zeile + t.zeilen &&
          o.s2 >= t.spalte &&
          o.s1 < t.spalte + t.spalten;
        if (!trifft) continue;
        for (const b of m.beobachter.filter((x) => x.tabelle.toLowerCase() === t.name.toLowerCase())) {
          const e = tabellenEreignis(adresseVon(o), "Local");
          setTimeout(() => void b.handler(e), 0);
        }
      }
    }
  }
  /**
   * An API without undo support, called in a run with `mergeUndoGroup`: Excel throws UndoNotSupported
   * („Undo capabilities in Excel add-ins“: „If an API within the group doesn't offer undo support, the
   * UndoNotSupported error is thrown“). `wo` names the platforms that lack it, as Microsoft's table does.
   */
  ohneRueckgaengig(api: string, wo: readonly ("web" | "windows" | "mac")[]) {
    if (this.optionen.mergeUndoGroup && wo.includes(this.mappe.plattform))
      throw new ExcelFehler(
        "UndoNotSupported",
        `${api} supports no undo and cannot be part of an undo group (${this.mappe.plattform}).`,
      );
  }
  schreibe(bytes: number, tue: () => void) {
    this.auftraege.push({
      bytes: bytes + AUFRUF_BYTES,
      tue: () => {
        tue();
        return undefined;
      },
    });
  }
  async sync() {
    const m = this.mappe;
    if (m.zellBearbeitung) {
      if (!this.optionen.delayForCellEdit)
        throw new ExcelFehler(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        );
      await m.zellBearbeitung;
    }
    m.syncs++;
    const auftraege = this.auftraege.splice(0);
    const anfrage = auftraege.reduce((n, a) => n + a.bytes, 0);
    m.anfragen.push(anfrage);
    m.uebertragen += anfrage;
    if (anfrage > NUTZLAST_GRENZE) {
      m.antworten.push(0);
      throw new ExcelFehler(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${anfrage} bytes).`,
      );
    }
    const stoerung = m.stoerung?.(m.syncs);
    if (stoerung) {
      m.antworten.push(0);
      throw stoerung;
    }
    let antwort = 0;
    let geschrieben = false;
    const uebernehmen: (() => void)[] = [];
    try {
      for (const a of auftraege) {
        const r = a.tue();
        if (r) {
          antwort += r.antwort;
          uebernehmen.push(r.uebernimm);
        } else geschrieben = true;
      }
    } finally {
      if (geschrieben) m.beiAenderung?.();
    }
    this.meldeAenderungen();
    m.antworten.push(antwort);
    m.uebertragen += antwort;
    if (antwort > NUTZLAST_GRENZE)
      throw new ExcelFehler(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${antwort} bytes).`,
      );
    for (const u of uebernehmen) u();
  }
}

/** A loadable object: properties become readable after load() and sync(). */
class Ladbar {
  protected geladen = new Map<string, unknown>();
  constructor(protected ctx: FakeKontext) {}
  protected lies<T>(name: string): T {
    if (!this.geladen.has(name))
      throw new ExcelFehler("PropertyNotLoaded", `${name}: load() und sync() fehlen`);
    return this.geladen.get(name) as T;
  }
  protected werte(): Record<string, () => unknown> {
    return {};
  }
  load(eigenschaften: string) {
    const namen = eigenschaften.split(",").map((e) => e.trim());
    this.ctx.auftraege.push({
      bytes: AUFRUF_BYTES + utf8Bytes(eigenschaften),
      tue: () => {
        const quelle = this.werte();
        const gelesen = new Map<string, unknown>();
        for (const n of namen) {
          const f = quelle[n];
          if (!f) throw new ExcelFehler("PropertyNotLoaded", `Fake: Eigenschaft ${n} ist nicht nachgebildet`);
          gelesen.set(n, f());
        }
        const antwort = [...gelesen.values()].reduce<number>((n, w) => n + antwortBytes(w), 0);
        return { antwort, uebernimm: () => gelesen.forEach((w, n) => this.geladen.set(n, w)) };
      },
    });
    return this;
  }
}

/** Excel's Application: the calculation mode the user set (Formeln → Berechnungsoptionen). */
class FakeAnwendung extends Ladbar implements Application {
  protected override werte() {
    return { calculationMode: () => this.ctx.mappe.berechnung };
  }
  get calculationMode() {
    return this.lies<CalculationMode>("calculationMode");
  }
}

class FakeRange extends Ladbar implements Range {
  constructor(
    ctx: FakeKontext,
    /** Where the range is, worked out when a command runs (the sheet or table may be gone by then). */
    readonly ort: () => FakeOrt,
  ) {
    super(ctx);
  }
  private get m() {
    return this.ctx.mappe;
  }
  protected override werte() {
    return {
      values: () => {
        const o = this.ort();
        return this.m.werteIn(o.blatt, adresseVon(o));
      },
      valueTypes: () => {
        const o = this.ort();
        return Array.from({ length: o.z2 - o.z1 + 1 }, (_, r) =>
          Array.from({ length: o.s2 - o.s1 + 1 }, (_, c) => this.m.wertTyp(o.blatt, o.z1 + r, o.s1 + c)),
        );
      },
      address: () => {
        const o = this.ort();
        return `${o.blatt}!${adresseVon(o)}`;
      },
      rowIndex: () => this.ort().z1 - 1,
      columnIndex: () => this.ort().s1 - 1,
      rowCount: () => this.ort().z2 - this.ort().z1 + 1,
      columnCount: () => this.ort().s2 - this.ort().s1 + 1,
    };
  }
  get values() {
    return this.lies<Wert[][]>("values");
  }
  get valueTypes() {
    return this.lies<ValueType[][]>("valueTypes");
  }
  set values(werte: Wert[][]) {
    this.schreibe("values", werte);
  }
  get formulas() {
    return this.lies<(string | number | boolean)[][]>("values");
  }
  set formulas(werte: (string | number | boolean)[][]) {
    this.schreibe("formulas", werte);
  }
  get numberFormat() {
    return this.lies<string[][]>("numberFormat");
  }
  set numberFormat(formate: string[][]) {
    this.ctx.schreibe(json(formate), () => {
      const o = this.ort();
      this.pruefeGroesse(o, formate);
      this.pruefeSchreibbar(o, "format");
      const f = this.m.formate.get(o.blatt) ?? new Map<string, string>();
      this.m.formate.set(o.blatt, f);
      formate.forEach((z, r) => z.forEach((x, c) => f.set(`${o.z1 + r}:${o.s1 + c}`, x)));
      this.m.schreibvorgaenge.push({ blatt: o.blatt, adresse: adresseVon(o), art: "numberFormat" });
    });
  }
  get address() {
    return this.lies<string>("address");
  }
  get rowIndex() {
    return this.lies<number>("rowIndex");
  }
  get columnIndex() {
    return this.lies<number>("columnIndex");
  }
  get rowCount() {
    return this.lies<number>("rowCount");
  }
  get columnCount() {
    return this.lies<number>("columnCount");
  }
  getRowsBelow(anzahl: number): Range {
    return new FakeRange(this.ctx, () => {
      const o = this.ort();
      return { ...o, z1: o.z2 + 1, z2: o.z2 + anzahl };
    });
  }
  private pruefeGroesse(o: FakeOrt, werte: unknown[][]) {
    if (werte.length !== o.z2 - o.z1 + 1 || werte.some((z) => z.length !== o.s2 - o.s1 + 1)) {
      throw new ExcelFehler(
        "InvalidArgument",
        `${werte.length}×${werte[0]?.length ?? 0} Werte für ${adresseVon(o)}: The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
      );
    }
  }
  /** Excel refuses writes into locked cells of a protected sheet, and into a filtered table's rows. */
  private pruefeSchreibbar(o: FakeOrt, art: "werte" | "format") {
    const schutz = this.m.schutz.get(o.blatt);
    if (schutz) {
      const erlaubt = art === "format" && schutz.optionen["allowFormatCells"] === true;
      let gesperrt = false;
      for (let z = o.z1; z <= Math.min(o.z2, o.z1 + 100_000) && !gesperrt; z++)
        for (let s = o.s1; s <= Math.min(o.s2, o.s1 + 100) && !gesperrt; s++)
          gesperrt = this.m.gesperrt(o.blatt, z, s);
      if (art === "format" ? !erlaubt : gesperrt)
        throw new ExcelFehler(
          "AccessDenied",
          `You cannot perform the requested operation (${o.blatt}!${adresseVon(o)} ist geschützt).`,
        );
    }
    for (const t of this.m.tabellen) {
      if (t.blatt !== o.blatt || !t.gefiltert || art === "werte") continue; // values: see zielZeilen
      const trifft =
        o.z2 > t.zeile && o.z1 <= t.zeile + t.zeilen && o.s2 >= t.spalte && o.s1 < t.spalte + t.spalten;
      if (trifft)
        throw new ExcelFehler(
          "FilteredRangeConflict",
          `The attempted operation causes a conflict with a filtered range (${t.name}).`,
        );
    }
  }
  /**
   * Where the rows of a write land. Over a filtered table Excel does not refuse: it writes into the
   * visible rows only, one after the other, so values land in the wrong rows and the last ones are
   * lost (office-js#224: „data seems to be misplaced“; xlwings#747 describes the same). The fake does
   * the same harm, so that only the add-in's look before writing protects the user.
   */
  private zielZeilen(o: FakeOrt): number[] {
    const alle = Array.from({ length: o.z2 - o.z1 + 1 }, (_, i) => o.z1 + i);
    const verborgen = new Set<number>();
    for (const t of this.m.tabellen) {
      if (t.blatt !== o.blatt || !t.gefiltert || o.s2 < t.spalte || o.s1 >= t.spalte + t.spalten) continue;
      for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++)
        if (t.verborgen ? t.verborgen.has(z) : (z - t.zeile) % 2 === 0) verborgen.add(z);
    }
    return alle.filter((z) => !verborgen.has(z));
  }
  private schreibe(art: "values" | "formulas", werte: (Wert | string | number | boolean)[][]) {
    if (art === "values") {
      // Excel turns text written through `values` that starts with = + - @ into a formula (a Kreis
      // named „=HYPERLINK(…)“ would become a live link). The add-in must write such text with a
      // leading apostrophe; the fake makes forgetting it a test failure instead of keeping it.
      const formel = werte.flat().find((v) => typeof v === "string" && /^[=+\-@](?![\d.,\s]*$)/.test(v));
      if (formel !== undefined)
        throw new Error(`Fake-Excel: Text „${String(formel)}“ würde zur Formel (values ohne ' davor)`);
    }
    this.ctx.schreibe(json(werte), () => {
      const o = this.ort();
      this.pruefeGroesse(o, werte);
      this.pruefeSchreibbar(o, "werte");
      const stoerung = this.m.schreibStoerung?.(o.blatt, adresseVon(o));
      if (stoerung) throw stoerung;
      const b = this.m.blatt(o.blatt);
      const zeilen = this.zielZeilen(o);
      werte.forEach((z, r) =>
        z.forEach((v, c) => {
          if (art === "values" && v === null) return; // Office.js: null leaves the cell as it is
          const zeile = zeilen[r];
          if (zeile === undefined) return; // more rows than visible ones: lost
          const k = `${zeile}:${o.s1 + c}`;
          if (art === "formulas" && typeof v === "string" && v.startsWith("=")) {
            const link = /^=HYPERLINK\(".*","(.*)"\)$/.exec(v);
            b.set(k, { wert: link ? link[1]!.replace(/""/g, '"') : v, formel: v });
            return;
          }
          let wert: Wert = v;
          if (typeof v === "string" && v.startsWith("'")) wert = v.slice(1);
          else if (typeof v === "string" && this.m.zahlenformat(o.blatt, zeile, o.s1 + c) !== "@")
            wert = alsExcelWert(v);
          this.m.setze(o.blatt, zeile, o.s1 + c, wert);
        }),
      );
      this.m.schreibvorgaenge.push({ blatt: o.blatt, adresse: adresseVon(o), art });
      this.ctx.geschrieben.push(o);
    });
  }
  format: RangeFormat = (() => {
    /** A format set on the range: recorded over it, refused where Excel refuses (protected, filtered). */
    const setze = (k: StilEigenschaft, v: string | number | boolean) =>
      this.ctx.schreibe(json(v) + 20, () => {
        const o = this.ort();
        const n = this.m.vorhanden(o.blatt);
        this.pruefeSchreibbar({ ...o, blatt: n }, "format");
        const liste = this.m.stile.get(n) ?? [];
        this.m.stile.set(n, liste);
        liste.push({ b: { z1: o.z1, s1: o.s1, z2: o.z2, s2: o.s2 }, k, v });
        this.m.schreibvorgaenge.push({ blatt: n, adresse: adresseVon(o), art: "format" });
      });
    const ungeladen = (name: string): never => {
      throw new ExcelFehler("PropertyNotLoaded", `${name}: load() und sync() fehlen`);
    };
    const font = {
      set bold(b: boolean) {
        setze("fett", b);
      },
      get bold(): boolean {
        return ungeladen("font.bold");
      },
      set color(c: string) {
        setze("schrift", c.toUpperCase());
      },
      get color(): string {
        return ungeladen("font.color");
      },
      set size(p: number) {
        setze("groesse", p);
      },
      get size(): number {
        return ungeladen("font.size");
      },
    };
    const fill = {
      set color(c: string) {
        setze("fuellung", c.toUpperCase());
      },
      get color(): string {
        return ungeladen("fill.color");
      },
    };
    const masse = (karte: "breiten" | "hoehen", punkte: number) =>
      this.ctx.schreibe(20, () => {
        const o = this.ort();
        // Excel's rows are 0 to 409 points tall („Excel specifications and limits“); Excel refuses more.
        if (karte === "hoehen" && !(punkte >= 0 && punkte <= 409))
          throw new ExcelFehler("InvalidArgument", `rowHeight ${punkte}: erlaubt sind 0 bis 409 Punkte.`);
        const n = this.m.vorhanden(o.blatt);
        this.pruefeSchreibbar({ ...o, blatt: n }, "format");
        // Excel stores widths and heights in whole pixels (1 pt = 4/3 px); rounding is out of scope.
        const b = this.m[karte].get(n) ?? new Map<number, number>();
        this.m[karte].set(n, b);
        if (karte === "breiten") for (let s = o.s1; s <= o.s2; s++) b.set(s, punkte);
        else for (let z = o.z1; z <= Math.min(o.z2, o.z1 + 100_000); z++) b.set(z, punkte);
      });
    const schutz = new FakeZellschutz(this.ctx, this);
    return {
      font,
      fill,
      set columnWidth(punkte: number) {
        masse("breiten", punkte);
      },
      get columnWidth(): number {
        return ungeladen("columnWidth");
      },
      set rowHeight(punkte: number) {
        masse("hoehen", punkte);
      },
      get rowHeight(): number {
        return ungeladen("rowHeight");
      },
      set wrapText(w: boolean) {
        setze("umbruch", w);
      },
      get wrapText(): boolean {
        return ungeladen("wrapText");
      },
      set verticalAlignment(v: RangeFormat["verticalAlignment"]) {
        setze("vertikal", v);
      },
      get verticalAlignment(): RangeFormat["verticalAlignment"] {
        return ungeladen("verticalAlignment");
      },
      get protection() {
        return schutz;
      },
    };
  })();
  select() {
    this.ctx.schreibe(0, () => {
      const o = this.ort();
      this.m.auswahl = { blatt: this.m.vorhanden(o.blatt), adresse: adresseVon(o) };
    });
  }
  clear() {
    this.ctx.schreibe(0, () => {
      const o = this.ort();
      const n = this.m.vorhanden(o.blatt);
      this.pruefeSchreibbar({ ...o, blatt: n }, "werte");
      for (const karte of [this.m.blatt(n), this.m.formate.get(n) ?? new Map<string, unknown>()]) {
        for (const k of [...karte.keys()]) {
          const [z, s] = k.split(":").map(Number) as [number, number];
          if (z >= o.z1 && z <= o.z2 && s >= o.s1 && s <= o.s2) karte.delete(k);
        }
      }
      // Range.clear() clears formats too (applyTo "All"): those set within the range go.
      const innen = (b: Bereich) => b.z1 >= o.z1 && b.z2 <= o.z2 && b.s1 >= o.s1 && b.s2 <= o.s2;
      this.m.stile.set(
        n,
        (this.m.stile.get(n) ?? []).filter((e) => !innen(e.b)),
      );
      this.m.schreibvorgaenge.push({ blatt: n, adresse: adresseVon(o), art: "clear" });
    });
  }
}

class FakeZellschutz extends Ladbar implements FormatProtection {
  constructor(
    ctx: FakeKontext,
    private range: FakeRange,
  ) {
    super(ctx);
  }
  protected override werte() {
    return {
      locked: () => {
        const o = this.range.ort();
        const n = this.ctx.mappe.vorhanden(o.blatt);
        let gesperrt = 0;
        let offen = 0;
        for (let z = o.z1; z <= Math.min(o.z2, o.z1 + 100_000); z++)
          for (let s = o.s1; s <= Math.min(o.s2, o.s1 + 100); s++)
            if (this.ctx.mappe.gesperrt(n, z, s)) gesperrt++;
            else offen++;
        return gesperrt > 0 && offen > 0 ? null : gesperrt > 0;
      },
    };
  }
  get locked() {
    return this.lies<boolean | null>("locked");
  }
  set locked(_l: boolean | null) {
    throw new Error("Fake: locked setzen ist nicht nachgebildet");
  }
}

class FakeBlattschutz extends Ladbar implements WorksheetProtection {
  constructor(
    ctx: FakeKontext,
    private blattName: string,
  ) {
    super(ctx);
  }
  protected override werte() {
    const m = this.ctx.mappe;
    return {
      protected: () => m.schutz.has(m.vorhanden(this.blattName)),
      options: () => ({ ...(m.schutz.get(m.vorhanden(this.blattName))?.optionen ?? {}) }),
    };
  }
  get protected() {
    return this.lies<boolean>("protected");
  }
  get options() {
    return this.lies<Record<string, boolean>>("options");
  }
  protect(optionen: Record<string, boolean> = {}, passwort?: string) {
    this.ctx.schreibe(json(optionen), () => {
      this.ctx.ohneRueckgaengig("WorksheetProtection.protect", ["web", "windows", "mac"]);
      const m = this.ctx.mappe;
      const n = m.vorhanden(this.blattName);
      if (m.schutz.has(n)) throw new ExcelFehler("InvalidOperation", `Blatt ${n} ist schon geschützt.`);
      m.schutz.set(n, { passwort: passwort ?? null, optionen });
      m.schreibvorgaenge.push({ blatt: n, adresse: "", art: "schutz" });
    });
  }
  unprotect(passwort?: string) {
    this.ctx.schreibe(0, () => {
      this.ctx.ohneRueckgaengig("WorksheetProtection.unprotect", ["web", "windows", "mac"]);
      const m = this.ctx.mappe;
      const n = m.vorhanden(this.blattName);
      const s = m.schutz.get(n);
      if (!s) throw new ExcelFehler("InvalidOperation", `Blatt ${n} ist nicht geschützt.`);
      if (s.passwort !== null && s.passwort !== passwort)
        throw new ExcelFehler("BadPassword", "The password you supplied is incorrect.");
      m.schutz.delete(n);
      m.schreibvorgaenge.push({ blatt: n, adresse: "", art: "schutz" });
    });
  }
}

class FakeBlatt extends Ladbar implements Worksheet {
  constructor(
    ctx: FakeKontext,
    readonly blattName: string,
    nameGeladen = false,
  ) {
    super(ctx);
    if (nameGeladen) this.geladen.set("name", blattName);
  }
  protected override werte() {
    return { name: () => this.ctx.mappe.vorhanden(this.blattName) };
  }
  get name() {
    return this.lies<string>("name");
  }
  // Office.js hands out one proxy per navigation path: what is loaded on it can be read on it.
  private diagrammListe: FakeDiagrammListe | null = null;
  private blattschutz: FakeBlattschutz | null = null;
  get charts(): ChartCollection {
    return (this.diagrammListe ??= new FakeDiagrammListe(this.ctx, this.blattName));
  }
  get protection(): WorksheetProtection {
    return (this.blattschutz ??= new FakeBlattschutz(this.ctx, this.blattName));
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.schreibe(10, () => {
      this.ctx.ohneRueckgaengig("Worksheet.visibility", ["windows", "mac"]);
      const n = this.ctx.mappe.vorhanden(this.blattName);
      if (v === "Visible") this.ctx.mappe.ausgeblendet.delete(n);
      else this.ctx.mappe.ausgeblendet.add(n);
    });
  }
  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    throw new ExcelFehler("PropertyNotLoaded", "visibility: load() und sync() fehlen");
  }
  /** ExcelApi 1.7 */
  set tabColor(farbe: string) {
    this.ctx.schreibe(20, () => {
      this.ctx.mappe.reiter.set(this.ctx.mappe.vorhanden(this.blattName), farbe.toUpperCase());
    });
  }
  get tabColor(): string {
    throw new ExcelFehler("PropertyNotLoaded", "tabColor: load() und sync() fehlen");
  }
  /** ExcelApi 1.7 */
  get freezePanes() {
    return {
      freezeRows: (anzahl: number) =>
        this.ctx.schreibe(20, () => {
          this.ctx.mappe.fixiert.set(this.ctx.mappe.vorhanden(this.blattName), anzahl);
        }),
    };
  }
  get pageLayout() {
    const setze = (f: (d: NonNullable<ReturnType<FakeArbeitsmappe["druck"]["get"]>>) => void) =>
      this.ctx.schreibe(30, () => {
        const m = this.ctx.mappe;
        const n = m.vorhanden(this.blattName);
        const d = m.druck.get(n) ?? {};
        f(d);
        m.druck.set(n, d);
      });
    return {
      set orientation(o: "Landscape" | "Portrait") {
        setze((d) => (d.ausrichtung = o));
      },
      get orientation(): "Landscape" | "Portrait" {
        throw new ExcelFehler("PropertyNotLoaded", "orientation: load() und sync() fehlen");
      },
      set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
        setze((d) => {
          d.breiteSeiten = z.horizontalFitToPages;
          if (z.verticalFitToPages !== undefined) d.hoeheSeiten = z.verticalFitToPages;
        });
      },
      get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number } {
        throw new ExcelFehler("PropertyNotLoaded", "zoom: load() und sync() fehlen");
      },
      setPrintTitleRows: (zeilen: string) => setze((d) => (d.titelZeilen = zeilen)),
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(t: string) {
            setze((d) => (d.kopf = t));
          },
          set rightHeader(t: string) {
            setze((d) => (d.kopfRechts = t));
          },
          set centerFooter(t: string) {
            setze((d) => (d.fuss = t));
          },
          get centerHeader(): string {
            throw new ExcelFehler("PropertyNotLoaded", "centerHeader");
          },
          get rightHeader(): string {
            throw new ExcelFehler("PropertyNotLoaded", "rightHeader");
          },
          get centerFooter(): string {
            throw new ExcelFehler("PropertyNotLoaded", "centerFooter");
          },
        },
      },
    };
  }
  getRange(adresse?: string): Range {
    const b = adresse === undefined ? { z1: 1, s1: 1, z2: 1_048_576, s2: 16_384 } : zerlege(adresse);
    return new FakeRange(this.ctx, () => ({ blatt: this.ctx.mappe.vorhanden(this.blattName), ...b }));
  }
  activate() {
    this.ctx.schreibe(0, () => (this.ctx.mappe.aktivesBlatt = this.ctx.mappe.vorhanden(this.blattName)));
  }
}

class FakeBlaetter extends Ladbar implements WorksheetCollection {
  protected override werte() {
    return {
      "items/name": () => [...this.ctx.mappe.blaetter.keys()].map((n) => new FakeBlatt(this.ctx, n, true)),
    };
  }
  override load(eigenschaften: string) {
    if (eigenschaften !== "items/name") throw new Error(`Fake: nur items/name, nicht ${eigenschaften}`);
    return super.load(eigenschaften);
  }
  get items() {
    return this.lies<Worksheet[]>("items/name");
  }
  getItem(name: string): Worksheet {
    return new FakeBlatt(this.ctx, name);
  }
  add(name: string): Worksheet {
    this.ctx.schreibe(utf8Bytes(name), () => {
      const m = this.ctx.mappe;
      if (m.blattName(name) !== undefined)
        throw new ExcelFehler("ItemAlreadyExists", `Ein Blatt „${m.blattName(name)}“ gibt es schon.`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name))
        throw new ExcelFehler("InvalidArgument", `Ungültiger Blattname „${name}“.`);
      m.blatt(name);
      m.schreibvorgaenge.push({ blatt: name, adresse: "", art: "add" });
    });
    return new FakeBlatt(this.ctx, name);
  }
}

class FakeTabelleObjekt extends Ladbar implements Table {
  constructor(
    ctx: FakeKontext,
    private tabellenName: string,
    geladen: { name?: boolean; blatt?: boolean; kopf?: boolean } = {},
  ) {
    super(ctx);
    const t = this.t();
    if (geladen.name) this.geladen.set("name", t.name);
    if (geladen.kopf) this.geladen.set("showHeaders", t.ohneKopfzeile !== true);
    if (geladen.blatt) this.blattGeladen = true;
  }
  private blattGeladen = false;
  /** The table as it is now (ItemNotFound once it is gone). */
  t(): FakeTabelle {
    const klein = this.tabellenName.toLowerCase();
    const t = this.ctx.mappe.tabellen.find((x) => x.name.toLowerCase() === klein);
    if (!t) throw new ExcelFehler("ItemNotFound", `Die Tabelle „${this.tabellenName}“ gibt es nicht.`);
    return t;
  }
  protected override werte() {
    return { name: () => this.t().name, showHeaders: () => this.t().ohneKopfzeile !== true };
  }
  get name() {
    return this.lies<string>("name");
  }
  get showHeaders() {
    return this.lies<boolean>("showHeaders");
  }
  get worksheet(): Worksheet {
    const t = this.t();
    return new FakeBlatt(this.ctx, t.blatt, this.blattGeladen);
  }
  private bereich(f: (t: FakeTabelle) => Bereich): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.t();
      return { blatt: t.blatt, ...f(t) };
    });
  }
  getHeaderRowRange(): Range {
    return this.bereich((t) => {
      if (t.ohneKopfzeile) throw new Error(`Fake-Excel: Kopfzeile von „${t.name}“ ist ausgeschaltet`);
      return { z1: t.zeile, s1: t.spalte, z2: t.zeile, s2: t.spalte + t.spalten - 1 };
    });
  }
  getDataBodyRange(): Range {
    return this.bereich((t) => ({
      z1: t.zeile + 1,
      s1: t.spalte,
      z2: t.zeile + t.zeilen,
      s2: t.spalte + t.spalten - 1,
    }));
  }
  getRange(): Range {
    return this.bereich((t) => ({
      z1: t.zeile,
      s1: t.spalte,
      z2: t.zeile + t.zeilen + (t.summenzeile ? 1 : 0),
      s2: t.spalte + t.spalten - 1,
    }));
  }
  get onChanged() {
    return {
      add: (handler: (e: TabellenAenderung) => Promise<void>) => {
        this.ctx.schreibe(20, () => {
          this.ctx.mappe.beobachter.push({ tabelle: this.t().name, handler });
        });
        return {};
      },
    };
  }
  private filter: AutoFilter | null = null;
  get autoFilter(): AutoFilter {
    const finde = () => this.t();
    return (this.filter ??= new (class extends Ladbar implements AutoFilter {
      protected override werte() {
        return { isDataFiltered: () => finde().gefiltert === true };
      }
      get isDataFiltered() {
        return this.lies<boolean>("isDataFiltered");
      }
    })(this.ctx));
  }
  get columns() {
    const ctx = this.ctx;
    const tabelle = { t: () => this.t() };
    return {
      add(index: number | null, werte: (string | number | boolean)[][] | null, name: string) {
        if (index !== null) throw new Error("Fake: nur Anfügen am Ende");
        ctx.schreibe(json(werte), () => {
          const t = tabelle.t();
          const m = ctx.mappe;
          const spalte = t.spalte + t.spalten;
          if (m.schutz.has(t.blatt))
            throw new ExcelFehler("AccessDenied", `You cannot perform the requested operation (${t.blatt}).`);
          // The cells right of the table move to the sheet's end: Microsoft counts rows × (16383 −
          // columns) against Excel's limit of 33.554.000 cells (error handling docs, OperationCellsExceedLimit).
          if (t.zeilen * (16_383 - t.spalten) > 33_554_000)
            throw new ExcelFehler(
              "OperationCellsExceedLimit",
              "The attempted operation affects more than the limit of 33554000 cells.",
            );
          const b = m.blatt(t.blatt);
          // Like Excel: cells right of the table, in the table's rows, move one column to the right.
          const verschieben = [...b.entries()].filter(([k]) => {
            const [z, s] = k.split(":").map(Number) as [number, number];
            return s >= spalte && z >= t.zeile && z <= t.zeile + t.zeilen;
          });
          for (const [k] of verschieben) b.delete(k);
          for (const [k, z] of verschieben) {
            const [zeile, s] = k.split(":").map(Number) as [number, number];
            b.set(`${zeile}:${s + 1}`, z);
          }
          m.setze(t.blatt, t.zeile, spalte, name);
          (werte ?? [])
            .slice(1)
            .forEach((z, r) => m.setze(t.blatt, t.zeile + 1 + r, spalte, (z[0] ?? null) as Wert));
          t.spalten++;
          m.schreibvorgaenge.push({
            blatt: t.blatt,
            adresse: `${spaltenBuchstabe(spalte)}${t.zeile}`,
            art: "add",
          });
        });
        return {
          getDataBodyRange: (): Range =>
            new FakeRange(ctx, () => {
              const t = tabelle.t();
              const s = t.spalte + t.spalten - 1;
              return { blatt: t.blatt, z1: t.zeile + 1, s1: s, z2: t.zeile + t.zeilen, s2: s };
            }),
        };
      },
    };
  }
}

class FakeTabellen extends Ladbar implements TableCollection {
  private mitBlatt = false;
  private mitKopf = false;
  protected override werte() {
    return {
      "items/name": () =>
        this.ctx.mappe.tabellen.map(
          (t) =>
            new FakeTabelleObjekt(this.ctx, t.name, { name: true, blatt: this.mitBlatt, kopf: this.mitKopf }),
        ),
      "items/worksheet/name": () => null,
      "items/showHeaders": () => null,
    };
  }
  override load(eigenschaften: string) {
    const namen = eigenschaften.split(",").map((e) => e.trim());
    const bekannt = ["items/name", "items/worksheet/name", "items/showHeaders"];
    if (namen.some((n) => !bekannt.includes(n)))
      throw new Error(`Fake: nur ${bekannt.join(", ")}, nicht ${eigenschaften}`);
    this.mitBlatt = namen.includes("items/worksheet/name");
    this.mitKopf = namen.includes("items/showHeaders");
    return super.load(eigenschaften);
  }
  get items() {
    return this.lies<Table[]>("items/name");
  }
  getItem(name: string): Table {
    return new (class extends FakeTabelleObjekt {})(this.ctx, name);
  }
}

class FakeNamen extends Ladbar implements NamedItemCollection {
  protected override werte() {
    const m = this.ctx.mappe;
    return {
      "items/name": () => m.namen.map((n) => new FakeNamensEintrag(this.ctx, n.name, true)),
      "items/value": () => null,
    };
  }
  get items() {
    return this.lies<NamedItem[]>("items/name");
  }
  add(name: string, bezug: Range | string, kommentar?: string): NamedItem {
    this.ctx.schreibe(utf8Bytes(name) + 40, () => {
      // A comment given here sets NamedItem.comment, which has no undo on the web.
      if (kommentar !== undefined) this.ctx.ohneRueckgaengig("NamedItem.comment", ["web"]);
      const m = this.ctx.mappe;
      if (m.name(name)) throw new ExcelFehler("ItemAlreadyExists", `Den Namen „${name}“ gibt es schon.`);
      if (typeof bezug === "string") throw new Error("Fake: Namen nur auf Bereiche");
      const o = (bezug as FakeRange).ort();
      m.namen.push({ name, blatt: m.vorhanden(o.blatt), adresse: adresseVon(o), sichtbar: true });
    });
    return new FakeNamensEintrag(this.ctx, name, false);
  }
  getItem(name: string): NamedItem {
    return new FakeNamensEintrag(this.ctx, name, false);
  }
}

class FakeNamensEintrag implements NamedItem {
  constructor(
    private ctx: FakeKontext,
    private eintragName: string,
    private geladen: boolean,
  ) {}
  private n(): FakeName {
    const n = this.ctx.mappe.name(this.eintragName);
    if (!n) throw new ExcelFehler("ItemNotFound", `Den Namen „${this.eintragName}“ gibt es nicht.`);
    return n;
  }
  get name() {
    if (!this.geladen) throw new ExcelFehler("PropertyNotLoaded", "name: load() und sync() fehlen");
    return this.eintragName;
  }
  get value() {
    if (!this.geladen) throw new ExcelFehler("PropertyNotLoaded", "value: load() und sync() fehlen");
    const n = this.n();
    if (n.blatt === null) return "#REF!";
    const { z1, s1, z2, s2 } = zerlege(n.adresse);
    const abs = `$${spaltenBuchstabe(s1)}$${z1}${z1 === z2 && s1 === s2 ? "" : `:$${spaltenBuchstabe(s2)}$${z2}`}`;
    const blatt = /^[\p{L}\d_]+$/u.test(n.blatt) ? n.blatt : `'${n.blatt.replace(/'/g, "''")}'`;
    return `${blatt}!${abs}`;
  }
  set visible(v: boolean) {
    this.ctx.schreibe(10, () => (this.n().sichtbar = v));
  }
  get visible(): boolean {
    throw new ExcelFehler("PropertyNotLoaded", "visible: load() und sync() fehlen");
  }
  delete() {
    this.ctx.schreibe(0, () => {
      const n = this.n();
      this.ctx.mappe.namen = this.ctx.mappe.namen.filter((x) => x !== n);
    });
  }
}

/** Series of a source range: the columns after the category column when the top-left cell is empty (Excel's rule). */
function serienAus(m: FakeArbeitsmappe, blatt: string, quelle: string): FakeDiagramm["serien"] {
  const { z1, s1, s2 } = zerlege(quelle);
  const anzahl = m.wert(blatt, z1, s1) === "" ? s2 - s1 : s2 - s1 + 1;
  return Array.from({ length: anzahl }, () => ({ typ: null, farbe: null }));
}

/** Charts need the sheet unprotected (or objects allowed). */
function pruefeDiagrammSchutz(m: FakeArbeitsmappe, blatt: string) {
  const s = m.schutz.get(blatt);
  if (s && s.optionen["allowEditObjects"] !== true)
    throw new ExcelFehler(
      "AccessDenied",
      `You cannot perform the requested operation (${blatt} ist geschützt).`,
    );
}

class FakeDiagrammListe extends Ladbar implements ChartCollection {
  constructor(
    ctx: FakeKontext,
    readonly blattName: string,
  ) {
    super(ctx);
  }
  private blatt() {
    return this.ctx.mappe.vorhanden(this.blattName);
  }
  protected override werte() {
    return {
      "items/name": () => (this.ctx.mappe.diagramme.get(this.blatt()) ?? []).map((d) => ({ name: d.name })),
    };
  }
  get items() {
    return this.lies<{ name: string }[]>("items/name");
  }
  add(typ: string, quelle: Range, reihenNach: "Columns"): Chart {
    const m = this.ctx.mappe;
    const q = quelle as FakeRange;
    if (reihenNach !== "Columns") throw new Error("Fake: nur Reihen in Spalten");
    const d: FakeDiagramm = {
      name: "",
      typ,
      quelle: "",
      titel: "",
      legende: "Right",
      platz: null,
      serien: [],
      umgekehrt: false,
      zahlenformat: null,
    };
    this.ctx.schreibe(40, () => {
      const blatt = this.blatt();
      const o = q.ort();
      if (m.vorhanden(o.blatt) !== blatt) throw new Error("Fake: Quelle auf einem anderen Blatt");
      pruefeDiagrammSchutz(m, blatt);
      d.quelle = adresseVon(o);
      d.name = `Diagramm ${(m.diagramme.get(blatt)?.length ?? 0) + 1}`; // Excel's default name
      d.serien = serienAus(m, blatt, d.quelle);
      m.diagramme.set(blatt, [...(m.diagramme.get(blatt) ?? []), d]);
      m.diagrammAufrufe.push({
        art: "add",
        blatt,
        name: d.name,
        typ,
        quelle: d.quelle,
        serien: d.serien.length,
      });
    });
    return new FakeChart(
      this.ctx,
      () => this.blatt(),
      () => d,
    );
  }
  getItem(name: string): Chart {
    const m = this.ctx.mappe;
    return new FakeChart(
      this.ctx,
      () => this.blatt(),
      () => {
        const d = m.diagramme.get(this.blatt())?.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!d) throw new ExcelFehler("ItemNotFound", `Das Diagramm „${name}“ gibt es nicht.`);
        return d;
      },
    );
  }
}

/** An object whose property can be written (queued) but not read: the gateway never loads chart properties. */
function nurSchreiben<K extends string, T>(name: K, setze: (wert: T) => void): Record<K, T> {
  const o = {} as Record<K, T>;
  Object.defineProperty(o, name, {
    set: setze,
    get: () => {
      throw new ExcelFehler("PropertyNotLoaded", `${name}: load() und sync() fehlen`);
    },
    enumerable: true,
  });
  return o;
}

/** Every change is queued and applied at sync, against the chart as it is then. */
class FakeChart implements Chart {
  constructor(
    private ctx: FakeKontext,
    private blatt: () => string,
    private finde: () => FakeDiagramm,
  ) {}
  private spaeter(f: (d: FakeDiagramm) => void) {
    this.ctx.schreibe(20, () => {
      const d = this.finde();
      pruefeDiagrammSchutz(this.ctx.mappe, this.blatt());
      f(d);
    });
  }
  set name(n: string) {
    this.spaeter((d) => (d.name = n));
  }
  get name(): string {
    throw new ExcelFehler("PropertyNotLoaded", "name: load() und sync() fehlen");
  }
  get title() {
    return nurSchreiben("text", (text: string) => this.spaeter((d) => (d.titel = text)));
  }
  get legend() {
    return nurSchreiben("position", (p: "Bottom" | "Right" | "Top" | "Left") =>
      this.spaeter((d) => (d.legende = p)),
    );
  }
  get axes() {
    return {
      categoryAxis: nurSchreiben("reversePlotOrder", (u: boolean) => this.spaeter((d) => (d.umgekehrt = u))),
      valueAxis: nurSchreiben("numberFormat", (f: string) => this.spaeter((d) => (d.zahlenformat = f))),
    };
  }
  get series() {
    return {
      getItemAt: (i: number): ChartSeries => {
        const serie = (d: FakeDiagramm) => {
          const s = d.serien[i];
          if (!s) throw new ExcelFehler("InvalidArgument", `Reihe ${i} von ${d.serien.length}`);
          return s;
        };
        const farbe = (f: string) => this.spaeter((d) => (serie(d).farbe = f));
        const s = nurSchreiben("chartType", (typ: string) => this.spaeter((d) => (serie(d).typ = typ)));
        return Object.defineProperty(s, "format", {
          value: { fill: { setSolidColor: farbe }, line: nurSchreiben("color", farbe) },
        }) as unknown as ChartSeries;
      },
    };
  }
  setData(quelle: Range, reihenNach: "Columns") {
    const q = quelle as FakeRange;
    if (reihenNach !== "Columns") throw new Error("Fake: nur Reihen in Spalten");
    this.spaeter((d) => {
      const blatt = this.blatt();
      d.quelle = adresseVon(q.ort());
      d.serien = serienAus(this.ctx.mappe, blatt, d.quelle);
      this.ctx.mappe.diagrammAufrufe.push({
        art: "setData",
        blatt,
        name: d.name,
        quelle: d.quelle,
        serien: d.serien.length,
      });
    });
  }
  setPosition(von: string, bis?: string) {
    this.spaeter((d) => (d.platz = { von, ...(bis ? { bis } : {}) }));
  }
  delete() {
    this.spaeter((d) => {
      const m = this.ctx.mappe;
      const blatt = this.blatt();
      m.diagramme.set(
        blatt,
        (m.diagramme.get(blatt) ?? []).filter((x) => x !== d),
      );
      m.diagrammAufrufe.push({ art: "delete", blatt, name: d.name });
    });
  }
}
