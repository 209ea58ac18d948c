import { z } from "zod";
import { REGEL_CODES, type RegelCode } from "./regeln/katalog";

export const befundSchema = z.object({
  regel: z.enum(REGEL_CODES as [RegelCode, ...RegelCode[]]),
  schwere: z.enum(["fehler", "warnung", "hinweis"]),
  meldung: z.string(),
  tabelle: z.enum(["massnahmen", "finanzplan", "regionen", "parameter"]),
  zeile: z.number().int().nullable(),
  spalte: z.string().nullable(),
});
