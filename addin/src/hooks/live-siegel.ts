/**
 * The live seal's rules, without React (useLiveSiegel.ts wires it into the pane), so that each rule
 * is shown by a test on the fake Excel:
 *
 * - one read at a time: a change arriving while a read runs waits and is read after it, in one read
 *   with every change that arrived meanwhile; a read that began before a newer result was shown (an
 *   action's) is dropped, never shown over it;
 * - where Excel's onChanged names the address, only the touched rows are read again (1 sync, into a
 *   copy of the last read); a change of the tables' shape, or more than NACHLESEN_MAX rows, is read whole;
 * - changes the add-in makes itself in its grey output columns are not read (the seal does not cover them);
 * - an input change while an action runs (between its read and the end of its write — the user, or a
 *   co-author on the web) marks that action's result as possibly stale (`waehrendAktion`), and the
 *   workbook is read whole after it, so the seal line says what is true;
 * - a co-author's changes (source "Remote") are gathered for WARTEN_ENTFERNT_MS before one read of the
 *   touched rows, so a burst of remote edits is one small read in each open pane, not a full read per edit;
 * - nothing is read while the pane is hidden (the changes wait until it is visible again); where events
 *   are missing the workbook is read whole at most every ABFRAGE_MS and only while the pane is visible.
 */
import type { Rolle } from "../../../shared/arbeitsmappe";
import { siegelZellen, type SiegelUrteil } from "../../../shared/siegel";
import type { Rechendienst } from "../../../shared/client";
import { standDerMappe } from "../ablauf";
import {
  bereichVon,
  betrifftEingaben,
  type Aenderung,
  type WorkbookGateway,
  type Zeilenwunsch,
} from "../gateway/gateway";
import { TABELLEN, type Lesung, type TabellenSchluessel } from "../gateway/gemeinsam";

/** Where events are missing: the workbook is read again at most this often (ms), only while visible. */
export const ABFRAGE_MS = 30_000;
/** A local edit is read this long (ms) after the last one (typing several cells is one read). */
export const WARTEN_LOKAL_MS = 400;
/** Co-authors' edits are gathered this long (ms) after the last one, and read at the latest after ENTFERNT_HOECHSTENS_MS. */
export const WARTEN_ENTFERNT_MS = 2_000;
export const ENTFERNT_HOECHSTENS_MS = 10_000;
/** More touched rows than this are read whole (one read of many rows costs what the chunked read costs). */
export const NACHLESEN_MAX = 500;

export interface LiveStand {
  siegel: SiegelUrteil | null;
  rolle: Rolle | null;
  /** Input cells changed while the last action ran („Finanzplan!K6“): its result may be stale. */
  waehrendAktion: string[];
}

/** Whether the pane is visible (document.visibilityState; Office.addin.onVisibilityModeChanged). */
export interface Sichtbarkeit {
  sichtbar(): boolean;
  /** Calls `f` whenever visibility changes; returns the unsubscribe. */
  beiWechsel(f: () => void): () => void;
}

/** The part of the DOM's document this needs (the file is also compiled for tests without DOM types). */
interface Dokument {
  visibilityState: string;
  addEventListener(art: "visibilitychange", f: () => void): void;
  removeEventListener(art: "visibilitychange", f: () => void): void;
}

/**
 * The pane's own document: "hidden" when Excel on the web's tab is in the background, Excel is
 * minimized, or the pane is closed (Page Visibility API, `document.visibilityState`).
 */
export function dokumentSichtbarkeit(): Sichtbarkeit {
  const d = (globalThis as { document?: Dokument }).document;
  if (!d) return { sichtbar: () => true, beiWechsel: () => () => {} };
  return {
    sichtbar: () => d.visibilityState !== "hidden",
    beiWechsel(f) {
      d.addEventListener("visibilitychange", f);
      return () => d.removeEventListener("visibilitychange", f);
    },
  };
}

interface Offen {
  voll: boolean;
  zeilen: Map<TabellenSchluessel, Set<number>>;
  /** When the oldest waiting remote change arrived (ms), for ENTFERNT_HOECHSTENS_MS. */
  entferntSeit: number | null;
}

const leer = (): Offen => ({ voll: false, zeilen: new Map(), entferntSeit: null });

export class LiveSiegel {
  private lesung: Lesung | null = null;
  private offen: Offen = { ...leer(), voll: true };
  /** The one read running, if any. */
  private lesend: Promise<void> | null = null;
  private aktion = false;
  /** Bumped when an action starts and when it ends: a read begun in an older epoch is not shown. */
  private epoche = 0;
  private waehrend: Set<string> = new Set();
  private stand: LiveStand = { siegel: null, rolle: null, waehrendAktion: [] };
  private zeitgeber: ReturnType<typeof setTimeout> | undefined;
  private abfrage: ReturnType<typeof setTimeout> | undefined;
  private art: "ereignisse" | "abfrage" | null = null;
  private letzteLesung = 0;
  private aus = false;
  private abmelden: () => void = () => {};

  constructor(
    private readonly gateway: WorkbookGateway,
    private readonly dienst: Rechendienst | null,
    private readonly melde: (s: LiveStand) => void,
    private readonly sicht: Sichtbarkeit = dokumentSichtbarkeit(),
  ) {}

  /** Events first, then the first read: no change between the two is lost. */
  async start(): Promise<void> {
    this.abmelden = this.sicht.beiWechsel(() => this.sichtWechsel());
    this.art = await this.gateway.beobachte((a) => this.aenderung(a)).catch(() => "abfrage" as const);
    if (this.aus) return;
    this.stosseAn(0);
  }

  /** Resolves once no read runs (for tests and the benchmark: what one change costs). */
  async ruhig(): Promise<void> {
    while (this.lesend) await this.lesend;
  }

  stop() {
    this.aus = true;
    clearTimeout(this.zeitgeber);
    clearTimeout(this.abfrage);
    this.abmelden();
  }

  /** An action (check, allocation) starts: its read and writes are its own; reads wait until it ends. */
  aktionBeginnt() {
    this.aktion = true;
    this.epoche++;
    this.waehrend = new Set();
    clearTimeout(this.zeitgeber);
  }

  /**
   * The action ended: `siegel` is the seal its check wrote (null for an allocation or a refused
   * write; undefined when it broke off, its writes unknown). Input changes while it ran mark its result
   * as possibly stale and the workbook is read whole; otherwise the seal written is the one now in the
   * workbook and nothing needs reading.
   */
  aktionEndet(siegel: SiegelUrteil | null | undefined) {
    this.aktion = false;
    this.epoche++;
    const waehrendAktion = [...this.waehrend];
    const geschrieben = siegel && "siegel" in siegel ? siegel.siegel : null;
    if (waehrendAktion.length > 0 || siegel === undefined || !this.lesung) this.offen.voll = true;
    else if (geschrieben)
      this.lesung = { ...this.lesung, mappe: { ...this.lesung.mappe, siegel: siegelZellen(geschrieben) } };
    this.zeige({ ...this.stand, ...(siegel ? { siegel } : {}), waehrendAktion });
    this.stosseAn(0);
  }

  private zeige(s: LiveStand) {
    this.stand = s;
    this.melde(s);
  }

  private aenderung(a: Aenderung) {
    const t = this.lesung?.stand.tabellen[a.tabelle];
    const eingaben = betrifftEingaben(a, t);
    // Our own writes into the grey columns change nothing the seal covers; a co-author's add-in
    // writing them has checked too, and its new seal (on a sheet not watched) must be read.
    if (this.aus || (!eingaben && !a.entfernt)) return;
    if (this.aktion) this.waehrend.add(`${t?.blatt ?? TABELLEN[a.tabelle].blatt}!${a.adresse}`);
    const { zeilen } = bereichVon(a.adresse);
    if (!eingaben || a.art !== "RangeEdited" || !zeilen || zeilen.bis - zeilen.von >= NACHLESEN_MAX)
      this.offen.voll = true;
    else {
      const satz = this.offen.zeilen.get(a.tabelle) ?? new Set<number>();
      for (let z = zeilen.von; z <= zeilen.bis; z++) satz.add(z);
      this.offen.zeilen.set(a.tabelle, satz);
    }
    if (!a.entfernt) return this.stosseAn(WARTEN_LOKAL_MS);
    this.offen.entferntSeit ??= Date.now();
    const rest = this.offen.entferntSeit + ENTFERNT_HOECHSTENS_MS - Date.now();
    this.stosseAn(Math.max(0, Math.min(WARTEN_ENTFERNT_MS, rest)));
  }

  private sichtWechsel() {
    if (!this.sicht.sichtbar()) {
      clearTimeout(this.zeitgeber);
      clearTimeout(this.abfrage);
      return;
    }
    this.stosseAn(0);
    this.planeAbfrage();
  }

  /**
   * A read in `ms`, unless the watch is not yet registered (a change before it would be missed), one
   * is running (it reads on after), an action runs, or the pane is hidden.
   */
  private stosseAn(ms: number) {
    clearTimeout(this.zeitgeber);
    if (this.art === null || this.aus || this.aktion || this.lesend) return;
    if (!this.sicht.sichtbar() || !this.hatOffen()) return;
    this.zeitgeber = setTimeout(() => {
      if (!this.lesend && !this.aktion && !this.aus && this.hatOffen()) this.lesend = this.lies();
    }, ms);
  }

  private hatOffen() {
    return this.offen.voll || this.offen.zeilen.size > 0;
  }

  private planeAbfrage() {
    clearTimeout(this.abfrage);
    if (this.art !== "abfrage" || this.aus || !this.sicht.sichtbar()) return;
    const warten = Math.max(0, this.letzteLesung + ABFRAGE_MS - Date.now());
    this.abfrage = setTimeout(() => {
      this.offen.voll = true;
      this.stosseAn(0);
    }, warten);
  }

  private async lies() {
    const auftrag = this.offen;
    this.offen = leer();
    const epoche = this.epoche;
    let weiter = true;
    try {
      const lesung = await this.neueLesung(auftrag);
      const s = await standDerMappe(lesung.mappe, this.dienst);
      if (this.aus) return;
      if (epoche !== this.epoche) {
        // Begun before an action's result was shown: not shown over it, and its changes are read again.
        this.offen.voll = true;
        return;
      }
      this.lesung = lesung;
      this.zeige({ ...s, waehrendAktion: this.stand.waehrendAktion });
    } catch {
      // Excel refused (e.g. the workbook is closing): read whole on the next change; show nothing wrong now.
      this.offen.voll = true;
      weiter = false;
    } finally {
      this.lesend = null;
      this.letzteLesung = Date.now();
      if (weiter) this.stosseAn(0); // the changes that waited for this read
      this.planeAbfrage();
    }
  }

  private async neueLesung(auftrag: Offen): Promise<Lesung> {
    const vorher = this.lesung;
    if (!auftrag.voll && vorher) {
      const wuensche = zeilenWuensche(auftrag.zeilen);
      if (wuensche.reduce((n, w) => n + w.bis - w.von + 1, 0) <= NACHLESEN_MAX) {
        const r = await this.gateway.leseZeilen(vorher, wuensche);
        if (r.art === "ok") return { mappe: r.mappe, stand: vorher.stand, hinweise: vorher.hinweise };
      }
    }
    return this.gateway.leseTabellen();
  }
}

/** The touched rows per table as contiguous blocks (rows 6, 7, 9 → 6–7 and 9). */
function zeilenWuensche(zeilen: Map<TabellenSchluessel, Set<number>>): Zeilenwunsch[] {
  const aus: Zeilenwunsch[] = [];
  for (const [tabelle, satz] of zeilen) {
    const sortiert = [...satz].sort((a, b) => a - b);
    for (const z of sortiert) {
      const letzte = aus.at(-1);
      if (letzte && letzte.tabelle === tabelle && letzte.bis === z - 1) letzte.bis = z;
      else aus.push({ tabelle, von: z, bis: z });
    }
  }
  return aus;
}
