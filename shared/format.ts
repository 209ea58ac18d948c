/**
 * De-DE (and en-US) formatting for messages: `445.785,00 €`, `74,3 %`, `106.675`.
 */
import type { Cent } from "./geld";
import { merke } from "./merken";

export type Sprache = "de" | "en";

const LOCALE: Record<Sprache, string> = { de: "de-DE", en: "en-US" };

const ganzzahl = {
  de: new Intl.NumberFormat(LOCALE.de, { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(LOCALE.en, { maximumFractionDigits: 0 }),
};

/**
 * Whole euros with thousands separators, as Intl.NumberFormat writes them (`1.234.567` / `1,234,567`),
 * by hand: Intl's format was a twentieth of a typical plan's validation (findings quote amounts).
 */
function gruppiert(euro: number, sprache: Sprache): string {
  if (!Number.isSafeInteger(euro) || euro < 0) return ganzzahl[sprache].format(euro);
  const ziffern = String(euro);
  const trenner = sprache === "de" ? "." : ",";
  let aus = ziffern.slice(0, ((ziffern.length - 1) % 3) + 1);
  for (let i = aus.length; i < ziffern.length; i += 3) aus += trenner + ziffern.slice(i, i + 3);
  return aus;
}

/** An amount in cents as `1.234,56 €` (de) or `€1,234.56` (en); exact, no float formatting. */
export function formatEuro(cent: Cent, sprache: Sprache = "de"): string {
  const negativ = cent < 0;
  const betrag = Math.abs(Math.round(cent));
  const euro = Math.floor(betrag / 100);
  const rest = String(betrag % 100).padStart(2, "0");
  const zahl = `${negativ ? "-" : ""}${gruppiert(euro, sprache)}${sprache === "de" ? "," : "."}${rest}`;
  return sprache === "de" ? `${zahl} €` : `€${zahl}`;
}

/** Like formatEuro, without ",00" for whole euros: `412.300 €`, `412.300,50 €` (for compact displays). */
export function formatEuroKurz(cent: Cent, sprache: Sprache = "de"): string {
  const voll = formatEuro(cent, sprache);
  return Math.round(cent) % 100 === 0
    ? voll.replace(sprache === "de" ? /,00 €$/ : /\.00$/, sprache === "de" ? " €" : "")
    : voll;
}

/** Intl formatters are costly to build: one per language and number of decimals, kept. */
const formate = new Map<string, Intl.NumberFormat>();
function zahlFormat(sprache: Sprache, stellen: number): Intl.NumberFormat {
  const s = Math.min(20, Math.max(0, Math.floor(stellen)));
  const schluessel = `${sprache}:${s}`;
  let f = formate.get(schluessel);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[sprache], { maximumFractionDigits: s });
    formate.set(schluessel, f);
  }
  return f;
}

/** A ratio as percent with up to `stellen` decimals: 0.743 → `74,3 %`; 0.7 → `70 %`. */
export function formatProzent(anteil: number, sprache: Sprache = "de", stellen = 2): string {
  // The rule set's limits (70 %, 30 %) are written into many messages of one check: each kept once.
  // Intl writes -0 as „-0“, which a Map would take for 0: not kept.
  if (sprache === "de" && stellen === 2 && !Object.is(anteil, -0)) return prozentDe(anteil);
  return prozentText(anteil, sprache, stellen);
}
function prozentText(anteil: number, sprache: Sprache, stellen: number): string {
  const text = zahlFormat(sprache, stellen).format(anteil * 100);
  return sprache === "de" ? `${text} %` : `${text}%`;
}
const prozentDe = merke((anteil: number) => prozentText(anteil, "de", 2), 256);

/** A plain number with grouping and up to `stellen` decimals. */
export function formatZahl(zahl: number, sprache: Sprache = "de", stellen = 2): string {
  return zahlFormat(sprache, stellen).format(zahl);
}

/** An ISO date (2019-02-01) as 01.02.2019 (de) or 2019-02-01 (en). */
export function formatDatum(iso: string, sprache: Sprache = "de"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || sprache === "en") return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** "1 Warnung", "2 Warnungen", "0 Hinweise": a count with the right German (or English) noun. */
export function anzahlText(anzahl: number, einzahl: string, mehrzahl: string): string {
  return `${anzahl} ${anzahl === 1 ? einzahl : mehrzahl}`;
}

/**
 * A ratio as percent with as many decimals as it takes to differ from the limit it is compared with:
 * never „70 % über 70 %“. 0.7401 against 0.7 → `74 %`… `74,01 %`; 0.70004 → `70,004 %`.
 */
export function formatProzentGegen(anteil: number, grenze: number, sprache: Sprache = "de"): string {
  const grenzText = formatProzent(grenze, sprache, 6);
  for (let stellen = 1; stellen <= 8; stellen++) {
    const text = formatProzent(anteil, sprache, stellen);
    if (text !== grenzText) return text;
  }
  return formatProzent(anteil, sprache, 10);
}

/**
 * Whole percentages of shares that add up as the shares do: each rounded down, then the points still
 * missing to the rounded total go to the largest remainders (Hamilton). 69,5 % + 30,5 % shows 70 % +
 * 30 %, not 70 % + 31 % = 101 %.
 */
export function ganzeProzenteDieAufgehen(anteile: readonly number[]): number[] {
  const roh = anteile.map((a) => a * 100);
  const unten = roh.map((x) => Math.floor(x + 1e-9));
  const ziel = Math.round(roh.reduce((a, b) => a + b, 0));
  const reihenfolge = roh.map((x, i) => [x - unten[i]!, i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; k < ziel - unten.reduce((a, b) => a + b, 0) && k < reihenfolge.length; k++)
    unten[reihenfolge[k]![1]]!++;
  return unten;
}
