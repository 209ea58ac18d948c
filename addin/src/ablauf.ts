/**
 * One action of the task pane from start to end: read the tables (gateway), build the request (shared),
 * ask the calculation worker or, when it cannot be reached, run the shared core here, then write the
 * results back (gateway). React components only call these.
 */
import { allocationRequestSchema, type AllocationResponse } from "../../shared/allocation/schema";
import { verteile } from "../../shared/allocation/verteilung";
import {
  pruefAnfrage,
  pruefAusgabe,
  verteilAnfrage,
  verteilAusgabe,
  type Ausschoepfung,
  type BerichtZeile,
  type Diagramm,
} from "../../shared/arbeitsmappe";
import type { Schwere } from "../../shared/befund";
import type { Antwort, Rechendienst } from "../../shared/client";
import { validationRequestSchema, type ValidationResponse } from "../../shared/pruefung/schema";
import { pruefe } from "../../shared/pruefung/pruefe";
import { erstelleSiegel, pruefeSiegel, siegelAusZellen, type SiegelUrteil } from "../../shared/siegel";
import type { WorkbookGateway } from "./gateway/gateway";

export type Schritt = "lesen" | "rechnen" | "schreiben";
export type Quelle = { art: "rechendienst" } | { art: "lokal"; grund: string };

export interface Erfolg {
  art: "ok";
  aktion: "pruefen" | "verteilen";
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
  /** Where the charts stand (for "Diagramm anzeigen"); absent when there was nothing to draw. */
  diagramm?: { blatt: string; zelle: string };
}

export type Ergebnis = Erfolg | { art: "fehler"; meldungen: string[] };

export interface Abhaengigkeiten {
  gateway: WorkbookGateway;
  /** The calculation worker; null = always compute here. */
  dienst: Rechendienst | null;
  fortschritt?: (schritt: Schritt) => void;
  /** The time written into the seal (ISO); default now. Tests pin it to compare runs exactly. */
  jetzt?: () => string;
}

function schemaMeldungen(issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.slice(0, 10).map((i) => `${i.path.map(String).join(" / ") || "Anfrage"}: ${i.message}`);
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

function diagrammOrt(diagramme: readonly Diagramm[] | undefined) {
  const d = diagramme?.find((x) => x.kategorien.length > 0);
  return d ? { diagramm: { blatt: d.blatt, zelle: d.platz.von } } : {};
}

export async function finanzplanPruefen(d: Abhaengigkeiten): Promise<Ergebnis> {
  d.fortschritt?.("lesen");
  const gelesen = pruefAnfrage(await d.gateway.leseTabellen());
  if (!gelesen.ok) return { art: "fehler", meldungen: gelesen.meldungen };
  const anfrage = validationRequestSchema.safeParse(gelesen.anfrage);
  if (!anfrage.success) return { art: "fehler", meldungen: schemaMeldungen(anfrage.error.issues) };
  d.fortschritt?.("rechnen");
  const { ergebnis, quelle } = await rechne<typeof anfrage.data, ValidationResponse>(
    anfrage.data,
    d.dienst ? (a) => d.dienst!.validation(a) : null,
    pruefe,
  );
  d.fortschritt?.("schreiben");
  const siegel =
    ergebnis.siegel ??
    (await erstelleSiegel(anfrage.data, ergebnis, (d.jetzt ?? (() => new Date().toISOString()))()));
  const ausgabe = pruefAusgabe(ergebnis, gelesen.bezug, siegel);
  await d.gateway.schreibePruefung(ausgabe);
  return {
    art: "ok",
    aktion: "pruefen",
    siegel: { art: "gueltig", siegel },
    ...(ausgabe.ausschoepfung ? { ausschoepfung: ausgabe.ausschoepfung } : {}),
    ...diagrammOrt(ausgabe.diagramme),
    anzahl: ausgabe.anzahl,
    regelwerk: `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`,
    quelle,
    befunde: ausgabe.bericht,
    hinweise: gelesen.hinweise,
  };
}

export async function foerderhoechstbetraegeBerechnen(d: Abhaengigkeiten): Promise<Ergebnis> {
  d.fortschritt?.("lesen");
  const gelesen = verteilAnfrage(await d.gateway.leseTabellen());
  if (!gelesen.ok) return { art: "fehler", meldungen: gelesen.meldungen };
  const anfrage = allocationRequestSchema.safeParse(gelesen.anfrage);
  if (!anfrage.success) return { art: "fehler", meldungen: schemaMeldungen(anfrage.error.issues) };
  d.fortschritt?.("rechnen");
  const { ergebnis, quelle } = await rechne<typeof anfrage.data, AllocationResponse>(
    anfrage.data,
    d.dienst ? (a) => d.dienst!.allocation(a) : null,
    verteile,
  );
  d.fortschritt?.("schreiben");
  const ausgabe = verteilAusgabe(ergebnis, gelesen.bezug);
  await d.gateway.schreibeVerteilung(ausgabe.zeilen, ausgabe.bericht, ausgabe.diagramme);
  return {
    art: "ok",
    aktion: "verteilen",
    anzahl: ausgabe.anzahl,
    regelwerk: `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`,
    quelle,
    befunde: ausgabe.bericht,
    hinweise: gelesen.hinweise,
    summe_eur: ergebnis.summe_eur,
    ...diagrammOrt(ausgabe.diagramme),
  };
}

/** The seal state of the open workbook: valid, changed since the check, outdated rules, or none. */
export async function siegelStand(gateway: WorkbookGateway): Promise<SiegelUrteil> {
  const mappe = await gateway.leseTabellen();
  const gelesen = siegelAusZellen(mappe.siegel ?? []);
  if ("art" in gelesen) return gelesen;
  const a = pruefAnfrage(mappe);
  const anfrage = a.ok ? validationRequestSchema.safeParse(a.anfrage) : null;
  if (!anfrage?.success) {
    // The seal cannot be compared with tables that cannot be read: say that, not "Parameter changed".
    const grund = !a.ok
      ? (a.meldungen[0] ?? "unbekannt")
      : (schemaMeldungen(anfrage!.error!.issues)[0] ?? "unbekannt");
    return {
      art: "geaendert",
      siegel: gelesen,
      parameter: false,
      massnahmen: [],
      finanzplan: [],
      tabellen: grund,
    };
  }
  return pruefeSiegel(gelesen, anfrage.data);
}
