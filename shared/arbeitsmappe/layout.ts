/**
 * The standard workbook, defined once: sheets, Excel table names, column keys, German headers, types
 * and dropdown lists. The template generator, the add-in's gateway and the command-line tool all read
 * their layout from here. Column keys are the field names of the API (docs/vertrag.md).
 */
import {
  INDIKATOR,
  INDIKATOREN,
  gewichtSchluessel,
  type ErgebnisFormat,
  type GewichtSchluessel,
} from "../allocation/indikatoren";
import type { Region, RegionErgebnis } from "../allocation/schema";
import type {
  Begruendung,
  FinanzplanErgebnis,
  FinanzplanZeile,
  MassnahmeErgebnis,
  MassnahmeZeile,
} from "../pruefung/schema";
import type { Zellwert } from "./tabellen";
import { KREISE_THUERINGEN_2019 } from "../kreise";
import { REGELWERK_IDS } from "../regelwerke";
import { ARTEN, BESTANDSSCHUTZ_KATEGORIEN, HANDLUNGSFELDER, normiere } from "../pruefung/woerter";

export type Spaltentyp = "text" | "ganzzahl" | "zahl" | "euro" | "prozent" | "datum" | "jahr";

/** Excel number formats per column type (format codes are locale-independent). */
export const ZAHLENFORMATE: Record<Spaltentyp, string> = {
  text: "@",
  ganzzahl: "#,##0",
  zahl: "#,##0.00",
  euro: '#,##0.00 "€"',
  prozent: "0.0%",
  datum: "dd.mm.yyyy",
  jahr: "0",
};

export type ListenName = keyof typeof LISTEN;

/**
 * Parameter values as the ministry writes them in German; the API's keys (`summe_der_kreiswerte`,
 * `euro`) are still read, so older workbooks keep working.
 */
export const NORMIERUNG_WORT = {
  summe_der_kreiswerte: "Summe der Kreiswerte",
  bevoelkerungsgewichtet: "bevölkerungsgewichtet",
} as const;
export const RUNDUNG_WORT = { euro: "auf volle Euro", cent: "auf Cent" } as const;

/** The key for a value written as key or German word (case, spaces, umlauts ignored); null if neither. */
export function schluesselAusWort<K extends string>(woerter: Record<K, string>, text: string): K | null {
  const t = kopfSchluessel(text);
  for (const [k, w] of Object.entries(woerter) as [K, string][])
    if (kopfSchluessel(k) === t || kopfSchluessel(w) === t) return k;
  return null;
}

/**
 * Parameter rows older templates had and the tools no longer use: label → why. (The severity of the
 * 70 % rule per Maßnahme is the ministry's, part of the rule set, not the Kreis's to set.)
 */
export const ALTE_PARAMETER: Record<string, string> = {
  "Landesquote einer Maßnahme über 70 % ist":
    "wie schwer eine Regel wiegt, legt das Regelwerk des Ministeriums fest, nicht das Parameterblatt",
};

export interface Spalte<K extends string = string> {
  /** The API's field name: of the request row for an input column, of the result row for an output column. */
  schluessel: K;
  kopf: string;
  /** Other headers users write for this column (matched ignoring case, spaces and punctuation). */
  aliase?: readonly string[];
  typ: Spaltentyp;
  liste?: ListenName;
  /** A value is required in every row (the template marks the header). */
  pflicht?: boolean;
  /** The column may be missing from a workbook (older templates lack it); otherwise reading says it is. */
  optional?: boolean;
  /** An add-in-owned output column: written by the add-in and the CLI, never typed by the user. */
  ausgabe?: boolean;
  breite?: number;
  /** Shown as the header cell's note in the template. */
  hinweis?: string;
}

export interface TabellenDefinition<S extends Spalte = Spalte> {
  /** Sheet name (German, as the user sees it). */
  blatt: string;
  /** Excel table name (ListObject). */
  tabelle: string;
  spalten: readonly S[];
}

/**
 * A table tied to the API's row types: an input column's key is a field of the request row E, an
 * output column's key a field of the result row A (anything else is a type error), and `Fehlend`
 * names the fields of E without a column — `alleFelder` below makes that a type error too, unless the
 * field is listed as one only the API sends.
 */
type TabelleFuer<E, A = never> = TabellenDefinition<
  (Spalte<keyof E & string> & { ausgabe?: false }) | (Spalte<keyof A & string> & { ausgabe: true })
>;
type Eingabeschluessel<T> = T extends { spalten: readonly (infer S)[] }
  ? S extends { ausgabe: true }
    ? never
    : S extends { schluessel: infer K }
      ? K
      : never
  : never;
/** The request fields of E that table T has no input column for. */
type Fehlend<E, T> = Exclude<keyof E & string, Eingabeschluessel<T>>;
/** Compiles only when every field of the request row has a column or is named as API-only. */
function alleFelder<F extends string>(_: [F] extends [never] ? true : { ohneSpalte: F }): void {}

export const LISTEN = {
  handlungsfelder: (Object.entries(HANDLUNGSFELDER) as [string, string][]).map(
    ([nr, name]) => `${nr} – ${name}`,
  ),
  arten: [...ARTEN],
  traegerarten: [
    "gemeinnütziger Träger",
    "Verband der Wohlfahrtspflege",
    "kirchlicher Träger",
    "kreisangehörige Stadt/Gemeinde",
    "Landkreis",
    "kreisfreie Stadt",
  ],
  kategorien: [...BESTANDSSCHUTZ_KATEGORIEN],
  ja_nein: ["ja", "nein"],
  foerderstufen: ["1", "2", "3"],
  regelwerke: [...REGELWERK_IDS],
  normierungen: Object.values(NORMIERUNG_WORT),
  rundungen: Object.values(RUNDUNG_WORT),
  kreise: KREISE_THUERINGEN_2019.map((k) => k.name),
} as const;

/** The sheet holding the dropdown lists (Excel caps inline lists at 255 characters). */
export const LISTEN_BLATT = "Listen";

export const MASSNAHMEN = {
  blatt: "Maßnahmen",
  tabelle: "tblMassnahmen",
  spalten: [
    {
      schluessel: "nr",
      kopf: "Nr.",
      aliase: ["Nr", "Maßnahme-Nr.", "Maßnahme-Nr", "Nummer"],
      typ: "text",
      pflicht: true,
      breite: 8,
    },
    {
      schluessel: "titel",
      kopf: "Titel",
      aliase: ["Maßnahme", "Bezeichnung"],
      typ: "text",
      pflicht: true,
      breite: 40,
    },
    {
      schluessel: "handlungsfeld",
      kopf: "Handlungsfeld",
      aliase: ["HF"],
      typ: "text",
      liste: "handlungsfelder",
      pflicht: true,
      breite: 34,
    },
    { schluessel: "art", kopf: "Art", typ: "text", liste: "arten", pflicht: true, breite: 18 },
    {
      schluessel: "bestandsschutz_kategorie",
      kopf: "Bestandsschutz-Kategorie",
      aliase: ["Kategorie"],
      typ: "text",
      liste: "kategorien",
      breite: 28,
    },
    {
      schluessel: "landeszuwendung_2017",
      kopf: "Landesmittel 2017",
      aliase: ["Landeszuwendung 2017"],
      typ: "text",
      liste: "ja_nein",
      breite: 12,
      hinweis: "ja, wenn die Einrichtung 2017 Landesmittel erhielt (Voraussetzung für Bestandssicherung)",
    },
    { schluessel: "traeger", kopf: "Träger", typ: "text", pflicht: true, breite: 30 },
    {
      schluessel: "traegerart",
      kopf: "Trägerart",
      typ: "text",
      liste: "traegerarten",
      pflicht: true,
      breite: 26,
    },
    {
      schluessel: "gemeinnuetzig",
      optional: true,
      kopf: "Gemeinnützigkeit bestätigt",
      aliase: ["gemeinnützig"],
      typ: "text",
      liste: "ja_nein",
      breite: 12,
    },
    {
      schluessel: "sozialraum",
      optional: true,
      kopf: "Ort / Sozialraum",
      aliase: ["Ort", "Sozialraum"],
      typ: "text",
      breite: 20,
    },
    {
      schluessel: "beginn",
      kopf: "Beginn",
      typ: "text",
      pflicht: true,
      breite: 24,
      hinweis: "Datum (01.02.2019) oder Wortlaut des Plans: „ab zweitem Quartal 2019“, „fortlaufend“",
    },
    {
      schluessel: "ende",
      optional: true,
      kopf: "Ende",
      typ: "text",
      breite: 16,
      hinweis: "leer = bis zum Ende der Förderperiode",
    },
    { schluessel: "status", kopf: "Prüfung", typ: "text", ausgabe: true, breite: 12 },
    {
      schluessel: "landesmittel_eur",
      kopf: "Σ Landesmittel (berechnet)",
      typ: "euro",
      ausgabe: true,
      breite: 16,
    },
  ],
} satisfies TabelleFuer<MassnahmeZeile, MassnahmeErgebnis>;

export const FINANZPLAN = {
  blatt: "Finanzplan",
  tabelle: "tblFinanzplan",
  spalten: [
    {
      schluessel: "massnahme_nr",
      kopf: "Maßnahme-Nr.",
      aliase: ["Nr.", "Nr", "Maßnahme"],
      typ: "text",
      pflicht: true,
      breite: 10,
    },
    { schluessel: "jahr", kopf: "Jahr", aliase: ["Förderjahr"], typ: "jahr", pflicht: true, breite: 8 },
    { schluessel: "personalausgaben", kopf: "Personalausgaben", typ: "euro", breite: 15 },
    { schluessel: "sachausgaben", kopf: "Sachausgaben", typ: "euro", breite: 14 },
    { schluessel: "verwaltungsausgaben", kopf: "Verwaltungsausgaben", typ: "euro", breite: 14 },
    { schluessel: "honorarausgaben", kopf: "Honorarausgaben", typ: "euro", breite: 14 },
    {
      schluessel: "investitionen",
      kopf: "Investitionen",
      typ: "euro",
      breite: 14,
      hinweis: "nicht zuwendungsfähig",
    },
    { schluessel: "drittmittel", kopf: "Drittmittel", typ: "euro", breite: 14 },
    { schluessel: "eigenmittel_kreis", kopf: "Eigenmittel Kreis", typ: "euro", breite: 14 },
    { schluessel: "anteil_gemeinden", kopf: "Anteil Gemeinden", typ: "euro", breite: 14 },
    {
      schluessel: "landesmittel",
      kopf: "Landesmittel",
      aliase: ["beantragte Landesmittel"],
      typ: "euro",
      breite: 14,
    },
    {
      schluessel: "gesamtausgaben_eur",
      kopf: "Gesamtausgaben (berechnet)",
      typ: "euro",
      ausgabe: true,
      breite: 15,
    },
    {
      schluessel: "bemessungsgrundlage_eur",
      kopf: "Bemessungsgrundlage (berechnet)",
      typ: "euro",
      ausgabe: true,
      breite: 15,
    },
    { schluessel: "landesquote", kopf: "Landesquote (berechnet)", typ: "prozent", ausgabe: true, breite: 12 },
    {
      schluessel: "eigenanteil_eur",
      kopf: "Eigenanteil (berechnet)",
      typ: "euro",
      ausgabe: true,
      breite: 15,
    },
    { schluessel: "status", kopf: "Prüfung", typ: "text", ausgabe: true, breite: 12 },
  ],
} satisfies TabelleFuer<FinanzplanZeile, FinanzplanErgebnis>;

export const BEGRUENDUNGEN = {
  blatt: "Parameter",
  tabelle: "tblOhneMassnahme",
  spalten: [
    {
      schluessel: "handlungsfeld",
      kopf: "Handlungsfeld ohne Maßnahme",
      typ: "text",
      liste: "handlungsfelder",
      breite: 34,
    },
    { schluessel: "begruendung", kopf: "Begründung", typ: "text", breite: 60 },
  ],
} satisfies TabelleFuer<Begruendung>;

export const INDIKATOREN_TABELLE = {
  blatt: "Indikatoren",
  tabelle: "tblIndikatoren",
  spalten: [
    {
      schluessel: "schluessel",
      kopf: "Kreisschlüssel",
      aliase: ["Schlüssel", "AGS", "Regionalschlüssel", "Gemeindeschlüssel"],
      typ: "text",
      pflicht: true,
      breite: 12,
    },
    {
      schluessel: "name",
      kopf: "Name",
      aliase: ["Kreis", "Region"],
      optional: true,
      typ: "text",
      breite: 34,
    },
    { schluessel: "gehoert_zu", kopf: "gehört zu", optional: true, typ: "text", breite: 12 },
    { schluessel: "stichtag", kopf: "Stichtag", optional: true, typ: "datum", breite: 12 },
    { schluessel: "einwohner", kopf: "Einwohner", typ: "ganzzahl", pflicht: true, breite: 12 },
    { schluessel: "unter_20", kopf: "unter 20", optional: true, typ: "ganzzahl", breite: 10 },
    {
      schluessel: "von_20_bis_unter_65",
      optional: true,
      kopf: "20 bis unter 65",
      aliase: ["von 20 bis unter 65"],
      typ: "ganzzahl",
      breite: 12,
    },
    {
      schluessel: "ab_65",
      kopf: "65 und älter",
      aliase: ["ab 65"],
      optional: true,
      typ: "ganzzahl",
      breite: 10,
    },
    { schluessel: "mindestsicherung", kopf: "Mindestsicherung", optional: true, typ: "ganzzahl", breite: 14 },
    {
      schluessel: "flaeche_km2",
      optional: true,
      kopf: "Fläche (km²)",
      aliase: ["Fläche", "Fläche km2"],
      typ: "zahl",
      breite: 12,
    },
    { schluessel: "vorjahr_eur", kopf: "Vorjahresbetrag", optional: true, typ: "euro", breite: 14 },
  ],
} satisfies TabelleFuer<Region>;

interface ParameterZeile {
  schluessel: string;
  angabe: string;
  typ: Spaltentyp;
  liste?: ListenName;
  /** Who fills it: the Kreis (Finanzplan) or the ministry (allocation). */
  fuer: "kreis" | "ministerium" | "beide";
  hinweis?: string;
}

export const PARAMETER = {
  blatt: "Parameter",
  tabelle: "tblParameter",
  kopf: ["Angabe", "Wert"] as const,
  zeilen: [
    { schluessel: "foerderjahr", angabe: "Förderjahr", typ: "jahr", fuer: "beide" },
    {
      schluessel: "regelwerk",
      angabe: "Regelwerk",
      typ: "text",
      liste: "regelwerke",
      fuer: "beide",
      hinweis: "leer = das Regelwerk des Förderjahrs",
    },
    { schluessel: "kreis_schluessel", angabe: "Kreisschlüssel", typ: "text", fuer: "kreis" },
    { schluessel: "kreis_name", angabe: "Kreis", typ: "text", liste: "kreise", fuer: "kreis" },
    { schluessel: "foerderstufe", angabe: "Förderstufe", typ: "text", liste: "foerderstufen", fuer: "kreis" },
    { schluessel: "foerderhoechstbetrag_eur", angabe: "Förderhöchstbetrag (€)", typ: "euro", fuer: "kreis" },
    { schluessel: "fachplan_datum", angabe: "Datum des Fachplans", typ: "datum", fuer: "kreis" },
    { schluessel: "haushaltsmittel_eur", angabe: "Haushaltsmittel (€)", typ: "euro", fuer: "ministerium" },
    { schluessel: "stichtag", angabe: "Stichtag der Indikatoren", typ: "datum", fuer: "ministerium" },
    {
      schluessel: "normierung",
      angabe: "Normierung",
      typ: "text",
      liste: "normierungen",
      fuer: "ministerium",
      hinweis: `leer = ${NORMIERUNG_WORT.summe_der_kreiswerte}`,
    },
    ...INDIKATOREN.map((k): ParameterZeile & { schluessel: GewichtSchluessel } => ({
      schluessel: gewichtSchluessel(k),
      angabe: INDIKATOR[k].gewichtAngabe,
      typ: "prozent",
      fuer: "ministerium",
    })),
    {
      schluessel: "sockelbetrag_eur",
      angabe: "Sockelbetrag je Region (€)",
      typ: "euro",
      fuer: "ministerium",
    },
    {
      schluessel: "rundung",
      angabe: "Rundung",
      typ: "text",
      liste: "rundungen",
      fuer: "ministerium",
      hinweis: `leer = ${RUNDUNG_WORT.euro}`,
    },
  ] satisfies ParameterZeile[],
};

export type ParameterSchluessel = (typeof PARAMETER.zeilen)[number]["schluessel"];

/** Add-in-owned output sheets. */
export const PRUEFBERICHT = {
  blatt: "Prüfbericht",
  /** A1 of the summary page the sheet begins with. */
  titel: "Prüfbericht LSZ-Finanzplan",
  tabelle: "tblPruefbericht",
  kopf: ["Schwere", "Regel", "Meldung", "Blatt", "Zelle", "Regelwerk", "So beheben"] as const,
};

/**
 * The allocation's own report: the ministry's findings on the indicator table. Kept apart from the
 * Prüfbericht, so that computing the Förderhöchstbeträge never touches a Kreis's check or its seal.
 */
export const VERTEILUNGSBERICHT = {
  blatt: "Verteilungsbericht",
  kopf: PRUEFBERICHT.kopf,
};

/** A column of the Förderhöchstbeträge sheet: header, format and the value it shows of a region's result. */
interface ErgebnisSpalte {
  kopf: string;
  format: ErgebnisFormat | "text";
  wert(r: RegionErgebnis): Zellwert;
}

/** The Förderhöchstbeträge sheet's columns: the amounts, then per indicator its € part, value and share. */
export const ERGEBNIS_SPALTEN: readonly ErgebnisSpalte[] = [
  { kopf: "Kreisschlüssel", format: "text", wert: (r) => r.schluessel },
  { kopf: "Name", format: "text", wert: (r) => r.name },
  { kopf: "Förderhöchstbetrag (€)", format: "euro", wert: (r) => r.foerderhoechstbetrag_eur },
  { kopf: "Anteil gesamt", format: "anteil", wert: (r) => r.anteil_gesamt },
  { kopf: "Sockelbetrag (€)", format: "euro", wert: (r) => r.sockelbetrag_eur },
  ...INDIKATOREN.map((k): ErgebnisSpalte => ({
    kopf: `Betrag ${INDIKATOR[k].kurz} (€)`,
    format: "euro",
    wert: (r) => r.betraege_je_indikator_eur[k],
  })),
  { kopf: "Rundungsdifferenz (€)", format: "euro", wert: (r) => r.rundungsdifferenz_eur },
  ...INDIKATOREN.map((k): ErgebnisSpalte => ({
    kopf: INDIKATOR[k].wertKopf,
    format: INDIKATOR[k].wertFormat,
    wert: (r) => r.indikatoren[INDIKATOR[k].wert],
  })),
  ...INDIKATOREN.map((k): ErgebnisSpalte => ({
    kopf: `Anteil ${INDIKATOR[k].kurz}`,
    format: "anteil",
    wert: (r) => r.anteile[k],
  })),
  { kopf: "Veränderung zum Vorjahr", format: "veraenderung", wert: (r) => r.veraenderung_vorjahr },
];

/** The result sheet's number formats: the input columns' where they are the same, finer shares. */
const ERGEBNIS_FORMATE = {
  euro: ZAHLENFORMATE.euro,
  ganzzahl: ZAHLENFORMATE.ganzzahl,
  anteil: "0.0000%",
  quote: "0.00%",
  dezimal3: "0.000",
  dezimal6: "0.000000",
  veraenderung: ZAHLENFORMATE.prozent,
} as const satisfies Record<ErgebnisFormat, string>;

/** A column's Excel number format. */
export const ergebnisFormat = (s: ErgebnisSpalte) =>
  s.format === "text" ? ZAHLENFORMATE.text : ERGEBNIS_FORMATE[s.format];

export const FOERDERHOECHSTBETRAEGE = {
  blatt: "Förderhöchstbeträge",
  tabelle: "tblFoerderhoechstbetraege",
  kopf: ERGEBNIS_SPALTEN.map((s) => s.kopf),
};

/** The Kreis workbook's add-in sheet for the Finanzplan chart, its numbers and the Ausschöpfung per year. */
export const FINANZPLAN_UEBERSICHT = {
  blatt: "Finanzplan-Übersicht",
  ausschoepfungKopf: [
    "Jahr",
    "Landesmittel (€)",
    "Förderhöchstbetrag (€)",
    "Ausschöpfung",
    "Landesquote",
    "Eigenanteilsquote",
  ] as const,
};

export const ANLEITUNG_BLATT = "Anleitung";

/** The seal's data: a hidden, protected sheet of the add-in (label column A, value column B). */
export const SIEGEL_BLATT = { blatt: "LSZ-Siegel" } as const;

/**
 * Points → Excel's character width (Calibri 11: a digit is 7 px wide, 5 px padding; 1 pt = 4/3 px),
 * as Excel stores it in the file: Truncate(((px − 5) / 7) × 100 + 0.5) / 100.
 */
export function zeichenbreite(punkte: number): number {
  const px = (punkte * 4) / 3;
  return Math.trunc(((px - 5) / 7) * 100 + 0.5) / 100;
}

/**
 * The sheets the add-in (and lsz) own. Each is marked by a hidden workbook-scoped name that points at
 * its A1: the add-in clears only marked sheets, follows a rename, and leaves a user's own sheet of the
 * same name alone (it then takes a free name such as „Prüfbericht (2)“). `erkennung` recognises a
 * sheet written before the marks existed (header row or caption), so it is taken over, not duplicated.
 */
export const EIGENE_BLAETTER = {
  pruefbericht: {
    blatt: PRUEFBERICHT.blatt,
    marke: "LSZ_Blatt_Pruefbericht",
    // Its summary's title; or, as written before the summary existed, the first six headers.
    erkennung: [PRUEFBERICHT.titel, PRUEFBERICHT.kopf.slice(0, 6).join("|")],
  },
  siegel: {
    blatt: SIEGEL_BLATT.blatt,
    marke: "LSZ_Blatt_Siegel",
    erkennung: ["Prüfsiegel"],
  },
  verteilungsbericht: {
    blatt: VERTEILUNGSBERICHT.blatt,
    marke: "LSZ_Blatt_Verteilungsbericht",
    erkennung: [VERTEILUNGSBERICHT.kopf.slice(0, 6).join("|")],
  },
  foerderhoechstbetraege: {
    blatt: FOERDERHOECHSTBETRAEGE.blatt,
    marke: "LSZ_Blatt_Foerderhoechstbetraege",
    erkennung: [FOERDERHOECHSTBETRAEGE.kopf.slice(0, 6).join("|")],
  },
  uebersicht: {
    blatt: FINANZPLAN_UEBERSICHT.blatt,
    marke: "LSZ_Blatt_Finanzplan_Uebersicht",
    erkennung: ["Diagrammdaten"],
  },
} as const;

export type EigenesBlatt = keyof typeof EIGENE_BLAETTER;

/** The add-in's sheet kind a layout sheet name stands for (charts and findings name the layout's sheet). */
export function eigenesBlattFuer(blatt: string): EigenesBlatt | undefined {
  return (Object.keys(EIGENE_BLAETTER) as EigenesBlatt[]).find((a) => EIGENE_BLAETTER[a].blatt === blatt);
}

/**
 * Whether row 1 of a same-named sheet shows it as the add-in's: one of `erkennung` is its first cells
 * joined by | (as many as the pattern has), or — for a single word — the start of A1.
 */
export function istEigenesBlatt(art: EigenesBlatt, ersteZeile: readonly unknown[]): boolean {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return EIGENE_BLAETTER[art].erkennung.some((e) => {
    const teile = e.split("|");
    const zeile = ersteZeile.slice(0, teile.length).map(text).join("|");
    return teile.length === 1 ? zeile.startsWith(e) : zeile === e;
  });
}

/**
 * A sheet name not yet taken (Excel compares sheet names ignoring case; at most 31 characters):
 * „Prüfbericht“, else „Prüfbericht (2)“, „Prüfbericht (3)“, …
 */
export function freierBlattname(wunsch: string, vorhanden: Iterable<string>): string {
  const belegt = new Set([...vorhanden].map((n) => n.toLocaleLowerCase("de")));
  if (!belegt.has(wunsch.toLocaleLowerCase("de"))) return wunsch;
  for (let i = 2; ; i++) {
    const zusatz = ` (${i})`;
    const name = wunsch.slice(0, 31 - zusatz.length) + zusatz;
    if (!belegt.has(name.toLocaleLowerCase("de"))) return name;
  }
}

/** The sheet a marker name points at, from its value („'Prüfbericht'!$A$1“); null for #REF! and other values. */
export function blattAusBezug(bezug: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Z]+\$?\d+/.exec(bezug.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/** Headers compared ignoring case, umlauts, spaces, dots, dashes and brackets: "Maßnahme-Nr." = "massnahme nr". */
export function kopfSchluessel(text: string): string {
  return normiere(text).replace(/[^a-z0-9²σ]/g, "");
}

/**
 * Finanzplan request fields the template has no column for, with the name a message gives them: other
 * tools send typed sums through the API.
 */
export const NUR_API_FINANZPLAN = {
  gesamtausgaben: "Gesamtausgaben",
  bemessungsgrundlage: "Bemessungsgrundlage",
} as const;

/**
 * Request fields the template has no column for: other tools send them through the API (a Finanzplan
 * with typed sums, a region table with the Mindestsicherung's parts or typed derived values).
 */
interface NurApi {
  finanzplan: keyof typeof NUR_API_FINANZPLAN;
  indikatoren:
    | "mindestsicherung_sgb2"
    | "mindestsicherung_hlu"
    | "mindestsicherung_grundsicherung"
    | "mindestsicherung_asylblg"
    | "km2_je_einwohner_angegeben"
    | "mindestsicherungsquote_angegeben"
    | "abhaengigenquotient_angegeben";
}

// Every request field has its column or is named in NurApi: a new schema field without either is a
// type error on these lines.
alleFelder<Fehlend<MassnahmeZeile, typeof MASSNAHMEN>>(true);
alleFelder<Exclude<Fehlend<FinanzplanZeile, typeof FINANZPLAN>, NurApi["finanzplan"]>>(true);
alleFelder<Fehlend<Begruendung, typeof BEGRUENDUNGEN>>(true);
alleFelder<Exclude<Fehlend<Region, typeof INDIKATOREN_TABELLE>, NurApi["indikatoren"]>>(true);

type SchluesselVon<S> = S extends { schluessel: infer K } ? K : never;

/** The input columns of a table (a column without `ausgabe: true`). */
export type Eingabespalte<T> = T extends { spalten: readonly (infer S)[] }
  ? Exclude<S, { ausgabe: true }>
  : never;

/**
 * The amount fields: the Finanzplan's input columns in euro, in column order. A new euro column is a
 * Betragsfeld at once, so every `Record<Betragsfeld, …>` (the reader's roles in pruefung/lesen.ts)
 * is a type error until it has its entry; its name is its header.
 */
export type BetragsfeldVon<T> = SchluesselVon<Extract<Eingabespalte<T>, { typ: "euro" }>>;
export type Betragsfeld = BetragsfeldVon<typeof FINANZPLAN>;
export const BETRAGSFELDER: readonly Betragsfeld[] = FINANZPLAN.spalten.flatMap((s) =>
  s.typ === "euro" && !("ausgabe" in s && s.ausgabe) ? [s.schluessel as Betragsfeld] : [],
);

/** A Finanzplan field as a message names it: its column's header, or its name if only the API sends it. */
export const FINANZPLAN_FELDNAME = {
  ...Object.fromEntries(
    FINANZPLAN.spalten.filter((s) => !("ausgabe" in s && s.ausgabe)).map((s) => [s.schluessel, s.kopf]),
  ),
  ...NUR_API_FINANZPLAN,
} as Record<Eingabeschluessel<typeof FINANZPLAN> | keyof typeof NUR_API_FINANZPLAN, string>;

/** The Maßnahmen fields every row must fill: the columns the layout marks `pflicht`, in column order. */
export type PflichtfeldVon<T> = SchluesselVon<Extract<Eingabespalte<T>, { pflicht: true }>>;
export type MassnahmePflichtfeld = PflichtfeldVon<typeof MASSNAHMEN>;
export const MASSNAHME_PFLICHTFELDER = MASSNAHMEN.spalten.flatMap((s) =>
  "pflicht" in s && s.pflicht ? [{ feld: s.schluessel as MassnahmePflichtfeld, kopf: s.kopf }] : [],
);
