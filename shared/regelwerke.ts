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
  /** Severity of one measure's Landesquote above landesquote_max (F05); open in the brief. */
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

export const REGELWERKE: Record<RegelwerkId, Regelwerk> = {
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
};

export function istRegelwerkId(id: string): id is RegelwerkId {
  return (REGELWERK_IDS as readonly string[]).includes(id);
}

/** The rule set whose Förderperiode contains the year; the newest one for later years. */
export function regelwerkFuerJahr(jahr: number): Regelwerk {
  for (const id of REGELWERK_IDS) {
    const rw = REGELWERKE[id];
    if (jahr >= rw.foerderperiode.von && (rw.foerderperiode.bis === null || jahr <= rw.foerderperiode.bis))
      return rw;
  }
  return jahr < REGELWERKE["LSZ-2019"].foerderperiode.von ? REGELWERKE["LSZ-2019"] : REGELWERKE["LSZ-2022"];
}

export function inFoerderperiode(rw: Regelwerk, jahr: number): boolean {
  return jahr >= rw.foerderperiode.von && (rw.foerderperiode.bis === null || jahr <= rw.foerderperiode.bis);
}

export function foerderperiodeText(rw: Regelwerk): string {
  return rw.foerderperiode.bis === null
    ? `ab ${rw.foerderperiode.von}`
    : `${rw.foerderperiode.von}–${rw.foerderperiode.bis}`;
}
