/**
 * Microsoft's Office.js library in the loop: `Excel.run` with a session stub whose request executor
 * receives the RichApi requests exactly as the library serializes them (`{Actions, ObjectPaths}`)
 * and answers each one by interpreting it against the in-memory fake (FakeArbeitsmappe#api()). So
 * the gateway's proxies, loads, property checks and error objects are the library's own, and every
 * strictness of the fake still applies (commands run at its sync, Excel's error codes).
 *
 * Runs in the browser page only (the library needs `window`); test/officejs/seite.ts wires it up.
 * What the interpreter understands is what the gateway uses: object paths (property, method,
 * indexer, reference id), property sets, method calls, queries (also of collections and nested
 * navigation properties like `items/worksheet/name`), instantiate, keep/remove reference, trace.
 */
import { spaltenBuchstabe } from "../../shared/arbeitsmappe";
import { NUTZLAST_GRENZE, type FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import type { ExcelApi, RequestContext, RunOptionen } from "../../addin/src/gateway/excel-api";

/** The part of the library the stub needs (the globals `Excel` and `OfficeExtension`). */
export interface OfficeJsBibliothek {
  Excel: { run(optionen: object, batch: (ctx: unknown) => Promise<unknown>): Promise<unknown> };
  OfficeExtension: {
    SessionBase: new () => object;
    /** How the library packs a request for the Office host (Excel on the web, desktop): an array with the body as text. */
    RichApiMessageUtility: {
      buildMessageArrayForIRequestExecutor(
        daten: unknown,
        flags: number,
        nachricht: object,
        quelle: string,
      ): unknown[];
    };
  };
}

interface Argumente {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: (number | null)[];
}

interface ObjektPfad {
  Id: number;
  /** 1 global object, 2 new object, 3 method, 4 property, 5 indexer, 6 reference id, 7 null object. */
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: Argumente;
}

interface Aktion {
  Id: number;
  /** 1 instantiate, 2 query, 3 method, 4 set property, 5 trace. */
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: Argumente;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RichApiAnfrage {
  Actions: Aktion[];
  ObjectPaths: Record<string, ObjektPfad>;
}

interface Antwort {
  HttpStatusCode: number;
  ErrorCode: string | null;
  ErrorMessage: string | null;
  Headers: Record<string, string>;
  Body: unknown;
}

/** One round trip as the library made it: bytes of the request it serialized and of the answer. */
export interface Rundreise {
  /** UTF-8 bytes of the request body's JSON as the library serializes it. */
  anfrage: number;
  /** UTF-8 bytes of the message the library hands to the Office host (its message array as JSON, the body inside as text). */
  nachricht: number;
  antwort: number;
  /** Excel's error code where the request was refused. */
  fehler?: string;
}

const kodierer = new TextEncoder();
const bytes = (x: unknown) => kodierer.encode(JSON.stringify(x) ?? "").length;

/** The library sends Excel's member names in PascalCase; the fake's proxies use the JS names. */
const jsName = (n: string) => n.charAt(0).toLowerCase() + n.slice(1);
const pascal = (n: string) => n.charAt(0).toUpperCase() + n.slice(1);

type Objekt = Record<string, unknown>;

function code(e: unknown): { code: string; message: string } {
  if (typeof e === "object" && e !== null && "code" in e)
    return {
      code: String((e as { code: unknown }).code),
      message: String((e as { message?: unknown }).message),
    };
  return { code: "GeneralException", message: String(e instanceof Error ? e.message : e) };
}

/** A collection proxy of the fake (tables, worksheets, names, charts): it has getItem and items. */
const istSammlung = (o: Objekt) => typeof o["getItem"] === "function" && !("values" in o);

/** Reads a loaded select path ("worksheet/name") from a fake proxy into the response's shape. */
function lies(o: Objekt, pfad: string[], ziel: Objekt) {
  const [kopf, ...rest] = pfad as [string, ...string[]];
  const wert = o[kopf];
  if (rest.length === 0) {
    ziel[pascal(kopf)] = wert;
    return;
  }
  const unter = (ziel[pascal(kopf)] ??= {}) as Objekt;
  lies(wert as Objekt, rest, unter);
}

/** Calls a method of a fake proxy by the library's name of it; one the fake lacks is named. */
function rufe(o: Objekt, name: string, args: unknown[]): unknown {
  const f = o[jsName(name)];
  if (typeof f !== "function")
    throw Object.assign(new Error(`Methode ${name} im Fake nicht nachgebildet`), { code: "NotImplemented" });
  return (f as (...a: unknown[]) => unknown).apply(o, args);
}

/** A range by sheet and address, where the library derives ranges the fake does not have (getRow, getBoundingRect). */
interface Ort {
  blatt: Objekt;
  z1: number;
  s1: number;
  z2: number;
  s2: number;
}

/** A cell or block address ("B2", "A2:K20001"); null for whole rows or columns ("A:A"). */
function ortAus(blatt: Objekt, adresse: string): Ort | null {
  const teil = (a: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
    return m ? { s: [...m[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0), z: Number(m[2]) } : null;
  };
  const [a = "", b = a] = adresse.replace(/^.*!/, "").split(":");
  const x = teil(a);
  const y = teil(b);
  return x && y ? { blatt, z1: x.z, s1: x.s, z2: y.z, s2: y.s } : null;
}

const adresseVon = (o: Ort) => `${spaltenBuchstabe(o.s1)}${o.z1}:${spaltenBuchstabe(o.s2)}${o.z2}`;

/** One Excel.run: the fake's context and the references the library keeps across syncs. */
class Lauf {
  referenzen = new Map<string, unknown>();
  private pfade = new Map<number, ObjektPfad>();
  private aufgeloest = new Map<number, unknown>();
  /** Where ranges got by address are, so the library's row chunks can be formed on the fake. */
  private orte = new WeakMap<object, Ort>();
  /** Bytes of the current request as packed for the Office host. */
  private nachricht = 0;
  private naechste = 0;
  constructor(
    readonly ctx: RequestContext,
    readonly rundreisen: Rundreise[],
  ) {}

  /** Answers one request: its commands queued on the fake in order, one fake sync, the results. */
  async beantworte(anfrage: RichApiAnfrage, nachricht: number): Promise<Antwort> {
    const groesse = bytes(anfrage);
    this.nachricht = nachricht;
    if (groesse > NUTZLAST_GRENZE)
      return this.fehler(
        groesse,
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    // Object paths once sent stay known to the host for the session: the library sends a path's
    // definition once and later only refers to its id.
    for (const [id, p] of Object.entries(anfrage.ObjectPaths)) this.pfade.set(Number(id), p);
    const behalten = new Set(
      anfrage.Actions.filter((a) => a.Name === "_KeepReference").map((a) => a.ObjectPathId),
    );
    const pfad = (id: number): unknown => {
      const p = this.pfade.get(id);
      if (!p) throw Object.assign(new Error(`Objektpfad ${id} unbekannt`), { code: "InvalidObjectPath" });
      if (!this.aufgeloest.has(id)) this.aufgeloest.set(id, this.loese(p, pfad));
      return this.aufgeloest.get(id);
    };
    const ergebnisse: { ActionId: number; Value: () => unknown }[] = [];
    let befehle = 0;
    try {
      for (const a of anfrage.Actions) {
        const r = this.aktion(a, pfad, behalten);
        if (r.befehl) befehle++;
        ergebnisse.push({ ActionId: a.Id, Value: r.wert });
      }
      // A request with nothing for the workbook (the library's reference clean-up) costs no fake sync.
      if (befehle > 0) await this.ctx.sync();
    } catch (e) {
      const f = code(e);
      return this.fehler(groesse, f.code, f.message);
    }
    // Only actions with something to say have a result (queries, kept references), as in Excel's answers.
    const results = ergebnisse
      .map((e) => ({ ActionId: e.ActionId, Value: e.Value() }))
      .filter((e) => e.Value !== null);
    const body = { Results: results };
    const antwort = bytes(body);
    if (antwort > NUTZLAST_GRENZE)
      return this.fehler(
        groesse,
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
        antwort,
      );
    this.rundreisen.push({ anfrage: groesse, nachricht: this.nachricht, antwort });
    return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: body };
  }

  /**
   * An error as Excel reports it, so the library throws OfficeExtension.Error with `.code`: a failing
   * command's code in the response body; the payload limits, which the host's transport enforces
   * before any command runs, as the response's own error code (as the library's
   * RichApiMessageUtility.buildResponseOnError maps them).
   */
  private fehler(anfrage: number, code: string, message: string, antwort = 0): Antwort {
    this.rundreisen.push({ anfrage, nachricht: this.nachricht, antwort, fehler: code });
    if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded")
      return { HttpStatusCode: 400, ErrorCode: code, ErrorMessage: message, Headers: {}, Body: null };
    const body = {
      Error: { Code: code, Message: message, HttpStatusCode: 400, Location: "", ActionIndex: -1 },
    };
    return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: body };
  }

  private argumente(info: Argumente | undefined, pfad: (id: number) => unknown): unknown[] {
    return (info?.Arguments ?? []).map((x, i) => {
      const ref = info?.ReferencedObjectPathIds?.[i];
      return ref ? pfad(ref) : x;
    });
  }

  /** An object path as a proxy of the fake. */
  private loese(p: ObjektPfad, pfad: (id: number) => unknown): unknown {
    switch (p.ObjectPathType) {
      case 1:
        return this.ctx.workbook;
      case 6: {
        if (!this.referenzen.has(p.Name))
          throw Object.assign(new Error(`Unbekannte Referenz ${p.Name}`), { code: "InvalidObjectPath" });
        return this.referenzen.get(p.Name);
      }
    }
    const eltern = pfad(p.ParentObjectPathId!) as Objekt;
    const args = this.argumente(p.ArgumentInfo, pfad);
    switch (p.ObjectPathType) {
      case 3:
        return this.methode(eltern, p.Name, args);
      case 4:
        return eltern[jsName(p.Name)];
      case 5:
        return (eltern["getItem"] as (...a: unknown[]) => unknown).apply(eltern, args);
    }
    throw Object.assign(new Error(`Objektpfad-Art ${p.ObjectPathType} nicht nachgebildet`), {
      code: "NotImplemented",
    });
  }

  /**
   * A method that gives an object. Ranges the library derives for its 1.500-cell chunks of a large
   * write (Range.getRow(i).getBoundingRect(Range.getRow(j))) are formed by address on the sheet.
   */
  private methode(o: Objekt, name: string, args: unknown[]): unknown {
    const ort = this.orte.get(o);
    const bereich = (x: Ort) => {
      const r = rufe(x.blatt, "GetRange", [adresseVon(x)]) as Objekt;
      this.orte.set(r, x);
      return r;
    };
    if (name === "GetRow" && ort) {
      const z = ort.z1 + Number(args[0]);
      return bereich({ ...ort, z1: z, z2: z });
    }
    if (name === "GetBoundingRect" && ort) {
      const b = this.orte.get(args[0] as object);
      if (!b) throw Object.assign(new Error("GetBoundingRect ohne Adresse"), { code: "NotImplemented" });
      const x = { blatt: ort.blatt, z1: Math.min(ort.z1, b.z1), s1: Math.min(ort.s1, b.s1) };
      return bereich({ ...x, z2: Math.max(ort.z2, b.z2), s2: Math.max(ort.s2, b.s2) });
    }
    const r = rufe(o, name, args) as Objekt;
    const neu = name === "GetRange" && typeof args[0] === "string" ? ortAus(o, args[0]) : null;
    if (neu && typeof o["activate"] === "function") this.orte.set(r, neu);
    return r;
  }

  /** One action: queued on the fake (befehl) and, for queries, the value read after the sync. */
  private aktion(
    a: Aktion,
    pfad: (id: number) => unknown,
    behalten: Set<number>,
  ): { befehl: boolean; wert: () => unknown } {
    const nichts = () => null;
    switch (a.ActionType) {
      case 1: {
        const o = pfad(a.ObjectPathId);
        if (!behalten.has(a.ObjectPathId)) return { befehl: false, wert: nichts };
        const id = `r${++this.naechste}`;
        this.referenzen.set(id, o);
        return { befehl: false, wert: () => ({ _ReferenceId: id }) };
      }
      case 2:
        return this.abfrage(pfad(a.ObjectPathId) as Objekt, a.QueryInfo?.Select ?? []);
      case 3: {
        if (a.Name === "_KeepReference" || a.Name === "_RemoveReference")
          return { befehl: false, wert: nichts };
        const o = pfad(a.ObjectPathId) as Objekt;
        const args = this.argumente(a.ArgumentInfo, pfad);
        if (a.Name === "_ValidateArraySize") {
          // Excel checks that the array the library is about to send in chunks fits the range.
          const ort = this.orte.get(o);
          if (ort && (ort.z2 - ort.z1 + 1 !== args[0] || ort.s2 - ort.s1 + 1 !== args[1]))
            throw Object.assign(
              new Error(
                "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
              ),
              { code: "InvalidArgument" },
            );
          return { befehl: false, wert: nichts };
        }
        rufe(o, a.Name, args);
        return { befehl: true, wert: nichts };
      }
      case 4: {
        const o = pfad(a.ObjectPathId) as Objekt;
        o[jsName(a.Name)] = this.argumente(a.ArgumentInfo, pfad)[0];
        return { befehl: true, wert: nichts };
      }
      case 5:
        return { befehl: false, wert: nichts };
    }
    throw Object.assign(new Error(`Aktionsart ${a.ActionType} nicht nachgebildet`), {
      code: "NotImplemented",
    });
  }

  private abfrage(o: Objekt, auswahl: string[]): { befehl: boolean; wert: () => unknown } {
    const sammlung = istSammlung(o);
    (o["load"] as (s: string) => void).call(o, auswahl.map((s) => (sammlung ? `items/${s}` : s)).join(","));
    const zeile = (x: Objekt) => {
      const ziel: Objekt = {};
      for (const s of auswahl) lies(x, s.split("/"), ziel);
      return ziel;
    };
    return {
      befehl: true,
      wert: () => (sammlung ? { _Items: (o["items"] as Objekt[]).map(zeile) } : zeile(o)),
    };
  }
}

/**
 * The gateway's ExcelApi through Microsoft's library: each `run` opens a run on the fake and an
 * `Excel.run` with a session stub that answers from it. `rundreisen` records every round trip.
 */
export function officeJsExcel(
  lib: OfficeJsBibliothek,
  mappe: FakeArbeitsmappe,
  unterstuetzt: (version: string) => boolean = () => true,
): ExcelApi & { rundreisen: Rundreise[] } {
  const fake = mappe.api(unterstuetzt);
  const rundreisen: Rundreise[] = [];
  const Basis = lib.OfficeExtension.SessionBase;
  class Sitzung extends Basis {
    constructor(private lauf: Lauf) {
      super();
    }
    _resolveRequestUrlAndHeaderInfo() {
      return Promise.resolve({ url: "stub://lsz-fake-excel", headers: {} });
    }
    _createRequestExecutorOrNull() {
      return {
        executeAsync: (daten: unknown, flags: number, nachricht: { Body: RichApiAnfrage }) => {
          const gepackt = lib.OfficeExtension.RichApiMessageUtility.buildMessageArrayForIRequestExecutor(
            daten,
            flags,
            nachricht,
            "officejs",
          );
          return this.lauf.beantworte(nachricht.Body, bytes(gepackt));
        },
      };
    }
  }
  return {
    rundreisen,
    unterstuetzt,
    async run<T>(optionen: RunOptionen, batch: (ctx: RequestContext) => Promise<T>): Promise<T> {
      let schliessen = () => {};
      const zu = new Promise<void>((ok) => (schliessen = ok));
      let lauf: Lauf | null = null;
      let fakeLauf: Promise<void> = Promise.resolve();
      const offen = new Promise<void>((bereit) => {
        fakeLauf = fake.run(optionen, async (ctx) => {
          lauf = new Lauf(ctx, rundreisen);
          bereit();
          await zu;
        });
      });
      await Promise.race([offen, fakeLauf]);
      try {
        return (await lib.Excel.run(
          { ...optionen, session: new Sitzung(lauf!) },
          batch as (ctx: unknown) => Promise<unknown>,
        )) as T;
      } finally {
        schliessen();
        await fakeLauf;
      }
    },
  };
}
