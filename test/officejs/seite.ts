/**
 * The page side of the Office.js harness (bundled for Chromium by test/officejs/harness.ts): the
 * gateway's flows on a fake workbook, either through Microsoft's library (`Excel.run` + session
 * stub, richapi.ts) or directly against the fake, with what each sent and received.
 */
import {
  finanzplanPruefen,
  foerderhoechstbetraegeBerechnen,
  mappenStand,
  siegelStand,
} from "../../addin/src/ablauf";
import { beispielMappe } from "../../addin/src/fake/beispiel-mappe";
import type { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import type { ExcelApi } from "../../addin/src/gateway/excel-api";
import { createGateway } from "../../addin/src/gateway/gateway";
import { FINANZPLAN, MASSNAHMEN, type Beispieldaten } from "../../shared/arbeitsmappe";
import { siegelText } from "../../shared/siegel";
import { LiveSiegel, type LiveStand } from "../../addin/src/hooks/live-siegel";
import { grosseMappe } from "../hilfen/grosse-mappe";
import { officeJsExcel, type OfficeJsBibliothek, type Rundreise } from "./richapi";

const jetzt = () => "2026-12-02T13:03:00.000Z";

export type Weg = "bibliothek" | "fake";

/** What one flow left behind: the workbook, and the traffic as the library and as the fake counted it. */
export interface Messung {
  rundreisen: Rundreise[];
  fake: { syncs: number; anfragen: number[]; antworten: number[] };
  laeufe: object[];
}

function bibliothek(): OfficeJsBibliothek {
  return globalThis as unknown as OfficeJsBibliothek;
}

function verbinde(m: FakeArbeitsmappe, weg: Weg): { api: ExcelApi; rundreisen: Rundreise[] } {
  if (weg === "fake") return { api: m.api(), rundreisen: [] };
  const api = officeJsExcel(bibliothek(), m);
  return { api, rundreisen: api.rundreisen };
}

function messung(m: FakeArbeitsmappe, rundreisen: Rundreise[]): Messung {
  return {
    rundreisen,
    fake: { syncs: m.syncs, anfragen: [...m.anfragen], antworten: [...m.antworten] },
    laeufe: [...m.laeufe],
  };
}

/** Check, allocate, check again, then the live seal and the workbook's role — as the pane does. */
async function tagesablauf(daten: Beispieldaten, weg: Weg) {
  const m = beispielMappe(daten);
  const { api, rundreisen } = verbinde(m, weg);
  const g = createGateway(api);
  const pruefung = await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
  const verteilung = await foerderhoechstbetraegeBerechnen({ gateway: g, dienst: null, jetzt });
  const zweite = await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
  const siegel = await siegelStand(g);
  const stand = await mappenStand(g);
  // A user types into the Finanzplan: the live seal now says the workbook changed since the check.
  await m.nutzerAendert(
    "Finanzplan",
    2,
    FINANZPLAN.spalten.findIndex((s) => s.schluessel === "personalausgaben") + 1,
    4711,
  );
  const nachEingabe = await siegelStand(g);
  const art = (e: { art: string; meldungen?: string[] }) =>
    e.art === "ok" ? "ok" : (e.meldungen ?? []).join(" ");
  return {
    arten: [art(pruefung), art(verteilung), art(zweite)],
    siegel: siegel.art,
    nachEingabe: nachEingabe.art,
    rolle: stand.rolle,
    abbild: m.abbild(),
    formate: Object.fromEntries([...m.formate].map(([b, f]) => [b, Object.fromEntries(f)])),
    namen: m.namen,
    schutz: [...m.schutz.keys()],
    ausgeblendet: [...m.ausgeblendet],
    diagramme: Object.fromEntries([...m.diagramme].map(([b, d]) => [b, d.map((x) => x.name)])),
    ...messung(m, rundreisen),
  };
}

/** A full check of n rows (a finding on each), then the seal read back. */
async function grossePruefung(daten: Beispieldaten, n: number, weg: Weg) {
  const m = grosseMappe(daten, n);
  const { api, rundreisen } = verbinde(m, weg);
  const g = createGateway(api);
  const teile: string[] = [];
  const e = await finanzplanPruefen({
    gateway: g,
    dienst: null,
    jetzt,
    fortschritt: (s, t) => t !== undefined && teile.push(`${s} ${t}`),
  });
  const pruefung = messung(m, [...rundreisen]);
  const siegel = await siegelStand(g);
  const status = m.tabellen.find((t) => t.name === FINANZPLAN.tabelle)!;
  const spalte = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Prüfung") + status.spalte;
  return {
    art: e.art === "ok" ? "ok" : e.meldungen.join(" "),
    fehler: e.art === "ok" ? e.anzahl.fehler : 0,
    letzterStatus: m.wert("Finanzplan", 1 + n, spalte),
    teile,
    siegel: siegel.art,
    ...pruefung,
  };
}

/**
 * Long texts: 6.000 Maßnahmen whose later rows carry pages of notes, so the chunk sized by the first
 * rows' measure is refused by Excel (response above 5 MB) and read again in halves.
 */
async function langeTexte(daten: Beispieldaten, weg: Weg) {
  const m = beispielMappe(daten);
  const t = m.tabellen.find((x) => x.name === MASSNAHMEN.tabelle)!;
  const titel = MASSNAHMEN.spalten.findIndex((s) => s.schluessel === "titel") + t.spalte;
  const notiz = t.spalte + t.spalten;
  m.setze("Maßnahmen", t.zeile, notiz, "Notizen");
  t.spalten++;
  const basis = m.werteIn("Maßnahmen", `A2:Z${1 + t.zeilen}`);
  const lang = "Beratung für Familien im ländlichen Raum – ".repeat(11);
  for (let r = 0; r < 6_000; r++) {
    basis[r % basis.length]!.slice(0, notiz - 1).forEach((v, c) => m.setze("Maßnahmen", 2 + r, 1 + c, v));
    m.setze("Maßnahmen", 2 + r, titel, `${lang}${r}`.slice(-480));
    m.setze("Maßnahmen", 2 + r, notiz, r < 2_000 ? "ok" : "Rückfrage beim Träger. ".repeat(200));
  }
  t.zeilen = 6_000;
  const { api, rundreisen } = verbinde(m, weg);
  const e = await finanzplanPruefen({ gateway: createGateway(api), dienst: null, jetzt });
  return { art: e.art === "ok" ? "ok" : e.meldungen.join(" "), ...messung(m, rundreisen) };
}

/** An error as Excel reports it: the sheet is gone; what the gateway's caller gets. */
async function fehlendesBlatt(daten: Beispieldaten) {
  const m = beispielMappe(daten);
  m.loescheBlatt("Maßnahmen");
  const e = await createGateway(verbinde(m, "bibliothek").api)
    .waehleZelle("Maßnahmen", "D6")
    .catch((x: unknown) => x);
  const fehlerKlasse = (globalThis as unknown as { OfficeExtension: { Error: new () => object } })
    .OfficeExtension.Error;
  return {
    officeFehler: e instanceof fehlerKlasse,
    code: (e as { code?: unknown }).code,
    nachricht: (e as { message?: unknown }).message,
  };
}

/** A sheet renamed between the read and the write: the look refuses in German, nothing written. */
async function umbenanntVorDemSchreiben(daten: Beispieldaten) {
  const m = beispielMappe(daten);
  m.vorLauf = (nr) => {
    if (nr === 1) m.benenneUm("Finanzplan", "Finanzplan alt");
  };
  const vorher = JSON.stringify(m.abbild()["Prüfbericht"] ?? null);
  const e = await finanzplanPruefen({
    gateway: createGateway(verbinde(m, "bibliothek").api),
    dienst: null,
    jetzt,
  });
  return {
    art: e.art,
    meldungen: e.art === "fehler" ? e.meldungen : [],
    unveraendert: JSON.stringify(m.abbild()["Prüfbericht"] ?? null) === vorher,
  };
}

/** The pane's one write into an input cell („Betrag übernehmen“), and following changes (onChanged). */
async function einzelneZelle(daten: Beispieldaten, weg: Weg) {
  const m = beispielMappe(daten);
  const { api, rundreisen } = verbinde(m, weg);
  const g = createGateway(api);
  await g.setzeEingabe("Parameter", "B5", 123_456);
  const geschrieben = m.wert("Parameter", 5, 2);
  const gemessen = messung(m, [...rundreisen]);
  const beobachtung = await g.beobachte(() => {});
  return { geschrieben, beobachtung, ...gemessen };
}

const schlafe = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The live seal after one edited cell in a checked workbook of n rows: the row read again through
 * `weg`. Excel's onChanged comes from the fake (here no Office host pushes events through the
 * library); every read the live seal makes goes through the library.
 */
async function eineZelleLive(daten: Beispieldaten, n: number, weg: Weg) {
  const m = grosseMappe(daten, n);
  const direkt = createGateway(m.api());
  await finanzplanPruefen({ gateway: direkt, dienst: null, jetzt });
  const { api, rundreisen } = verbinde(m, weg);
  const staende: LiveStand[] = [];
  const sicht = { sichtbar: () => true, beiWechsel: () => () => {} };
  const live = new LiveSiegel(
    { ...createGateway(api), beobachte: direkt.beobachte },
    null,
    (s) => staende.push(s),
    sicht,
  );
  const bis = async (n: number) => {
    for (let i = 0; i < 600 && staende.length < n; i++) await schlafe(50);
    await live.ruhig();
  };
  await live.start();
  await bis(1);
  const vorher = { syncs: m.syncs, bytes: m.uebertragen, rundreisen: rundreisen.length };
  const lm = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Landesmittel") + 1;
  await m.nutzerAendert("Finanzplan", 2 + Math.floor(n / 2), lm, 12345);
  await bis(2);
  live.stop();
  const gemessen = { syncs: m.syncs - vorher.syncs, bytes: m.uebertragen - vorher.bytes };
  const u = staende.at(-1)?.siegel ?? null;
  const voll = await siegelStand(direkt);
  const orte = (x: typeof u) => (x?.art === "verfaelscht" ? x.aenderungen.map((a) => a.ort) : []);
  const neu = rundreisen.slice(vorher.rundreisen);
  return {
    art: u?.art ?? null,
    orte: orte(u),
    text: u ? siegelText(u, "kreis") : "",
    wieVollGelesen: JSON.stringify(u) === JSON.stringify(voll),
    ...gemessen,
    rundreisen: neu,
    bibliothekBytes: neu.reduce((x, r) => x + r.anfrage + r.antwort, 0),
  };
}

/**
 * Error values and rows below a table through the library: the valueTypes the read loads come back as
 * the library hands them (Excel.RangeValueType), so a #N/A cell reaches the check as Z03.
 */
async function fehlerwerte(daten: Beispieldaten, weg: Weg) {
  const m = beispielMappe(daten);
  const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
  let lm = t.spalte;
  while (m.wert(t.blatt, t.zeile, lm) !== "Landesmittel") lm++;
  m.setzeFehler(t.blatt, t.zeile + 2, lm, "#N/A", "=VLOOKUP(A3,Quelle!A:B,2,FALSE)");
  m.setze(t.blatt, t.zeile + t.zeilen + 1, t.spalte, "9.9");
  const e = await finanzplanPruefen({ gateway: createGateway(verbinde(m, weg).api), dienst: null, jetzt });
  return {
    art: e.art,
    z03: e.art === "ok" ? e.befunde.filter((b) => b.regel === "Z03").map((b) => b.meldung) : [],
    darunter: e.art === "ok" ? e.hinweise.filter((h) => h.includes("unter der Tabelle")) : [],
  };
}

export const szenarien = {
  eineZelleLive,
  fehlerwerte,
  tagesablauf,
  grossePruefung,
  langeTexte,
  fehlendesBlatt,
  umbenanntVorDemSchreiben,
  einzelneZelle,
};
(globalThis as unknown as { lszOfficeJs: typeof szenarien }).lszOfficeJs = szenarien;
