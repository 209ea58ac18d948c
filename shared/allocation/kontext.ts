/**
 * What every allocation rule sees (as the Kontext of the Finanzplan rules): the request with its
 * settings, the rule set, the region hierarchy, the counts as read and as effective (a parent's from its
 * children), the indicator values and each leaf's share per indicator. Building it decides nothing and
 * reports nothing: the rules (./regeln.ts) do.
 */
import type { Befund } from "../befund";
import { euroZuCent, liesBetrag, type Cent } from "../geld";
import type { RegelCode } from "../regeln/katalog";
import { REGELWERKE, regelwerkFuerJahr, type Regelwerk } from "../regelwerke";
import { baueHierarchie, type Hierarchie } from "./hierarchie";
import { INDIKATOR, INDIKATOREN, berechneIndikatoren, jeIndikator, type Indikatorwerte } from "./indikatoren";
import type { AllocationRequest, Indikator, Region, VerfahrenErgebnis } from "./schema";
import { ZAEHLFELD_LISTE, liesZaehlwerte, type GeleseneRegion, type Zaehlwerte } from "./zaehlwerte";

export const STANDARD_VERFAHREN: VerfahrenErgebnis = {
  normierung: "summe_der_kreiswerte",
  gewichte: jeIndikator(() => 1 / INDIKATOREN.length),
  sockelbetrag_eur: 0,
  rundung: "euro",
};

export function verfahrenMitStandards(verfahren: AllocationRequest["verfahren"]): VerfahrenErgebnis {
  const g = verfahren?.gewichte;
  return {
    normierung: verfahren?.normierung ?? STANDARD_VERFAHREN.normierung,
    // Weights left out entirely: equal parts (4 × 25 %). A weight left out of a given set: 0.
    gewichte: g ? jeIndikator((k) => g[k] ?? 0) : { ...STANDARD_VERFAHREN.gewichte },
    sockelbetrag_eur: verfahren?.sockelbetrag_eur ?? 0,
    rundung: verfahren?.rundung ?? "euro",
  };
}

type Anteile = Record<Indikator, number | null>;

export interface Verteilkontext {
  anfrage: AllocationRequest;
  regelwerk: Regelwerk;
  ebene: NonNullable<AllocationRequest["ebene"]>;
  verfahren: VerfahrenErgebnis;
  regionen: readonly Region[];
  /** The rounding unit in cents (100 for whole euros). */
  einheit: Cent;
  haushaltCent: Cent | null;
  sockelCent: Cent | null;
  /** 31.12. of the year before last (ISO). */
  stichtagSoll: string;
  hierarchie: Hierarchie;
  istBlatt: boolean[];
  /** Every child before its parent. */
  reihenfolge: number[];
  /** The leaves in key order: sums never depend on the input order. */
  kanonisch: number[];
  gelesen: GeleseneRegion[];
  /** The counts as used: a parent's own where typed, else the sum of its children's. */
  werte: Zaehlwerte[];
  indikatoren: Indikatorwerte[];
  /** The indicators with a weight above 0. */
  aktiv: Indikator[];
  /** Each region's share per indicator (a parent's: the sum of its leaves'); null where not computable. */
  anteile: Anteile[];
  /** Indicators that are 0 over all regions (nothing can be distributed by them). */
  nullsummen: Indikator[];
  /** Last year's amount per region, read once (the result shows it, I10 compares with it). */
  vorjahr: ReturnType<typeof liesBetrag>[];
}

/** A check of the allocation's input, as the Finanzplan's rules: a code and what it finds. */
export interface Verteilregel {
  code: RegelCode;
  pruefe(k: Verteilkontext): Befund[];
}

export function verteilkontext(anfrage: AllocationRequest): Verteilkontext {
  const regelwerk = anfrage.regelwerk
    ? REGELWERKE[anfrage.regelwerk]
    : regelwerkFuerJahr(anfrage.foerderjahr);
  const ebene = anfrage.ebene ?? "zuwendungsempfaenger";
  const verfahren = verfahrenMitStandards(anfrage.verfahren);
  const regionen = anfrage.regionen;
  const hierarchie = baueHierarchie(regionen, ebene === "zuwendungsempfaenger");
  const istBlatt = hierarchie.kinder.map((k) => k.length === 0);
  const reihenfolge = nachOben(hierarchie.kinder);
  const gelesen = regionen.map((r, i) => liesZaehlwerte(r, i + 1));
  const werte = effektiveZaehlwerte(
    gelesen.map((g) => g.werte),
    hierarchie.kinder,
    reihenfolge,
  );
  const indikatoren = werte.map(berechneIndikatoren);
  const kanonisch = [...hierarchie.blaetter].sort((a, b) =>
    vergleiche(regionen[a]!.schluessel, regionen[b]!.schluessel),
  );
  const { anteile, nullsummen } = anteileJeIndikator(regionen, werte, indikatoren, kanonisch, verfahren);
  anteileDerEltern(anteile, hierarchie.kinder, istBlatt, reihenfolge);
  return {
    anfrage,
    regelwerk,
    ebene,
    verfahren,
    regionen,
    einheit: verfahren.rundung === "euro" ? 100 : 1,
    haushaltCent: euroZuCent(anfrage.haushaltsmittel_eur),
    sockelCent: euroZuCent(verfahren.sockelbetrag_eur),
    stichtagSoll: `${anfrage.foerderjahr - 2}-12-31`,
    hierarchie,
    istBlatt,
    reihenfolge,
    kanonisch,
    gelesen,
    werte,
    indikatoren,
    aktiv: INDIKATOREN.filter((k) => verfahren.gewichte[k] > 0),
    anteile,
    nullsummen,
    // The one euro reader: 445.785 is an amount, 445.785,001 € or „1.50“ is not (never rounded quietly).
    vorjahr: regionen.map((r) => liesBetrag(r.vorjahr_eur)),
  };
}

/** Each leaf's share per indicator: its base value over the sum of all leaves'. */
function anteileJeIndikator(
  regionen: readonly Region[],
  werte: readonly Zaehlwerte[],
  indikatoren: readonly Indikatorwerte[],
  kanonisch: readonly number[],
  verfahren: VerfahrenErgebnis,
): { anteile: Anteile[]; nullsummen: Indikator[] } {
  const anteile = regionen.map(() => jeIndikator<number | null>(() => null));
  const nullsummen: Indikator[] = [];
  for (const k of INDIKATOREN) {
    const basis = kanonisch.map((i) =>
      INDIKATOR[k].basiswert(werte[i]!, indikatoren[i]!, verfahren.normierung),
    );
    if (basis.some((b) => b === null)) continue; // a missing count: I04 where the weight is > 0
    const summe = (basis as number[]).reduce((s, b) => s + b, 0);
    if (!(summe > 0)) {
      nullsummen.push(k);
      continue;
    }
    kanonisch.forEach((i, j) => (anteile[i]![k] = (basis[j] as number) / summe));
  }
  return { anteile, nullsummen };
}

/** A parent's share: the sum of its leaves' shares (null where one is missing). */
function anteileDerEltern(
  anteile: Anteile[],
  kinder: readonly number[][],
  istBlatt: readonly boolean[],
  reihenfolge: readonly number[],
): void {
  for (const i of reihenfolge) {
    if (istBlatt[i]) continue;
    for (const k of INDIKATOREN) {
      const s = kinder[i]!.map((c) => anteile[c]![k]);
      anteile[i]![k] = s.every((x) => x !== null) ? (s as number[]).reduce((a, b) => a + b, 0) : null;
    }
  }
}

/** Σ of `wert(i)` over the indices; null when any is missing. */
export function summeUeber(
  indizes: readonly number[],
  wert: (i: number) => number | null | undefined,
): number | null {
  let s = 0;
  for (const i of indizes) {
    const w = wert(i);
    if (w === null || w === undefined) return null;
    s += w;
  }
  return s;
}
/** Regions ordered so that every child comes before its parent. */
function nachOben(kinder: readonly number[][]): number[] {
  const reihenfolge: number[] = [];
  const besucht = new Uint8Array(kinder.length);
  for (let start = 0; start < kinder.length; start++) {
    if (besucht[start]) continue;
    const stapel: [number, number][] = [[start, 0]];
    besucht[start] = 1;
    while (stapel.length) {
      const oben = stapel[stapel.length - 1]!;
      const [knoten, naechstes] = oben;
      const k = kinder[knoten]!;
      if (naechstes < k.length) {
        oben[1]++;
        const c = k[naechstes]!;
        if (!besucht[c]) {
          besucht[c] = 1;
          stapel.push([c, 0]);
        }
      } else {
        stapel.pop();
        reihenfolge.push(knoten);
      }
    }
  }
  return reihenfolge;
}

/** A parent's counts: its own where typed, else the sum over its children where all have one. */
function effektiveZaehlwerte(
  eigene: readonly Zaehlwerte[],
  kinder: readonly number[][],
  reihenfolge: readonly number[],
): Zaehlwerte[] {
  const ergebnis = eigene.map((w) => ({ ...w }));
  for (const i of reihenfolge) {
    const k = kinder[i]!;
    if (k.length === 0) continue;
    for (const f of ZAEHLFELD_LISTE) {
      if (ergebnis[i]![f] !== null) continue;
      ergebnis[i]![f] = summeUeber(k, (c) => ergebnis[c]![f]);
    }
  }
  return ergebnis;
}

function vergleiche(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
