/**
 * A rule that judges a whole Förderjahr's sums, defined in one file as an ESLint rule is: what it
 * limits (its name where F14 lists it open), its verdict per year from the bounds, and the finding
 * for a year it broke. `jahresregel` makes the engine's rule of it; index.ts lists them all.
 */
import { FINANZPLAN_FELDNAME } from "../../../arbeitsmappe/layout";
import type { Befund } from "../../../befund";
import type { Cent } from "../../../geld";
import type { RegelCode } from "../../../regeln/katalog";
import type { Grenzen } from "../../../regelwerke";
import type { Entscheid, Jahreswerte, Pruefkontext, Regel } from "../../kontext";

export interface JahresregelDefinition<C extends RegelCode = RegelCode> {
  code: C;
  /** „70 %-Grenze“: what the rule limits, in the rule set's numbers. */
  was(g: Grenzen): string;
  /**
   * The year's outcome: broken or kept for certain (even with unreadable cells at their most
   * favourable value), open (F14 says so), or not checkable (no Förderhöchstbetrag: K01 says so).
   */
  entscheide(j: Jahreswerte, g: Grenzen, foerderhoechstbetrag: Cent | null): Entscheid;
  /** The finding for a year the rule broke for certain. */
  befund(j: Jahreswerte, k: Pruefkontext): Befund;
}

export type Jahresregel<C extends RegelCode = RegelCode> = JahresregelDefinition<C> & Regel;

/** The engine's rule: one finding per year the rule broke, in year order. */
export function jahresregel<C extends RegelCode>(r: JahresregelDefinition<C>): Jahresregel<C> {
  return { ...r, pruefe: (k) => jahreMit(k, r.code, "verletzt").map((j) => r.befund(j, k)) };
}

/** The years in which a sum rule came out as `entscheid`, in order (k.jahre is in year order). */
export function jahreMit(k: Pruefkontext, regel: RegelCode, entscheid: Entscheid): Jahreswerte[] {
  const jahre: Jahreswerte[] = [];
  for (const j of k.jahre.values()) if (k.entscheide.get(j.jahr)?.[regel] === entscheid) jahre.push(j);
  return jahre;
}

/** „Finanzplan Zeile 11 (Honorarausgaben)“: where a year's unreadable cells are. */
export function unlesbarText(j: Jahreswerte): string {
  const zeilen = j.unlesbar.map(
    (z) => `${z.blattZeile} (${z.probleme.map((p) => FINANZPLAN_FELDNAME[p.feld]).join(", ")})`,
  );
  return `Finanzplan ${zeilen.length === 1 ? "Zeile" : "Zeilen"} ${zeilen.join(", ")} unlesbar`;
}

/** For a breach found despite unreadable cells: why it is certain all the same. */
export function trotzUnlesbar(j: Jahreswerte): string {
  return j.vollstaendig
    ? ""
    : ` Das steht trotz unlesbarer Zellen fest (${unlesbarText(j)}; unlesbare Ausgaben gerechnet mit dem Wert, den die ausgeglichene Zeile zulässt; unlesbare Mittel mit dem für die Regel günstigsten).`;
}

/** A year's finding sits on the Finanzplan's column, no row. */
export const ortJahr = (spalte: string) => ({ tabelle: "finanzplan" as const, zeile: null, spalte });
