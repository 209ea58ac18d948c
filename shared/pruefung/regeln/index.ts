/**
 * Every check function by code. A rule set (shared/regelwerke.ts) chooses which of them run.
 * The I-codes run in the allocation engine (shared/allocation/).
 */
import type { RegelCode } from "../../regeln/katalog";
import type { Regel } from "../kontext";
import { F04, F05, F06, F07, F08, F09, F10, F11, F12, F15, F16 } from "./finanzplan";
import { F01, F02, F03, F13, M12 } from "./jahr";
import { F14 } from "./jahr/f14";
import { Z03 } from "./fehlerwerte";
import { K01, K02, K03, M01, M02, M03, M04, M05, M06, M07, M08, M09, M11, M13, M15, Z01 } from "./massnahmen";
import { M10, M14 } from "./handlungsfelder";

export const PRUEFREGELN: readonly Regel[] = [
  K01,
  K02,
  K03,
  Z01,
  Z03,
  F07,
  F09,
  F10,
  F04,
  F08,
  F06,
  F05,
  F12,
  F16,
  F01,
  F02,
  F03,
  F13,
  F14,
  F15,
  M01,
  M02,
  M03,
  M04,
  M05,
  M06,
  M07,
  M08,
  M09,
  M10,
  M11,
  M12,
  M13,
  M14,
  M15,
  F11,
];

export const PRUEFREGEL_CODES: ReadonlySet<RegelCode> = new Set(PRUEFREGELN.map((r) => r.code));
