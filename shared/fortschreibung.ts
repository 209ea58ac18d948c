/**
 * The plan's memory: two versions of a plan compared (last year's approved plan and this year's
 * Fortschreibung, or the version before and after a correction). Measures matched by Nr, Finanzplan
 * rows by Nr and Jahr; what cannot be matched (no Nr, a Nr twice) is named, never guessed.
 */
import { FINANZPLAN_FELDER, MASSNAHME_FELDER, type ValidationRequest } from "./pruefung/schema";
import { liesArt, liesBestandsschutzKategorie } from "./pruefung/woerter";
import { siegelWerte } from "./siegel";
import type { SiegelWert } from "./siegel-schema";

export interface MassnahmeKurz {
  nr: string;
  titel: string;
  bestandsschutz: boolean;
}

export interface FeldAenderung {
  nr: string;
  feld: string;
  vorher: SiegelWert;
  nachher: SiegelWert;
}

/** Landesmittel and Gesamtausgaben of one measure in one year, in cents (null: no row). */
export interface BetragAenderung {
  nr: string;
  jahr: number | string;
  landesmittel: [number | null, number | null];
  gesamtausgaben: [number | null, number | null];
}

export interface Vergleich {
  neu: MassnahmeKurz[];
  entfallen: MassnahmeKurz[];
  geaendert: FeldAenderung[];
  betraege: BetragAenderung[];
  /** Per year: Σ Landesmittel and Σ Gesamtausgaben before and after, in cents. */
  summen: { jahr: number | string; landesmittel: [number, number]; gesamtausgaben: [number, number] }[];
  /** Rows that could not be matched, with why („Finanzplan Zeile 7 (neu): ohne Nr.“). */
  nichtZugeordnet: string[];
}

type Zeile = readonly SiegelWert[];
const M = (f: (typeof MASSNAHME_FELDER)[number]) => MASSNAHME_FELDER.indexOf(f);
const F = (f: (typeof FINANZPLAN_FELDER)[number]) => FINANZPLAN_FELDER.indexOf(f);
const LM = F("landesmittel");
/** Gesamtausgaben as the core sums them: the four eligible expense kinds and Investitionen. */
const AUSGABEN = (
  ["personalausgaben", "sachausgaben", "verwaltungsausgaben", "honorarausgaben", "investitionen"] as const
).map(F);
const cent = (v: SiegelWert | undefined) => (typeof v === "number" ? v : 0);
const ausgaben = (z: Zeile) => AUSGABEN.reduce((s, i) => s + cent(z[i]), 0);

/** Rows by key; a key missing or seen twice (on either side) goes to `offen` and out of the comparison. */
function beideSeiten(
  alt: readonly Zeile[],
  neu: readonly Zeile[],
  schluessel: (z: Zeile) => string | null,
  name: string,
  offen: string[],
): [Map<string, Zeile>, Map<string, Zeile>] {
  const doppelt = new Set<string>();
  const karte = (zeilen: readonly Zeile[], seite: string) => {
    const k = new Map<string, Zeile>();
    zeilen.forEach((z, i) => {
      const s = schluessel(z);
      if (s === null) offen.push(`${name} (${seite}) Zeile ${i + 1} der Tabelle: ohne Nr.`);
      else if (k.has(s)) {
        if (!doppelt.has(s))
          offen.push(`${name} (${seite}): ${s.replace("\u0000", " / ")} mehrfach – nicht verglichen`);
        doppelt.add(s);
      } else k.set(s, z);
    });
    return k;
  };
  const a = karte(alt, "alt");
  const n = karte(neu, "neu");
  for (const s of doppelt) {
    a.delete(s);
    n.delete(s);
  }
  return [a, n];
}

const kurz = (z: Zeile): MassnahmeKurz => ({
  nr: String(z[M("nr")]),
  titel: String(z[M("titel")] ?? ""),
  bestandsschutz:
    liesArt(z[M("art")]) === "Bestandssicherung" ||
    liesBestandsschutzKategorie(z[M("bestandsschutz_kategorie")]) !== null,
});

function massnahmen(alt: readonly Zeile[], neu: readonly Zeile[], offen: string[]) {
  const nr = (z: Zeile) => (z[M("nr")] === null ? null : String(z[M("nr")]));
  const [a, n] = beideSeiten(alt, neu, nr, "Maßnahmen", offen);
  const geaendert: FeldAenderung[] = [];
  for (const [k, za] of a) {
    const zn = n.get(k);
    if (zn)
      MASSNAHME_FELDER.forEach((f, i) => {
        if ((za[i] ?? null) !== (zn[i] ?? null))
          geaendert.push({ nr: k, feld: f, vorher: za[i] ?? null, nachher: zn[i] ?? null });
      });
  }
  return {
    neu: [...n].filter(([k]) => !a.has(k)).map(([, z]) => kurz(z)),
    entfallen: [...a].filter(([k]) => !n.has(k)).map(([, z]) => kurz(z)),
    geaendert,
  };
}

function finanzplan(alt: readonly Zeile[], neu: readonly Zeile[], offen: string[]): BetragAenderung[] {
  const schluessel = (z: Zeile) =>
    z[0] === null || z[1] === null ? null : `${String(z[0])}\u0000${String(z[1])}`;
  const [a, n] = beideSeiten(alt, neu, schluessel, "Finanzplan", offen);
  const gesamt = (z: Zeile | undefined) => (z ? ausgaben(z) : null);
  const aus: BetragAenderung[] = [];
  for (const k of new Set([...a.keys(), ...n.keys()])) {
    const za = a.get(k);
    const zn = n.get(k);
    const lm: [number | null, number | null] = [za ? cent(za[LM]) : null, zn ? cent(zn[LM]) : null];
    const ga: [number | null, number | null] = [gesamt(za), gesamt(zn)];
    if (lm[0] === lm[1] && ga[0] === ga[1]) continue;
    const [nr, jahr] = k.split("\u0000") as [string, string];
    aus.push({
      nr,
      jahr: Number.isNaN(Number(jahr)) ? jahr : Number(jahr),
      landesmittel: lm,
      gesamtausgaben: ga,
    });
  }
  return aus;
}

function summen(alt: readonly Zeile[], neu: readonly Zeile[]): Vergleich["summen"] {
  const jahre = new Map<string, Vergleich["summen"][number]>();
  const addiere = (zeilen: readonly Zeile[], seite: 0 | 1) => {
    for (const z of zeilen) {
      if (z[1] === null) continue;
      const k = String(z[1]);
      const s = jahre.get(k) ?? {
        jahr: typeof z[1] === "number" ? z[1] : k,
        landesmittel: [0, 0],
        gesamtausgaben: [0, 0],
      };
      s.landesmittel[seite] += cent(z[LM]);
      s.gesamtausgaben[seite] += ausgaben(z);
      jahre.set(k, s);
    }
  };
  addiere(alt, 0);
  addiere(neu, 1);
  return [...jahre.values()].sort((x, y) => String(x.jahr).localeCompare(String(y.jahr)));
}

/** Two versions of a plan compared: measures new, dropped and changed; amounts per measure and year; totals per year. */
export function vergleichePlaene(alt: ValidationRequest, neu: ValidationRequest): Vergleich {
  const a = siegelWerte(alt);
  const n = siegelWerte(neu);
  const nichtZugeordnet: string[] = [];
  return {
    ...massnahmen(a.massnahmen, n.massnahmen, nichtZugeordnet),
    betraege: finanzplan(a.finanzplan, n.finanzplan, nichtZugeordnet),
    summen: summen(a.finanzplan, n.finanzplan),
    nichtZugeordnet,
  };
}
