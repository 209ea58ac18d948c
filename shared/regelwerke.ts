/**
 * Rule sets as data. Each says which checks it runs, with which limits, over which Förderperiode and
 * which Zuwendungsempfänger. Every result names the rule set (and its version) it used.
 */
import { KREISE_THUERINGEN_2019, KREISE_THUERINGEN_2022, type Kreis } from "./kreise";
import { REGEL_CODES, type RegelCode } from "./regeln/katalog";

export interface Grenzen {
  /** Σ Landesmittel ≤ this share of Σ Bemessungsgrundlage (F01). */
  landesquote_max: number;
  /** Σ Eigenanteil ≥ this share of Σ Bemessungsgrundlage (F03). */
  eigenanteil_min: number;
  /** Severity of one measure's Landesquote above landesquote_max (F05); decided in docs/entscheidungen.md. */
  landesquote_je_massnahme: "warnung" | "fehler";
  /** Maximum age of the Fachplan in Förderstufe 3, in years (F12). */
  fachplan_max_jahre: number;
  /** Plausible band of the Mindestsicherungsquote (I05). */
  mindestsicherungsquote: readonly [number, number];
  /** Plausible band of the Abhängigenquotient (I05). */
  abhaengigenquotient: readonly [number, number];
  /** Relative change against the previous year that gets a Hinweis (I10). */
  veraenderung_vorjahr: number;
}

export interface Regelwerk {
  id: RegelwerkId;
  version: string;
  titel: string;
  /** First and last Förderjahr; bis null = open-ended. */
  foerderperiode: { von: number; bis: number | null };
  zuwendungsempfaenger: readonly Kreis[];
  grenzen: Grenzen;
  regeln: readonly RegelCode[];
}

export const REGELWERK_IDS = ["LSZ-2019", "LSZ-2022"] as const;
export type RegelwerkId = (typeof REGELWERK_IDS)[number];

const GRENZEN: Grenzen = {
  landesquote_max: 0.7,
  eigenanteil_min: 0.3,
  landesquote_je_massnahme: "warnung",
  fachplan_max_jahre: 5,
  mindestsicherungsquote: [0.01, 0.3],
  abhaengigenquotient: [0.4, 1.5],
  veraenderung_vorjahr: 0.2,
};

export const REGELWERKE: Record<RegelwerkId, Regelwerk> = gepruefteRegelwerke({
  "LSZ-2019": {
    id: "LSZ-2019",
    version: "2019.1",
    titel: "Richtlinie LSZ, in Kraft ab 01.01.2019 (Förderperiode 2019–2021)",
    foerderperiode: { von: 2019, bis: 2021 },
    zuwendungsempfaenger: KREISE_THUERINGEN_2019,
    grenzen: GRENZEN,
    regeln: REGEL_CODES,
  },
  "LSZ-2022": {
    id: "LSZ-2022",
    version: "2023.1",
    titel: "Richtlinie LSZ vom 18.07.2022, geändert am 04.05.2023 (ab 2022)",
    foerderperiode: { von: 2022, bis: null },
    zuwendungsempfaenger: KREISE_THUERINGEN_2022,
    grenzen: GRENZEN,
    regeln: REGEL_CODES,
  },
});

export function istRegelwerkId(id: string): id is RegelwerkId {
  return (REGELWERK_IDS as readonly string[]).includes(id);
}

/** The rule sets in the order of their Förderperioden. */
const NACH_PERIODE: readonly Regelwerk[] = Object.values(REGELWERKE).sort(
  (a, b) => a.foerderperiode.von - b.foerderperiode.von,
);

/**
 * The rule set whose Förderperiode contains the year; the first for earlier years, the last for later
 * ones (the periods are contiguous, checked at load).
 */
export function regelwerkFuerJahr(jahr: number): Regelwerk {
  return (
    NACH_PERIODE.find((rw) => inFoerderperiode(rw, jahr)) ??
    (jahr < NACH_PERIODE[0]!.foerderperiode.von ? NACH_PERIODE[0]! : NACH_PERIODE[NACH_PERIODE.length - 1]!)
  );
}

/**
 * What must hold of every set of rule sets, checked when the module loads (a mistake in a new rule set
 * fails every test, not one user's check): each entry under its own id; periods with von ≤ bis that
 * follow each other without overlap or gap, only the last open-ended; limits that a plan can meet
 * (0 < Landesquote, Eigenanteil < 1 and together at most 100 %); each rule code once. Throws a German
 * message naming the rule set.
 */
export function gepruefteRegelwerke<W extends Record<string, Regelwerk>>(werke: W): W {
  const fehler: string[] = [];
  for (const [id, rw] of Object.entries(werke)) {
    const { von, bis } = rw.foerderperiode;
    const g = rw.grenzen;
    if (rw.id !== id) fehler.push(`${id}: trägt die Kennung ${rw.id}`);
    if (bis !== null && bis < von)
      fehler.push(`${id}: Förderperiode endet (${bis}) vor ihrem Beginn (${von})`);
    if (!(g.landesquote_max > 0 && g.landesquote_max < 1 && g.eigenanteil_min > 0 && g.eigenanteil_min < 1))
      fehler.push(`${id}: Landesquote und Eigenanteil müssen zwischen 0 und 100 % liegen`);
    else if (g.landesquote_max + g.eigenanteil_min > 1 + 1e-9)
      fehler.push(
        `${id}: Landesquote und Eigenanteil ergeben zusammen mehr als 100 % – kein Plan kann beide erfüllen`,
      );
    if (new Set(rw.regeln).size !== rw.regeln.length)
      fehler.push(`${id}: eine Regel steht doppelt in der Liste`);
  }
  const folge = Object.values(werke).sort((a, b) => a.foerderperiode.von - b.foerderperiode.von);
  folge.forEach((rw, i) => {
    const naechstes = folge[i + 1];
    if (!naechstes) return;
    const { bis } = rw.foerderperiode;
    if (bis === null || bis >= naechstes.foerderperiode.von)
      fehler.push(`${rw.id} und ${naechstes.id}: Förderperioden überschneiden sich`);
    else if (bis + 1 < naechstes.foerderperiode.von)
      fehler.push(
        `${rw.id} und ${naechstes.id}: Lücke zwischen den Förderperioden (${bis + 1}–${naechstes.foerderperiode.von - 1})`,
      );
  });
  if (folge.length === 0) fehler.push("kein Regelwerk");
  if (fehler.length > 0) throw new Error(`Regelwerke fehlerhaft: ${fehler.join("; ")}.`);
  return werke;
}

export function inFoerderperiode(rw: Regelwerk, jahr: number): boolean {
  return jahr >= rw.foerderperiode.von && (rw.foerderperiode.bis === null || jahr <= rw.foerderperiode.bis);
}

export function foerderperiodeText(rw: Regelwerk): string {
  return rw.foerderperiode.bis === null
    ? `ab ${rw.foerderperiode.von}`
    : `${rw.foerderperiode.von}–${rw.foerderperiode.bis}`;
}
