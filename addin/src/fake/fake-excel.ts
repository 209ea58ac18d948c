/**
 * An in-memory fake of the Excel API surface in src/gateway/excel-api.ts, for the tests and the
 * browser preview. It keeps Office.js's rules where they catch real bugs: a property can be read
 * only after `load()` and a `sync()`; writes reach the workbook at `sync()`. It counts syncs and
 * records every write, so tests can prove that input cells stay untouched.
 */
import { spaltenBuchstabe } from "../../../shared/arbeitsmappe";
import type {
  Chart,
  ChartCollection,
  ChartSeries,
  ExcelApi,
  Range,
  RangeFormat,
  RequestContext,
  RunOptionen,
  Table,
  TableCollection,
  Wert,
  Worksheet,
  WorksheetCollection,
} from "../gateway/excel-api";

export interface FakeZelle {
  wert: Wert;
  formel?: string;
  format?: string;
}

export interface FakeTabelle {
  name: string;
  blatt: string;
  /** 1-based sheet row and column of the header's first cell. */
  zeile: number;
  spalte: number;
  spalten: number;
  /** Number of data rows. */
  zeilen: number;
}

export interface Schreibvorgang {
  blatt: string;
  adresse: string;
  art: "values" | "formulas" | "numberFormat" | "clear" | "format" | "add";
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
export interface DiagrammAufruf {
  art: "add" | "setData" | "delete";
  blatt: string;
  name: string;
  typ?: string;
  quelle?: string;
  serien?: number;
}

export class FakeArbeitsmappe {
  blaetter = new Map<string, Map<string, FakeZelle>>();
  tabellen: FakeTabelle[] = [];
  syncs = 0;
  /** Characters of JSON that crossed the Office boundary (loaded values, written values/formats). */
  uebertragen = 0;
  laeufe: RunOptionen[] = [];
  schreibvorgaenge: Schreibvorgang[] = [];
  auswahl: { blatt: string; adresse: string } | null = null;
  /** Charts per sheet, in the order they were added. */
  diagramme = new Map<string, FakeDiagramm[]>();
  diagrammAufrufe: DiagrammAufruf[] = [];
  aktivesBlatt: string | null = null;
  /** Called after every sync that wrote something (the preview re-renders its grid). */
  beiAenderung: (() => void) | null = null;

  blatt(name: string): Map<string, FakeZelle> {
    let b = this.blaetter.get(name);
    if (!b) {
      b = new Map();
      this.blaetter.set(name, b);
    }
    return b;
  }

  setze(blatt: string, zeile: number, spalte: number, wert: Wert) {
    const b = this.blatt(blatt);
    if (wert === null || wert === "") b.delete(`${zeile}:${spalte}`);
    else b.set(`${zeile}:${spalte}`, { ...(b.get(`${zeile}:${spalte}`) ?? {}), wert });
  }

  wert(blatt: string, zeile: number, spalte: number): Wert {
    return this.blaetter.get(blatt)?.get(`${zeile}:${spalte}`)?.wert ?? "";
  }

  /** The values of a range ("U2:Y25") as Excel shows them: empty cells are "". */
  werteIn(blatt: string, adresse: string): Wert[][] {
    const { z1, s1, z2, s2 } = zerlege(adresse);
    return Array.from({ length: z2 - z1 + 1 }, (_, r) =>
      Array.from({ length: s2 - s1 + 1 }, (_, c) => this.wert(blatt, z1 + r, s1 + c)),
    );
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
      blatt,
      zeile,
      spalte,
      spalten: kopf.length,
      zeilen: Math.max(1, zeilen.length),
    });
  }

  /** A copy of every cell, for comparisons. */
  abbild(): Record<string, Record<string, Wert>> {
    const a: Record<string, Record<string, Wert>> = {};
    for (const [name, b] of this.blaetter) a[name] = Object.fromEntries([...b].map(([k, z]) => [k, z.wert]));
    return a;
  }

  api(unterstuetzt: (version: string) => boolean = () => true): ExcelApi {
    return {
      unterstuetzt,
      run: async <T>(optionen: RunOptionen, batch: (ctx: RequestContext) => Promise<T>) => {
        this.laeufe.push(optionen);
        return batch(new Kontext(this));
      },
    };
  }
}

function zerlege(adresse: string): { z1: number; s1: number; z2: number; s2: number } {
  const teil = (a: string) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/.exec(a.toUpperCase());
    if (!m) throw new Error(`InvalidArgument: ${adresse}`);
    const s = m[1] ? [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
    return { s, z: m[2] ? Number(m[2]) : 0 };
  };
  const [a = "", b = a] = adresse.replace(/^.*!/, "").split(":");
  const x = teil(a);
  const y = teil(b);
  return { z1: x.z || 1, s1: x.s || 1, z2: y.z || 1_048_576, s2: y.s || 16_384 };
}

class Kontext implements RequestContext {
  ausstehend: (() => void)[] = [];
  ladungen: (() => void)[] = [];
  workbook: { tables: TableCollection; worksheets: WorksheetCollection };
  constructor(readonly mappe: FakeArbeitsmappe) {
    this.workbook = { tables: new FakeTabellen(this), worksheets: new FakeBlaetter(this) };
  }
  async sync() {
    this.mappe.syncs++;
    const schreiben = this.ausstehend.length > 0;
    for (const a of this.ausstehend.splice(0)) a();
    for (const l of this.ladungen.splice(0)) l();
    if (schreiben) this.mappe.beiAenderung?.();
  }
}

/** A loadable object: properties become readable after load() and sync(). */
class Ladbar {
  protected geladen = new Map<string, unknown>();
  constructor(protected ctx: Kontext) {}
  protected lies<T>(name: string): T {
    if (!this.geladen.has(name)) throw new Error(`PropertyNotLoaded: ${name} (load() und sync() fehlen)`);
    return this.geladen.get(name) as T;
  }
  protected werte(): Record<string, () => unknown> {
    return {};
  }
  load(eigenschaften: string) {
    const namen = eigenschaften.split(",").map((e) => e.trim());
    this.ctx.ladungen.push(() => {
      const quelle = this.werte();
      for (const n of namen) {
        if (!quelle[n]) continue;
        const wert = quelle[n]!();
        this.geladen.set(n, wert);
        if (n === "values") this.ctx.mappe.uebertragen += JSON.stringify(wert).length;
      }
    });
    return this;
  }
}

class FakeRange extends Ladbar implements Range {
  constructor(
    ctx: Kontext,
    readonly blattName: string,
    readonly z1: number,
    readonly s1: number,
    readonly z2: number,
    readonly s2: number,
  ) {
    super(ctx);
  }
  private get m() {
    return this.ctx.mappe;
  }
  get adresse() {
    return `${spaltenBuchstabe(this.s1)}${this.z1}${this.z1 === this.z2 && this.s1 === this.s2 ? "" : `:${spaltenBuchstabe(this.s2)}${this.z2}`}`;
  }
  protected override werte() {
    return {
      values: () => this.m.werteIn(this.blattName, this.adresse),
      address: () => `${this.blattName}!${this.adresse}`,
      rowIndex: () => this.z1 - 1,
      columnIndex: () => this.s1 - 1,
      rowCount: () => this.z2 - this.z1 + 1,
      columnCount: () => this.s2 - this.s1 + 1,
    };
  }
  get values() {
    return this.lies<Wert[][]>("values");
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
    this.pruefeGroesse(formate);
    this.m.uebertragen += JSON.stringify(formate).length;
    this.ctx.ausstehend.push(() => {
      formate.forEach((z, r) =>
        z.forEach((f, c) => {
          const b = this.m.blatt(this.blattName);
          const k = `${this.z1 + r}:${this.s1 + c}`;
          const zelle = b.get(k);
          if (zelle) zelle.format = f;
        }),
      );
      this.m.schreibvorgaenge.push({ blatt: this.blattName, adresse: this.adresse, art: "numberFormat" });
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
  private pruefeGroesse(werte: unknown[][]) {
    if (werte.length !== this.z2 - this.z1 + 1 || werte.some((z) => z.length !== this.s2 - this.s1 + 1)) {
      throw new Error(`InvalidArgument: ${werte.length}×${werte[0]?.length ?? 0} Werte für ${this.adresse}`);
    }
  }
  private schreibe(art: "values" | "formulas", werte: (Wert | string | number | boolean)[][]) {
    this.pruefeGroesse(werte);
    if (art === "values") {
      // Excel turns text written through `values` that starts with = + - @ into a formula (a Kreis
      // named „=HYPERLINK(…)“ would become a live link). The add-in must write such text with a
      // leading apostrophe; the fake makes forgetting it a test failure instead of keeping it.
      const formel = werte.flat().find((v) => typeof v === "string" && /^[=+\-@](?![\d.,\s]*$)/.test(v));
      if (formel !== undefined)
        throw new Error(
          `Fake-Excel: Text „${String(formel)}“ würde in ${this.adresse} zur Formel (values ohne ' davor)`,
        );
    }
    this.m.uebertragen += JSON.stringify(werte).length;
    this.ctx.ausstehend.push(() => {
      werte.forEach((z, r) =>
        z.forEach((v, c) => {
          if (art === "values" && v === null) return; // Office.js: null leaves the cell as it is
          let wert: Wert = v;
          if (typeof v === "string" && v.startsWith("'")) wert = v.slice(1);
          else if (art === "formulas" && typeof v === "string" && v.startsWith("=")) {
            const link = /^=HYPERLINK\(".*","(.*)"\)$/.exec(v);
            wert = link ? link[1]! : v;
          }
          this.m.setze(this.blattName, this.z1 + r, this.s1 + c, wert);
        }),
      );
      this.m.schreibvorgaenge.push({ blatt: this.blattName, adresse: this.adresse, art });
    });
  }
  format: RangeFormat = (() => {
    const merke = () =>
      this.ctx.ausstehend.push(() =>
        this.m.schreibvorgaenge.push({ blatt: this.blattName, adresse: this.adresse, art: "format" }),
      );
    const font = { bold: false, color: "" };
    const fill = { color: "" };
    return {
      get font() {
        merke();
        return font;
      },
      get fill() {
        merke();
        return fill;
      },
      set columnWidth(_b: number) {
        merke();
      },
      get columnWidth() {
        return 0;
      },
      set wrapText(_w: boolean) {
        merke();
      },
      get wrapText() {
        return false;
      },
    };
  })();
  select() {
    this.ctx.ausstehend.push(() => (this.m.auswahl = { blatt: this.blattName, adresse: this.adresse }));
  }
  clear() {
    this.ctx.ausstehend.push(() => {
      const b = this.m.blatt(this.blattName);
      for (const k of [...b.keys()]) {
        const [z, s] = k.split(":").map(Number) as [number, number];
        if (z >= this.z1 && z <= this.z2 && s >= this.s1 && s <= this.s2) b.delete(k);
      }
      this.m.schreibvorgaenge.push({ blatt: this.blattName, adresse: this.adresse, art: "clear" });
    });
  }
}

class FakeBlatt extends Ladbar implements Worksheet {
  constructor(
    ctx: Kontext,
    readonly blattName: string,
  ) {
    super(ctx);
    this.geladen.set("name", blattName);
  }
  get name() {
    return this.lies<string>("name");
  }
  get charts(): ChartCollection {
    return new FakeDiagrammListe(this.ctx, this.blattName);
  }
  getRange(adresse?: string): Range {
    if (adresse === undefined) return new FakeRange(this.ctx, this.blattName, 1, 1, 1_048_576, 16_384);
    const { z1, s1, z2, s2 } = zerlege(adresse);
    return new FakeRange(this.ctx, this.blattName, z1, s1, z2, s2);
  }
  activate() {
    this.ctx.ausstehend.push(() => (this.ctx.mappe.aktivesBlatt = this.blattName));
  }
}

class FakeBlaetter extends Ladbar implements WorksheetCollection {
  protected override werte() {
    return { "items/name": () => [...this.ctx.mappe.blaetter.keys()].map((n) => new FakeBlatt(this.ctx, n)) };
  }
  get items() {
    return this.lies<Worksheet[]>("items/name");
  }
  getItem(name: string): Worksheet {
    return new FakeBlatt(this.ctx, name);
  }
  add(name: string): Worksheet {
    this.ctx.ausstehend.push(() => {
      if (this.ctx.mappe.blaetter.has(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.mappe.blatt(name);
      this.ctx.mappe.schreibvorgaenge.push({ blatt: name, adresse: "", art: "add" });
    });
    return new FakeBlatt(this.ctx, name);
  }
}

class FakeTabelleObjekt extends Ladbar implements Table {
  constructor(
    ctx: Kontext,
    readonly t: FakeTabelle,
  ) {
    super(ctx);
    this.geladen.set("name", t.name);
  }
  get name() {
    return this.lies<string>("name");
  }
  get worksheet(): Worksheet {
    return new FakeBlatt(this.ctx, this.t.blatt);
  }
  getHeaderRowRange(): Range {
    return new FakeRange(
      this.ctx,
      this.t.blatt,
      this.t.zeile,
      this.t.spalte,
      this.t.zeile,
      this.t.spalte + this.t.spalten - 1,
    );
  }
  getDataBodyRange(): Range {
    return new FakeRange(
      this.ctx,
      this.t.blatt,
      this.t.zeile + 1,
      this.t.spalte,
      this.t.zeile + this.t.zeilen,
      this.t.spalte + this.t.spalten - 1,
    );
  }
  getRange(): Range {
    return new FakeRange(
      this.ctx,
      this.t.blatt,
      this.t.zeile,
      this.t.spalte,
      this.t.zeile + this.t.zeilen,
      this.t.spalte + this.t.spalten - 1,
    );
  }
  get columns() {
    const t = this.t;
    const ctx = this.ctx;
    return {
      add(index: number | null, werte: (string | number | boolean)[][] | null, name: string) {
        if (index !== null) throw new Error("Fake: nur Anfügen am Ende");
        const spalte = t.spalte + t.spalten;
        ctx.ausstehend.push(() => {
          const m = ctx.mappe;
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
            new FakeRange(ctx, t.blatt, t.zeile + 1, spalte, t.zeile + t.zeilen, spalte),
        };
      },
    };
  }
}

class FakeTabellen extends Ladbar implements TableCollection {
  protected override werte() {
    return { "items/name": () => this.ctx.mappe.tabellen.map((t) => new FakeTabelleObjekt(this.ctx, t)) };
  }
  override load(eigenschaften: string) {
    return super.load(eigenschaften.split(",")[0]!);
  }
  get items() {
    return this.lies<Table[]>("items/name");
  }
  getItem(name: string): Table {
    const t = this.ctx.mappe.tabellen.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`ItemNotFound: ${name}`);
    return new FakeTabelleObjekt(this.ctx, t);
  }
}

/** Series of a source range: the columns after the category column when the top-left cell is empty (Excel's rule). */
function serienAus(m: FakeArbeitsmappe, blatt: string, quelle: string): FakeDiagramm["serien"] {
  const { z1, s1, s2 } = zerlege(quelle);
  const anzahl = m.wert(blatt, z1, s1) === "" ? s2 - s1 : s2 - s1 + 1;
  return Array.from({ length: anzahl }, () => ({ typ: null, farbe: null }));
}

class FakeDiagrammListe extends Ladbar implements ChartCollection {
  constructor(
    ctx: Kontext,
    readonly blattName: string,
  ) {
    super(ctx);
  }
  protected override werte() {
    return {
      "items/name": () => (this.ctx.mappe.diagramme.get(this.blattName) ?? []).map((d) => ({ name: d.name })),
    };
  }
  get items() {
    return this.lies<{ name: string }[]>("items/name");
  }
  add(typ: string, quelle: Range, reihenNach: "Columns"): Chart {
    const m = this.ctx.mappe;
    const blatt = this.blattName;
    const q = quelle as FakeRange;
    if (q.blattName !== blatt) throw new Error("Fake: Quelle auf einem anderen Blatt");
    if (reihenNach !== "Columns") throw new Error("Fake: nur Reihen in Spalten");
    const d: FakeDiagramm = {
      name: "",
      typ,
      quelle: q.adresse,
      titel: "",
      legende: "Right",
      platz: null,
      serien: [],
      umgekehrt: false,
      zahlenformat: null,
    };
    this.ctx.ausstehend.push(() => {
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
    return new FakeChart(this.ctx, blatt, () => d);
  }
  getItem(name: string): Chart {
    const m = this.ctx.mappe;
    return new FakeChart(this.ctx, this.blattName, () => {
      const d = m.diagramme.get(this.blattName)?.find((x) => x.name === name);
      if (!d) throw new Error(`ItemNotFound: Diagramm ${name}`);
      return d;
    });
  }
}

/** An object whose property can be written (queued) but not read: the gateway never loads chart properties. */
function nurSchreiben<K extends string, T>(name: K, setze: (wert: T) => void): Record<K, T> {
  const o = {} as Record<K, T>;
  Object.defineProperty(o, name, {
    set: setze,
    get: () => {
      throw new Error(`PropertyNotLoaded: ${name} (load() und sync() fehlen)`);
    },
    enumerable: true,
  });
  return o;
}

/** Every change is queued and applied at sync, against the chart as it is then. */
class FakeChart implements Chart {
  constructor(
    private ctx: Kontext,
    private blatt: string,
    private finde: () => FakeDiagramm,
  ) {}
  private spaeter(f: (d: FakeDiagramm) => void) {
    this.ctx.ausstehend.push(() => f(this.finde()));
  }
  set name(n: string) {
    this.spaeter((d) => (d.name = n));
  }
  get name(): string {
    throw new Error("PropertyNotLoaded: name (load() und sync() fehlen)");
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
          if (!s) throw new Error(`InvalidArgument: Reihe ${i} von ${d.serien.length}`);
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
      d.quelle = q.adresse;
      d.serien = serienAus(this.ctx.mappe, this.blatt, d.quelle);
      this.ctx.mappe.diagrammAufrufe.push({
        art: "setData",
        blatt: this.blatt,
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
      m.diagramme.set(
        this.blatt,
        (m.diagramme.get(this.blatt) ?? []).filter((x) => x !== d),
      );
      m.diagrammAufrufe.push({ art: "delete", blatt: this.blatt, name: d.name });
    });
  }
}
