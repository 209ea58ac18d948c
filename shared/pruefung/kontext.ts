/**
 * What every rule sees: the rows as read (data rows only; rows that are none are kept apart), the
 * Kreis header, the rule set with its limits (after the request's settings), the per-year sums and
 * the per-year decisions of the sum rules.
 */
import type { Befund, Schwere } from "../befund";
import type { Cent } from "../geld";
import type { RegelCode } from "../regeln/katalog";
import type { Grenzen, Regelwerk } from "../regelwerke";
import type { GeleseneFinanzzeile, GeleseneMassnahme, GelesenerKreis, Spanne } from "./lesen";
import type { Handlungsfeld } from "./woerter";

export interface Jahreswerte {
  jahr: number;
  /** Every amount of every row of the year could be read. */
  vollstaendig: boolean;
  zeilen: number;
  /** Rows of the year with an unreadable amount. */
  unlesbar: GeleseneFinanzzeile[];
  // Sums over the readable cells (an unreadable cell counts 0 here).
  gesamtausgaben: Cent;
  zuwendungsfaehig: Cent;
  investitionen: Cent;
  drittmittel: Cent;
  bemessungsgrundlage: Cent;
  landesmittel: Cent;
  eigenmittel_kreis: Cent;
  anteil_gemeinden: Cent;
  eigenanteil: Cent;
  landesmittelKreisSelbst: Cent;
  /** Bounds that hold whatever the unreadable cells hold (exact where the year is complete). */
  spanne: {
    landesmittel: Spanne;
    bemessungsgrundlage: Spanne;
    eigenanteil: Spanne;
    landesmittelKreisSelbst: Spanne;
  };
}

/**
 * A sum rule's outcome for one year: broken or kept for certain, or open because it depends on
 * unreadable cells (then F14 says so), or not checkable at all (no Förderhöchstbetrag: K01 says so).
 */
export type Entscheid = "verletzt" | "eingehalten" | "offen" | "nicht_pruefbar";

export interface Pruefkontext {
  regelwerk: Regelwerk;
  grenzen: Grenzen;
  foerderjahre: number[];
  kreis: GelesenerKreis;
  /** Data rows only. */
  massnahmen: GeleseneMassnahme[];
  finanzplan: GeleseneFinanzzeile[];
  /** Rows that are no data rows (empty, placeholder, „Summe“): Z01 names them, nothing counts them. */
  keineDatenzeilen: { massnahmen: GeleseneMassnahme[]; finanzplan: GeleseneFinanzzeile[] };
  /** First Maßnahme row per Nr. */
  massnahmeNachNr: Map<string, GeleseneMassnahme>;
  begruendungen: Map<Handlungsfeld, string>;
  /** The Handlungsfeld of each row of the Begründungen table as sent (null: empty or unreadable). */
  begruendungsZeilen: (Handlungsfeld | null)[];
  /** Per Förderjahr, in year order (jahre.ts builds it so): the rules go through it as it is. */
  jahre: Map<number, Jahreswerte>;
  /** Each sum rule's outcome per year (regeln/jahr/). */
  entscheide: Map<number, Partial<Record<RegelCode, Entscheid>>>;
}

/**
 * An array with a place per Maßnahmen row of the request, all 0, indexed by the row's `zeile` (from 1):
 * what a check marks or sums per measure without a map by Nr.
 */
export function jeMassnahmenzeile<A>(k: Pruefkontext, Art: new (laenge: number) => A): A {
  return new Art(k.massnahmen.length + k.keineDatenzeilen.massnahmen.length + 1);
}

export interface Regel {
  code: RegelCode;
  pruefe(k: Pruefkontext): Befund[];
}

export type { Schwere };
