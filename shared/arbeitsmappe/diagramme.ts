/**
 * The charts, as data: which numbers each chart shows, in which order, where its data block and the
 * chart itself stand on the add-in's sheet. The add-in's gateway turns a `Diagramm` into a native Excel
 * chart over the data block; the command-line tool writes the same data block (exceljs cannot write
 * charts); the browser preview draws it. Sums are taken in cents, so a chart never shows a euro that
 * the result sheet does not.
 */
import type { AllocationResponse, RegionErgebnis } from "../allocation/schema";
import type { ValidationResponse } from "../pruefung/schema";
import { formatEuroKurz, formatProzent, type Sprache } from "../format";
import { centZuEuro } from "../geld";
import { REGELWERKE } from "../regelwerke";
import { INDIKATOR, INDIKATOREN } from "../allocation/indikatoren";
import { FARBE } from "../farben";
import { FINANZPLAN_UEBERSICHT, FOERDERHOECHSTBETRAEGE } from "./layout";
import { spaltenBuchstabe, zellAdresse } from "./tabellen";

/** Excel chart types the add-in uses (all exist since ExcelApi 1.1). */
type DiagrammTyp = "BarStacked" | "BarClustered" | "ColumnStacked" | "ColumnClustered";

export interface Diagramm {
  /** The chart's name in Excel: a re-run finds the chart by it and updates it in place. */
  name: string;
  blatt: string;
  titel: string;
  typ: DiagrammTyp;
  /** The data block's top-left cell (1-based): a caption row, a row of series names, a row per category. */
  zeile: number;
  spalte: number;
  reihen: string[];
  kategorien: string[];
  /** werte[kategorie][reihe], in euros (exact to the cent). */
  werte: number[][];
  /** One colour per series (Okabe–Ito: distinguishable with the common colour-vision deficiencies). */
  farben: string[];
  /** How many of the last series are drawn as lines (references, not stacked). Needs ExcelApi 1.7. */
  linien: number;
  /** Bar charts: the first category on top (Excel draws the first at the bottom otherwise). */
  umgekehrt: boolean;
  /** The cells the chart covers. */
  platz: { von: string; bis: string };
  /** Written under the data block: what the chart leaves out, or why it is empty. */
  fussnote: string | null;
}

export const DIAGRAMM_NAMEN = {
  foerderhoechstbetraege: "LSZ Förderhöchstbeträge",
  veraenderung: "LSZ Veränderung zum Vorjahr",
  finanzplan: "LSZ Finanzplan",
  jahre: "LSZ Finanzplan je Jahr",
} as const;

/** More bars than this are unreadable in a chart; the data block then holds the largest ones. */
export const MAX_BALKEN = 40;

const cent = (euro: number) => Math.round(euro * 100);
const euro = centZuEuro;

/** The rows of the data block (caption, series names, categories, footnote), as cell values. */
export function diagrammZellen(d: Diagramm): (string | number)[][] {
  const breite = d.reihen.length + 1;
  const voll = (z: (string | number)[]) => [...z, ...Array<string>(breite - z.length).fill("")];
  return [
    voll([`Diagrammdaten: ${d.titel}`]),
    ["", ...d.reihen],
    ...d.kategorien.map((k, i) => [k, ...d.werte[i]!]),
    ...(d.fussnote ? [voll([d.fussnote])] : []),
  ];
}

/** The data block's address (all of `diagrammZellen`). */
export function diagrammBlock(d: Diagramm): string {
  const zeilen = 2 + d.kategorien.length + (d.fussnote ? 1 : 0);
  return `${zellAdresse(d.spalte, d.zeile)}:${zellAdresse(d.spalte + d.reihen.length, d.zeile + zeilen - 1)}`;
}

/**
 * The chart's source: series names and values, categories in the first column; the top-left cell is
 * empty, so Excel takes the first row as series names and the first column as categories. Without
 * `mitLinie` the reference series is left out (where it cannot be drawn as a line, it must not be
 * stacked on the others).
 */
export function diagrammQuelle(d: Diagramm, mitLinie: boolean): string {
  const reihen = !mitLinie ? d.reihen.length - d.linien : d.reihen.length;
  const von = zellAdresse(d.spalte, d.zeile + 1);
  return `${von}:${zellAdresse(d.spalte + reihen, d.zeile + 1 + d.kategorien.length)}`;
}

/** Rows a horizontal bar chart needs: about one per bar, never fewer than 20. */
const zeilenFuer = (balken: number) => Math.max(20, Math.ceil(balken * 1.1) + 8);

/** A chart nine columns wide from column A, `zeilen` rows from `ersteZeile`. */
function platzAb(ersteZeile: number, zeilen: number): { von: string; bis: string } {
  return { von: zellAdresse(1, ersteZeile), bis: zellAdresse(9, ersteZeile + zeilen - 1) };
}

/** The level to chart: the top regions; a single top region (one Kreis of many Gemeinden) gives way to its children. */
function ebeneFuerDiagramm(regionen: readonly RegionErgebnis[]): RegionErgebnis[] {
  const schluessel = new Set(regionen.map((r) => r.schluessel));
  let ebene = regionen.filter((r) => r.gehoert_zu === null || !schluessel.has(r.gehoert_zu));
  while (ebene.length === 1) {
    const oben = ebene[0]!.schluessel;
    const kinder = regionen.filter((r) => r.gehoert_zu === oben);
    if (kinder.length === 0) break;
    ebene = kinder;
  }
  return ebene;
}

const regionName = (r: RegionErgebnis) => r.name ?? r.schluessel;

function gekuerzt(anzahl: number, was: string): string | null {
  return anzahl > MAX_BALKEN ? `Das Diagramm zeigt ${MAX_BALKEN} von ${anzahl} ${was}.` : null;
}

/**
 * The ministry's two charts on the Förderhöchstbeträge sheet: a bar per Kreis stacked by the € part of
 * each indicator (and the Sockelbetrag where there is one), largest first; and the change to last year
 * per Kreis, where last year's amounts are given. A chart without data comes back with no categories:
 * the writer then removes the chart of an earlier run instead of leaving stale bars.
 */
export function verteilDiagramme(ergebnis: AllocationResponse): Diagramm[] {
  const ebene = ebeneFuerDiagramm(ergebnis.regionen).filter((r) => r.foerderhoechstbetrag_eur !== null);
  const stapelAb = ergebnis.regionen.length + 4; // below the table (header + a row per region), two rows free
  const datenSpalte = FOERDERHOECHSTBETRAEGE.kopf.length + 2;

  const mitSockel = ergebnis.verfahren.sockelbetrag_eur > 0;
  const indikatoren = INDIKATOREN.filter((k) => ergebnis.verfahren.gewichte[k] > 0);
  const reihen = [...(mitSockel ? ["Sockelbetrag"] : []), ...indikatoren.map((k) => INDIKATOR[k].kurz)];
  const sortiert = [...ebene].sort(
    (a, b) =>
      b.foerderhoechstbetrag_eur! - a.foerderhoechstbetrag_eur! ||
      regionName(a).localeCompare(regionName(b), "de"),
  );
  const betraege = sortiert.slice(0, MAX_BALKEN);
  const stapel: Diagramm = {
    name: DIAGRAMM_NAMEN.foerderhoechstbetraege,
    blatt: FOERDERHOECHSTBETRAEGE.blatt,
    titel: `Förderhöchstbetrag ${ergebnis.foerderjahr} je Region nach Indikatoren (€)`,
    typ: "BarStacked",
    zeile: 1,
    spalte: datenSpalte,
    reihen,
    kategorien: betraege.map(regionName),
    werte: betraege.map((r) => [
      ...(mitSockel ? [r.sockelbetrag_eur ?? 0] : []),
      ...indikatoren.map((k) => r.betraege_je_indikator_eur[k] ?? 0),
    ]),
    farben: [...(mitSockel ? [FARBE.grau] : []), ...indikatoren.map((k) => INDIKATOR[k].farbe)],
    linien: 0,
    umgekehrt: true,
    platz: platzAb(stapelAb, zeilenFuer(betraege.length)),
    fussnote:
      betraege.length === 0
        ? "Keine Beträge berechnet – siehe Prüfbericht."
        : gekuerzt(sortiert.length, "Regionen (die höchsten Beträge)"),
  };

  const mitVorjahr = ebene.filter((r) => r.vorjahr_eur !== null);
  const aenderung = (r: RegionErgebnis) => cent(r.foerderhoechstbetrag_eur!) - cent(r.vorjahr_eur!);
  const nachAenderung = [...mitVorjahr].sort(
    (a, b) => aenderung(b) - aenderung(a) || regionName(a).localeCompare(regionName(b), "de"),
  );
  // More than MAX_BALKEN: the largest gains and the largest losses, in order.
  const gezeigt =
    nachAenderung.length > MAX_BALKEN
      ? [...nachAenderung.slice(0, MAX_BALKEN / 2), ...nachAenderung.slice(-MAX_BALKEN / 2)]
      : nachAenderung;
  const stapelBlock = diagrammZellen(stapel).length;
  const veraenderung: Diagramm = {
    name: DIAGRAMM_NAMEN.veraenderung,
    blatt: FOERDERHOECHSTBETRAEGE.blatt,
    titel: `Veränderung ${ergebnis.foerderjahr} zum Vorjahr je Region (€)`,
    typ: "BarClustered",
    zeile: stapelBlock + 2,
    spalte: datenSpalte,
    reihen: ["Veränderung zum Vorjahr"],
    kategorien: gezeigt.map(regionName),
    werte: gezeigt.map((r) => [euro(aenderung(r))]),
    farben: [FARBE.blau],
    linien: 0,
    umgekehrt: true,
    platz: platzAb(stapelAb + zeilenFuer(betraege.length) + 2, zeilenFuer(gezeigt.length)),
    fussnote:
      gezeigt.length === 0
        ? "Kein Vorjahresbetrag angegeben (Spalte „Vorjahresbetrag“ der Indikatoren)."
        : gekuerzt(nachAenderung.length, "Regionen (die größten Zu- und Abnahmen)"),
  };
  return [stapel, veraenderung];
}

const HF_KURZ = (hf: number | null) => (hf === null ? "ohne Handlungsfeld" : `HF ${hf}`);

/**
 * The Kreis's chart: Landesmittel, Eigenanteil and Drittmittel per Handlungsfeld and year, stacked,
 * with the Förderhöchstbetrag as a reference line. Rows whose amounts cannot be read are left out
 * and counted in the footnote.
 */
/**
 * The Finanzplan-Übersicht's first chart: each year's total Landesmittel as a column, against the
 * Förderhöchstbetrag and the rule set's share of the Bemessungsgrundlage (70 %) as lines — the two
 * limits the year must keep (F02, F01). A year at 125 % of the cap shows a column above the line.
 */
export function finanzplanJahresDiagramm(ergebnis: ValidationResponse): Diagramm {
  const grenze = REGELWERKE[ergebnis.regelwerk].grenzen.landesquote_max;
  const jahre = Object.values(ergebnis.summen).sort((a, b) => a.jahr - b.jahr);
  const mitFhb = jahre.length > 0 && jahre.every((j) => j.foerderhoechstbetrag_eur !== null);
  const quoteText = `${formatProzent(grenze)} der Bemessungsgrundlage`;
  const reihen = ["Landesmittel", ...(mitFhb ? ["Förderhöchstbetrag"] : []), quoteText];
  const fussnoten = [
    ...(jahre.length === 0 ? ["Keine Finanzplanzeile mit lesbaren Beträgen."] : []),
    ...(jahre.some((j) => !j.vollstaendig)
      ? ["Zeilen mit unlesbaren Beträgen fehlen in den Summen (F14)."]
      : []),
    ...(jahre.length > 0 && !mitFhb
      ? ["Kein Förderhöchstbetrag im Blatt Parameter: keine Linie dafür."]
      : []),
  ];
  return {
    name: DIAGRAMM_NAMEN.jahre,
    blatt: FINANZPLAN_UEBERSICHT.blatt,
    titel: `Landesmittel je Jahr gegen Förderhöchstbetrag und ${quoteText} (€)`,
    typ: "ColumnClustered",
    zeile: 1,
    spalte: 1,
    reihen,
    kategorien: jahre.map((j) => String(j.jahr)),
    werte: jahre.map((j) => [
      j.landesmittel_eur,
      ...(mitFhb ? [j.foerderhoechstbetrag_eur!] : []),
      euro(Math.floor(cent(j.bemessungsgrundlage_eur) * grenze + 1e-6)),
    ]),
    farben: [FARBE.blau, ...(mitFhb ? [FARBE.rot] : []), FARBE.grau],
    linien: mitFhb ? 2 : 1,
    umgekehrt: false,
    platz: { von: "H1", bis: "S20" },
    fussnote: fussnoten.length > 0 ? fussnoten.join(" ") : null,
  };
}

/** The rows the Übersicht's first block and its Ausschöpfung block take: where the next block may start. */
export function nachAusschoepfung(jahresDiagramm: Diagramm, jahre: number): number {
  return diagrammZellen(jahresDiagramm).length + 2 + 1 + jahre + 2;
}

/**
 * The Übersicht's second view: Landesmittel, Eigenanteil and Drittmittel per Handlungsfeld and year,
 * from row `zeile` (below the first chart's numbers and the Ausschöpfung). No limit line here: a cap
 * for the whole year drawn against the part of one Handlungsfeld would hide an overspend.
 */
export function finanzplanDiagramm(ergebnis: ValidationResponse, zeile = 1): Diagramm {
  const hfNachNr = new Map<string, number | null>();
  for (const m of ergebnis.zeilen.massnahmen)
    if (m.nr !== null && !hfNachNr.has(m.nr)) hfNachNr.set(m.nr, m.handlungsfeld);

  const gruppen = new Map<string, { jahr: number; hf: number | null; summen: [number, number, number] }>();
  let ausgelassen = 0;
  for (const z of ergebnis.zeilen.finanzplan) {
    if (
      z.jahr === null ||
      z.landesmittel_eur === null ||
      z.eigenanteil_eur === null ||
      z.drittmittel_eur === null
    ) {
      ausgelassen++;
      continue;
    }
    const hf = z.massnahme_nr === null ? null : (hfNachNr.get(z.massnahme_nr) ?? null);
    const schluessel = `${z.jahr}|${hf ?? 99}`;
    let g = gruppen.get(schluessel);
    if (!g) {
      g = { jahr: z.jahr, hf, summen: [0, 0, 0] };
      gruppen.set(schluessel, g);
    }
    g.summen[0] += cent(z.landesmittel_eur);
    g.summen[1] += cent(z.eigenanteil_eur);
    g.summen[2] += cent(z.drittmittel_eur);
  }
  const geordnet = [...gruppen.values()].sort((a, b) => a.jahr - b.jahr || (a.hf ?? 99) - (b.hf ?? 99));
  const reihen = ["Landesmittel", "Eigenanteil", "Drittmittel"];
  const fussnoten = [
    ...(geordnet.length === 0 ? ["Keine Finanzplanzeile mit lesbaren Beträgen."] : []),
    ...(ausgelassen > 0
      ? [
          `${ausgelassen} ${ausgelassen === 1 ? "Zeile" : "Zeilen"} des Finanzplans ohne Jahr oder mit unlesbaren Beträgen fehlen.`,
        ]
      : []),
  ];
  return {
    name: DIAGRAMM_NAMEN.finanzplan,
    blatt: FINANZPLAN_UEBERSICHT.blatt,
    titel: "Landesmittel, Eigenanteil und Drittmittel je Handlungsfeld und Jahr (€)",
    typ: "ColumnStacked",
    zeile,
    spalte: 1,
    reihen,
    kategorien: geordnet.map((g) => `${g.jahr} · ${HF_KURZ(g.hf)}`),
    werte: geordnet.map((g) => g.summen.map(euro)),
    farben: [FARBE.blau, FARBE.orange, FARBE.gruen],
    linien: 0,
    umgekehrt: false,
    platz: { von: "H22", bis: `S${22 + Math.max(24, geordnet.length + 12)}` },
    fussnote: fussnoten.length > 0 ? fussnoten.join(" ") : null,
  };
}

export interface Ausschoepfung {
  jahr: number;
  /** false when a row of this year has unreadable amounts: the sums are then too small. */
  vollstaendig: boolean;
  landesmittel_eur: number;
  foerderhoechstbetrag_eur: number | null;
  /** Landesmittel ÷ Förderhöchstbetrag. */
  anteil: number | null;
  landesquote: number | null;
  eigenanteilsquote: number | null;
  /** The rule set's limit for the Landesquote (0,7). */
  landesquote_max: number;
}

/** How much of the Förderhöchstbetrag the plan draws, per year, and its split of the Bemessungsgrundlage. */
export function ausschoepfung(ergebnis: ValidationResponse): Ausschoepfung[] {
  const grenze = REGELWERKE[ergebnis.regelwerk].grenzen.landesquote_max;
  return Object.values(ergebnis.summen)
    .sort((a, b) => a.jahr - b.jahr)
    .map((s) => ({
      jahr: s.jahr,
      vollstaendig: s.vollstaendig,
      landesmittel_eur: s.landesmittel_eur,
      foerderhoechstbetrag_eur: s.foerderhoechstbetrag_eur,
      anteil:
        s.foerderhoechstbetrag_eur === null || s.foerderhoechstbetrag_eur === 0
          ? null
          : cent(s.landesmittel_eur) / cent(s.foerderhoechstbetrag_eur),
      landesquote: s.landesquote,
      eigenanteilsquote: s.eigenanteilsquote,
      landesquote_max: grenze,
    }));
}

/** Whole percent, never rounded across the limit: 99,6 % → 99 %, 100,2 % → 101 %. */
export function ganzeProzent(anteil: number): number {
  return anteil > 1 ? Math.ceil(anteil * 100 - 1e-9) : Math.floor(anteil * 100 + 1e-9);
}

/** "Ausschöpfung 2019: 412.300 € von 445.785 € (92 %)". */
export function ausschoepfungText(a: Ausschoepfung, sprache: Sprache = "de"): string {
  const betrag = (euro: number) => formatEuroKurz(cent(euro), sprache);
  const prozent = a.anteil === null ? "" : ` (${ganzeProzent(a.anteil)}${sprache === "de" ? " %" : "%"})`;
  if (sprache === "en")
    return `Utilisation ${a.jahr}: ${betrag(a.landesmittel_eur)} ${a.foerderhoechstbetrag_eur === null ? "(no maximum grant given)" : `of ${betrag(a.foerderhoechstbetrag_eur)}`}${prozent}`;
  return `Ausschöpfung ${a.jahr}: ${betrag(a.landesmittel_eur)} ${a.foerderhoechstbetrag_eur === null ? "(kein Förderhöchstbetrag angegeben)" : `von ${betrag(a.foerderhoechstbetrag_eur)}`}${prozent}`;
}

/** The Finanzplan-Übersicht sheet below the chart's data block: the Ausschöpfung per year. */
export function ausschoepfungZellen(liste: readonly Ausschoepfung[]): (string | number)[][] {
  return [
    [...FINANZPLAN_UEBERSICHT.ausschoepfungKopf],
    ...liste.map((a) => [
      a.jahr,
      a.landesmittel_eur,
      a.foerderhoechstbetrag_eur ?? "",
      a.anteil ?? "",
      a.landesquote ?? "",
      a.eigenanteilsquote ?? "",
    ]),
  ];
}

/** The data block's row of series names. */
export function diagrammKopf(d: Diagramm): string {
  return `${zellAdresse(d.spalte, d.zeile + 1)}:${zellAdresse(d.spalte + d.reihen.length, d.zeile + 1)}`;
}

/** The data block's values (for number formats). */
export function diagrammWertSpalten(d: Diagramm): string {
  return `${spaltenBuchstabe(d.spalte + 1)}${d.zeile + 2}:${spaltenBuchstabe(d.spalte + d.reihen.length)}${d.zeile + 1 + Math.max(1, d.kategorien.length)}`;
}
