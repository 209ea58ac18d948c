/**
 * The rules that judge a whole Förderjahr's sums, one file each. A new one is its file and a line
 * here; F14 names it when it is open, the year summary lists it, the engine runs it (if the rule set
 * does).
 */
import type { Cent } from "../../../geld";
import type { RegelCode } from "../../../regeln/katalog";
import type { Grenzen } from "../../../regelwerke";
import type { Entscheid, Jahreswerte } from "../../kontext";
import { F01 } from "./f01";
import { F02 } from "./f02";
import { F03 } from "./f03";
import { F13 } from "./f13";
import { M12 } from "./m12";

export { F01, F02, F03, F13, M12 };
export const JAHRESREGELN = [F01, F02, F03, F13, M12] as const;

/** Every sum rule's outcome for one year. */
export function entscheideJahr(
  j: Jahreswerte,
  grenzen: Grenzen,
  foerderhoechstbetrag: Cent | null,
): Partial<Record<RegelCode, Entscheid>> {
  const entscheide: Partial<Record<RegelCode, Entscheid>> = {};
  for (const r of JAHRESREGELN) entscheide[r.code] = r.entscheide(j, grenzen, foerderhoechstbetrag);
  return entscheide;
}
