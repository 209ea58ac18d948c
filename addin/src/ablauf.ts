/**
 * One action of the task pane from start to end: read the tables (gateway), build the request (shared),
 * ask the calculation worker or, when it cannot be reached, run the shared core here, then write the
 * results back (gateway). React components only call these.
 */
import { allocationRequestSchema, type AllocationResponse } from "../../shared/allocation/schema";
import { verteile } from "../../shared/allocation/verteilung";
import {
  mitEigenenBlaettern,
  pruefAnfrage,
  pruefAusgabe,
  verteilAnfrage,
  verteilAusgabe,
  type Ausschoepfung,
  type BerichtZeile,
  eigenesBlattFuer,
  rolleDerMappe,
  zellAdresse,
  type Arbeitsmappe,
  type Rolle,
  type Diagramm,
  type PruefBezug,
  type EigenesBlatt,
} from "../../shared/arbeitsmappe";
import type { Schwere } from "../../shared/befund";
import type { Antwort, Rechendienst } from "../../shared/client";
import { liesBetrag } from "../../shared/geld";
import {
  validationRequestSchema,
  type ValidationRequest,
  type ValidationResponse,
} from "../../shared/pruefung/schema";
import { pruefe } from "../../shared/pruefung/pruefe";
import {
  erstelleSiegel,
  pruefeSiegel,
  siegelAusZellen,
  type Siegel,
  type SiegelUrteil,
} from "../../shared/siegel";
import type { Jwks } from "../../shared/siegel-schema";
import type { WorkbookGateway } from "./gateway/gateway";

export type Schritt = "lesen" | "rechnen" | "schreiben";
export type Quelle = { art: "rechendienst" } | { art: "lokal"; grund: string };

interface Erfolg {
  art: "ok";
  aktion: Aktion;
  /** When the action ran (ISO): the pane says which result it shows. */
  zeit: string;
  anzahl: Record<Schwere, number>;
  regelwerk: string;
  quelle: Quelle;
  befunde: BerichtZeile[];
  hinweise: string[];
  /** Allocation only: Σ of the amounts, or null when a Fehler stopped it. */
  summe_eur?: number | null;
  /** Check only: the seal just written. */
  siegel?: SiegelUrteil;
  /** Check only: how much of the Förderhöchstbetrag the plan draws, per year. */
  ausschoepfung?: Ausschoepfung[];
  /**
   * Check only, where the Parameter sheet's Förderhöchstbetrag differs from the allocation in the same
   * workbook (K03): the cell and both amounts, for the pane's „Betrag übernehmen“.
   */
  uebernahme?: { blatt: string; zelle: string; alt_eur: number; neu_eur: number };
  /** Where the charts stand (for "Diagramm anzeigen"); absent when there was nothing to draw. */
  diagramm?: { blatt: string; zelle: string };
}

export type Aktion = "pruefen" | "verteilen";

/**
 * A step that did not finish: `grund` says whether the workbook could not be read as the layout
 * needs („lesen“) or the write was not started because it would have failed or landed wrong
 * („schreiben“, e.g. a filter or a table changed meanwhile). Nothing was written in either case.
 */
export type Ergebnis =
  Erfolg | { art: "fehler"; aktion: Aktion; grund: "lesen" | "schreiben"; meldungen: string[] };

export interface Abhaengigkeiten {
  gateway: WorkbookGateway;
  /** The calculation worker; null = always compute here. */
  dienst: Rechendienst | null;
  /** The step, and from the second sync of a step on the number of the chunk. */
  fortschritt?: (schritt: Schritt, teil?: number) => void;
  /** The time written into the seal (ISO); default now. Tests pin it to compare runs exactly. */
  jetzt?: () => string;
}

/** Where a list of the request stands in the workbook, for a message about its length. */
const LISTEN_ORT: Record<string, string> = {
  massnahmen: "Tabelle Maßnahmen",
  finanzplan: "Tabelle Finanzplan",
  regionen: "Tabelle Indikatoren",
};

type Problem = { path: PropertyKey[]; message: string; code?: string; maximum?: unknown; origin?: string };

/**
 * A text longer than the request takes (500 characters; docs/vertrag.md), named by its cell: a cell
 * holds up to 32.767 characters (Microsoft, „Excel specifications and limits“), a Titel of a page is typed.
 */
function zuLangerText(i: Problem, bezug: PruefBezug | null): string | null {
  const [liste, index, feld] = i.path;
  if (i.code !== "too_big" || i.origin !== "string" || typeof index !== "number" || typeof feld !== "string")
    return null;
  const t = liste === "massnahmen" ? bezug?.massnahmen : liste === "finanzplan" ? bezug?.finanzplan : null;
  const spalte = t?.spalten.get(feld);
  const zeile = t?.sheetZeilen[index];
  if (!t || spalte === undefined || zeile === undefined) return null;
  const kopf = t.def.spalten.find((s) => s.schluessel === feld)?.kopf ?? feld;
  return `${t.blatt} ${zellAdresse(spalte, zeile)} („${kopf}“): der Text ist länger als ${String(i.maximum)} Zeichen – so lange Texte prüft das Add-in nicht, und nichts wurde geschrieben. Den Text auf das Wesentliche kürzen (Einzelheiten in eine Anlage) und erneut prüfen.`;
}

function schemaMeldungen(issues: Problem[], bezug: PruefBezug | null = null): string[] {
  return issues.slice(0, 10).map((i) => {
    const lang = zuLangerText(i, bezug);
    if (lang) return lang;
    const ort = i.path.map(String).join(" / ") || "Anfrage";
    // Too many rows: said in German with the limit and what to do (zod's own text is English).
    if (i.code === "too_big" && i.path.length === 1 && typeof i.maximum === "number")
      return `${LISTEN_ORT[ort] ?? ort}: mehr als ${i.maximum.toLocaleString("de-DE")} Zeilen – so viele kann das Add-in nicht prüfen. Leere oder überzählige Zeilen am Tabellenende löschen (oder die Mappe teilen) und erneut starten.`;
    return `${ort}: ${i.message}`;
  });
}

async function rechne<A, E>(
  anfrage: A,
  entfernt: ((a: A) => Promise<Antwort<E>>) | null,
  lokal: (a: A) => E,
): Promise<{ ergebnis: E; quelle: Quelle }> {
  if (entfernt) {
    const a = await entfernt(anfrage);
    if (a.art === "ok") return { ergebnis: a.daten, quelle: { art: "rechendienst" } };
    const grund = a.art === "problem" ? a.problem.detail : a.grund;
    return { ergebnis: lokal(anfrage), quelle: { art: "lokal", grund } };
  }
  return { ergebnis: lokal(anfrage), quelle: { art: "lokal", grund: "kein Rechendienst eingestellt" } };
}

/** The K03 take-over: the Parameter cell of the Förderhöchstbetrag, its amount and the ministry's. */
function uebernahmeAus(anfrage: ValidationRequest, bezug: PruefBezug): Pick<Erfolg, "uebernahme"> {
  const neu = anfrage.kreis.foerderhoechstbetrag_verteilung_eur;
  const alt = liesBetrag(anfrage.kreis.foerderhoechstbetrag_eur);
  const zelle = bezug.parameter.zellen.foerderhoechstbetrag_eur;
  if (neu === null || neu === undefined || alt.art !== "betrag" || !zelle) return {};
  if (alt.cent === Math.round(neu * 100)) return {};
  return {
    uebernahme: {
      blatt: bezug.parameter.blatt,
      zelle: zellAdresse(zelle.spalte, zelle.zeile),
      alt_eur: alt.cent / 100,
      neu_eur: neu,
    },
  };
}

/** Where the first chart with something to show stands (on the sheet the write used for it). */
function diagrammOrt(
  diagramme: readonly Diagramm[] | undefined,
  blaetter: Partial<Record<EigenesBlatt, string>>,
) {
  const d = diagramme?.find((x) => x.kategorien.length > 0);
  if (!d) return {};
  const art = eigenesBlattFuer(d.blatt);
  return { diagramm: { blatt: (art && blaetter[art]) ?? d.blatt, zelle: d.platz.von } };
}

export async function finanzplanPruefen(d: Abhaengigkeiten): Promise<Ergebnis> {
  const fehler = (grund: "lesen" | "schreiben", meldungen: string[]): Ergebnis => ({
    art: "fehler",
    aktion: "pruefen",
    grund,
    meldungen,
  });
  d.fortschritt?.("lesen");
  const lesung = await d.gateway.leseTabellen((n) => d.fortschritt?.("lesen", n));
  const gelesen = pruefAnfrage(lesung.mappe);
  if (!gelesen.ok) return fehler("lesen", [...lesung.hinweise, ...gelesen.meldungen]);
  const anfrage = validationRequestSchema.safeParse(gelesen.anfrage);
  if (!anfrage.success) return fehler("lesen", schemaMeldungen(anfrage.error.issues, gelesen.bezug));
  d.fortschritt?.("rechnen");
  const { ergebnis, quelle } = await rechne<typeof anfrage.data, ValidationResponse>(
    anfrage.data,
    d.dienst ? (a) => d.dienst!.validation(a) : null,
    pruefe,
  );
  d.fortschritt?.("schreiben");
  const zeit = (d.jetzt ?? (() => new Date().toISOString()))();
  // The service's seal is signed; computed here, the seal is unsigned and says „lokal geprüft“.
  const siegel: Siegel =
    quelle.art === "rechendienst" && ergebnis.siegel
      ? ergebnis.siegel
      : await erstelleSiegel(anfrage.data, ergebnis, zeit);
  const ausgabe = pruefAusgabe(ergebnis, gelesen.bezug, siegel);
  const geschrieben = await d.gateway.schreibePruefung(lesung.stand, ausgabe, (n) =>
    d.fortschritt?.("schreiben", n),
  );
  if (geschrieben.art === "abgelehnt") return fehler("schreiben", geschrieben.meldungen);
  return {
    art: "ok",
    aktion: "pruefen",
    zeit: siegel.aussage.zeit,
    siegel: await pruefeSiegel(siegel, anfrage.data, {
      schluessel: (await schluesselVon(d.dienst)) ?? { keys: [] },
      orte: gelesen.bezug.orte,
      befunde: ergebnis.befunde,
    }),
    ...(ausgabe.ausschoepfung ? { ausschoepfung: ausgabe.ausschoepfung } : {}),
    ...diagrammOrt(ausgabe.diagramme, geschrieben.blaetter),
    ...uebernahmeAus(anfrage.data, gelesen.bezug),
    anzahl: ausgabe.anzahl,
    regelwerk: `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`,
    quelle,
    befunde: mitEigenenBlaettern(ausgabe.bericht, geschrieben.blaetter),
    hinweise: [...lesung.hinweise, ...gelesen.hinweise, ...geschrieben.hinweise],
  };
}

export async function foerderhoechstbetraegeBerechnen(d: Abhaengigkeiten): Promise<Ergebnis> {
  const fehler = (grund: "lesen" | "schreiben", meldungen: string[]): Ergebnis => ({
    art: "fehler",
    aktion: "verteilen",
    grund,
    meldungen,
  });
  d.fortschritt?.("lesen");
  const lesung = await d.gateway.leseTabellen((n) => d.fortschritt?.("lesen", n));
  const gelesen = verteilAnfrage(lesung.mappe);
  if (!gelesen.ok) return fehler("lesen", [...lesung.hinweise, ...gelesen.meldungen]);
  const anfrage = allocationRequestSchema.safeParse(gelesen.anfrage);
  if (!anfrage.success) return fehler("lesen", schemaMeldungen(anfrage.error.issues));
  d.fortschritt?.("rechnen");
  const { ergebnis, quelle } = await rechne<typeof anfrage.data, AllocationResponse>(
    anfrage.data,
    d.dienst ? (a) => d.dienst!.allocation(a) : null,
    verteile,
  );
  d.fortschritt?.("schreiben");
  const ausgabe = verteilAusgabe(ergebnis, gelesen.bezug);
  const geschrieben = await d.gateway.schreibeVerteilung(
    lesung.stand,
    ausgabe.zeilen,
    ausgabe.bericht,
    ausgabe.diagramme,
    (n) => d.fortschritt?.("schreiben", n),
  );
  if (geschrieben.art === "abgelehnt") return fehler("schreiben", geschrieben.meldungen);
  return {
    art: "ok",
    aktion: "verteilen",
    zeit: (d.jetzt ?? (() => new Date().toISOString()))(),
    anzahl: ausgabe.anzahl,
    regelwerk: `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`,
    quelle,
    befunde: ausgabe.bericht,
    hinweise: [...lesung.hinweise, ...gelesen.hinweise, ...geschrieben.hinweise],
    summe_eur: ergebnis.summe_eur,
    ...diagrammOrt(ausgabe.diagramme, geschrieben.blaetter),
  };
}

const schluesselJeDienst = new WeakMap<Rechendienst, Promise<Jwks | null>>();

/** The service's public seal keys, fetched once per service (null when it cannot be reached). */
export function schluesselVon(dienst: Rechendienst | null): Promise<Jwks | null> {
  if (!dienst) return Promise.resolve(null);
  let s = schluesselJeDienst.get(dienst);
  if (!s) {
    s = dienst.siegelSchluessel().then((a) => (a.art === "ok" ? a.daten : null));
    // Not reachable now: ask again next time rather than keep the failure.
    void s.then((k) => k === null && schluesselJeDienst.delete(dienst));
    schluesselJeDienst.set(dienst, s);
  }
  return s;
}

/** What the open workbook is for (which action fits first) and the state of its seal, from one read. */
export async function mappenStand(
  gateway: WorkbookGateway,
  dienst: Rechendienst | null = null,
): Promise<{ rolle: Rolle; siegel: SiegelUrteil }> {
  const { mappe } = await gateway.leseTabellen();
  return standDerMappe(mappe, dienst);
}

/** Role and seal state of a workbook already read (the live seal's copy, rows read again patched in). */
export async function standDerMappe(
  mappe: Arbeitsmappe,
  dienst: Rechendienst | null = null,
): Promise<{ rolle: Rolle; siegel: SiegelUrteil }> {
  return { rolle: rolleDerMappe(mappe), siegel: await siegelDerMappe(mappe, await schluesselVon(dienst)) };
}

/** The seal state of the open workbook: valid, changed since the check, unsigned, outdated, or none. */
export async function siegelStand(
  gateway: WorkbookGateway,
  dienst: Rechendienst | null = null,
): Promise<SiegelUrteil> {
  return (await mappenStand(gateway, dienst)).siegel;
}

async function siegelDerMappe(mappe: Arbeitsmappe, schluessel: Jwks | null): Promise<SiegelUrteil> {
  const gelesen = siegelAusZellen(mappe.siegel ?? []);
  if ("art" in gelesen) return gelesen;
  const a = pruefAnfrage(mappe);
  const anfrage = a.ok ? validationRequestSchema.safeParse(a.anfrage) : null;
  if (!a.ok || !anfrage?.success) {
    // The seal cannot be compared with tables that cannot be read: say that, not "Parameter changed".
    const grund = !a.ok
      ? (a.meldungen[0] ?? "unbekannt")
      : (schemaMeldungen(anfrage?.error?.issues ?? [])[0] ?? "unbekannt");
    return { art: "verfaelscht", siegel: gelesen, aenderungen: [], tabellen: grund };
  }
  // The counts shown are those of a check run now (here, on the same inputs), never the seal's own.
  return pruefeSiegel(gelesen, anfrage.data, {
    schluessel: schluessel ?? { keys: [] },
    orte: a.bezug.orte,
    befunde: pruefe(anfrage.data).befunde,
  });
}
