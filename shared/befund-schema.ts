import { z } from "zod";
import { REGEL_CODES, type RegelCode } from "./regeln/katalog";

const tabelle = z.enum(["massnahmen", "finanzplan", "regionen", "parameter"]);
const stelle = z.object({ tabelle, zeile: z.number().int(), spalte: z.string() });

export const befundSchema = z.object({
  regel: z.enum(REGEL_CODES as [RegelCode, ...RegelCode[]]),
  schwere: z.enum(["fehler", "warnung", "hinweis"]),
  meldung: z.string(),
  tabelle,
  zeile: z.number().int().nullable(),
  spalte: z.string().nullable(),
  /** Where the slip is that this finding follows from (absent on a finding that is its own cause). */
  folgt_aus: z.array(stelle).optional(),
  /** The one change (cell and amount in euros) that clears this finding and all that follow from the same slip. */
  behebung: stelle.extend({ wert_eur: z.number() }).optional(),
});
