/**
 * The allocation's indicators, one record each (docs/fachlich.md, "State → Kreis"): what it is called
 * in findings, headers, charts and the Parameter sheet, which counts it needs, the value per region the
 * result shows, its chart colour, and its arithmetic (what it puts into a region's share). The request
 * and response schemas, the result columns, the chart series, the Parameter rows, the number formats
 * and the CLI's `--gewichte` all derive from here: a fifth indicator is one entry (and, if it needs a
 * new count or derived value, that count and value), and the type checker names every other place.
 */
import { FARBE } from "../farben";
import type { Zaehlfeld, Zaehlwerte } from "./zaehlwerte";

/** The values per region the indicators are computed from (the result shows them). */
export interface Indikatorwerte {
  einwohner: number | null;
  jugendquotient: number | null;
  altenquotient: number | null;
  abhaengigenquotient: number | null;
  mindestsicherungsquote: number | null;
  km2_je_einwohner: number | null;
}

export const INDIKATORWERTE = [
  "einwohner",
  "jugendquotient",
  "altenquotient",
  "abhaengigenquotient",
  "mindestsicherungsquote",
  "km2_je_einwohner",
] as const satisfies readonly (keyof Indikatorwerte)[];

export function berechneIndikatoren(w: Zaehlwerte): Indikatorwerte {
  const {
    einwohner: e,
    unter_20: u,
    von_20_bis_unter_65: m,
    ab_65: a,
    mindestsicherung: ms,
    flaeche_km2: f,
  } = w;
  const teile = (x: number | null, y: number | null) => (x !== null && y !== null && y > 0 ? x / y : null);
  return {
    einwohner: e,
    jugendquotient: teile(u, m),
    altenquotient: teile(a, m),
    abhaengigenquotient: u !== null && a !== null ? teile(u + a, m) : null,
    mindestsicherungsquote: teile(ms, e),
    km2_je_einwohner: teile(f, e),
  };
}

export const NORMIERUNGEN = ["summe_der_kreiswerte", "bevoelkerungsgewichtet"] as const;
export type Normierung = (typeof NORMIERUNGEN)[number];

/** How a column of numbers is shown in the result sheet (the Excel codes are in the layout). */
export type ErgebnisFormat =
  "euro" | "anteil" | "ganzzahl" | "quote" | "dezimal3" | "dezimal6" | "veraenderung";

interface IndikatorDefinition {
  /** In findings: „gebraucht für Bevölkerungszahl“. */
  name: string;
  /** In headers („Betrag … (€)“, „Anteil …“), chart series and the CLI's table. */
  kurz: string;
  /** The Parameter sheet's label of its weight (also in messages about it). */
  gewichtAngabe: string;
  /** The counts it needs, the last one named when the indicator is 0 everywhere. */
  benoetigt: readonly [Zaehlfeld, ...Zaehlfeld[]];
  /** Its value per region as the result shows it, with header and format. */
  wert: keyof Indikatorwerte;
  wertKopf: string;
  wertFormat: ErgebnisFormat;
  /** Chart colour (one of the palette's). */
  farbe: string;
  /** What it puts into a region's share: the Kreis's own value, or value × Einwohner. */
  basiswert(w: Zaehlwerte, ind: Indikatorwerte, normierung: Normierung): number | null;
}

/**
 * An indicator that is a share per inhabitant: under „Summe der Kreiswerte“ the Kreis's own quota, under
 * „bevölkerungsgewichtet“ its count (quota × Einwohner).
 */
const quoteOderAnzahl =
  (quote: keyof Indikatorwerte, anzahl: Zaehlfeld): IndikatorDefinition["basiswert"] =>
  (w, ind, normierung) =>
    w.einwohner === null ? null : normierung === "summe_der_kreiswerte" ? ind[quote] : w[anzahl];

export const INDIKATOR = {
  bevoelkerung: {
    name: "Bevölkerungszahl",
    kurz: "Bevölkerung",
    gewichtAngabe: "Gewicht Bevölkerung",
    benoetigt: ["einwohner"],
    wert: "einwohner",
    wertKopf: "Einwohner",
    wertFormat: "ganzzahl",
    farbe: FARBE.blau,
    basiswert: (w) => w.einwohner, // the population share under both readings
  },
  abhaengigenquotient: {
    name: "Abhängigenquotient",
    kurz: "Abhängigenquotient",
    gewichtAngabe: "Gewicht Abhängigenquotient",
    benoetigt: ["einwohner", "unter_20", "von_20_bis_unter_65", "ab_65"],
    wert: "abhaengigenquotient",
    wertKopf: "Abhängigenquotient",
    wertFormat: "dezimal3",
    farbe: FARBE.orange,
    basiswert: (w, ind, normierung) =>
      w.einwohner === null || ind.abhaengigenquotient === null
        ? null
        : normierung === "summe_der_kreiswerte"
          ? ind.abhaengigenquotient
          : ind.abhaengigenquotient * w.einwohner,
  },
  mindestsicherung: {
    name: "Mindestsicherung",
    kurz: "Mindestsicherung",
    gewichtAngabe: "Gewicht Mindestsicherung",
    benoetigt: ["einwohner", "mindestsicherung"],
    wert: "mindestsicherungsquote",
    wertKopf: "Mindestsicherungsquote",
    wertFormat: "quote",
    farbe: FARBE.gruen,
    basiswert: quoteOderAnzahl("mindestsicherungsquote", "mindestsicherung"),
  },
  inverse_dichte: {
    name: "inverse Bevölkerungsdichte",
    kurz: "inverse Dichte",
    gewichtAngabe: "Gewicht inverse Bevölkerungsdichte",
    benoetigt: ["einwohner", "flaeche_km2"],
    wert: "km2_je_einwohner",
    wertKopf: "km² je Einwohner",
    wertFormat: "dezimal6",
    farbe: FARBE.lila,
    basiswert: quoteOderAnzahl("km2_je_einwohner", "flaeche_km2"),
  },
} as const satisfies Record<string, IndikatorDefinition>;

export type Indikator = keyof typeof INDIKATOR;
export const INDIKATOREN = Object.keys(INDIKATOR) as readonly Indikator[] as readonly [
  Indikator,
  ...Indikator[],
];

/** A record with one entry per indicator, built from a function of the indicator. */
export function jeIndikator<T>(f: (k: Indikator) => T): Record<Indikator, T> {
  const r = {} as Record<Indikator, T>;
  for (const k of INDIKATOREN) r[k] = f(k); // a loop, not fromEntries: it runs per region
  return r;
}

/** The Parameter sheet's key of an indicator's weight. */
export type GewichtSchluessel = `gewicht_${Indikator}`;
export const gewichtSchluessel = (k: Indikator): GewichtSchluessel => `gewicht_${k}`;
