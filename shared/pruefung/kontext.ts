/**
 * What every rule sees: the rows as read, the Kreis header, the rule set with its limits (after the
 * request's settings) and the per-year sums.
 */
import type { Befund, Meldung, Schwere } from "../befund";
import type { Cent } from "../geld";
import type { RegelCode } from "../regeln/katalog";
import type { Grenzen, Regelwerk } from "../regelwerke";
import type { GeleseneFinanzzeile, GeleseneMassnahme, GelesenerKreis } from "./lesen";
import type { Handlungsfeld } from "./woerter";

export interface Jahreswerte {
  jahr: number;
  vollstaendig: boolean;
  zeilen: number;
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
}

export interface Kontext {
  regelwerk: Regelwerk;
  grenzen: Grenzen;
  foerderjahre: number[];
  kreis: GelesenerKreis;
  massnahmen: GeleseneMassnahme[];
  finanzplan: GeleseneFinanzzeile[];
  /** First Maßnahme row per Nr. */
  massnahmeNachNr: Map<string, GeleseneMassnahme>;
  begruendungen: Map<Handlungsfeld, string>;
  jahre: Map<number, Jahreswerte>;
}

export interface Regel {
  code: RegelCode;
  pruefe(k: Kontext): Befund[];
}

export type { Meldung, Schwere };
