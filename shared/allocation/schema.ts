/**
 * The allocation request and response (docs/vertrag.md) as zod schemas. The schemas check the
 * shape only; what a user typed wrong in a cell (text where a count belongs, weights not adding up)
 * becomes a finding of the engine, not a refusal of the whole request.
 */
import { LISTEN_GRENZEN } from "../grenzen";
import { z } from "zod";
import { MAX_EURO } from "../geld";
import { REGELWERK_IDS } from "../regelwerke";
import { befundSchema } from "../befund-schema";
import { INDIKATORWERTE, NORMIERUNGEN, jeIndikator, type Indikator } from "./indikatoren";

export { INDIKATOREN, NORMIERUNGEN, type Indikator, type Normierung } from "./indikatoren";

/** A zod object with one field per indicator, each of the given schema. */
function jeIndikatorSchema<T extends z.ZodType>(feld: () => T) {
  return z.object(jeIndikator(feld) as { [K in Indikator]: T });
}

/** A cell value: a number, the text the user typed, or empty. */
const zellwertSchema = z.union([z.number(), z.string().max(200), z.null()]).optional();

export const regionSchema = z.object({
  schluessel: z.string().min(1).max(40),
  name: z.string().max(200).optional(),
  gehoert_zu: z.string().max(40).nullable().optional(),
  stichtag: z.string().max(40).nullable().optional(),
  einwohner: zellwertSchema,
  unter_20: zellwertSchema,
  von_20_bis_unter_65: zellwertSchema,
  ab_65: zellwertSchema,
  mindestsicherung: zellwertSchema,
  mindestsicherung_sgb2: zellwertSchema,
  mindestsicherung_hlu: zellwertSchema,
  mindestsicherung_grundsicherung: zellwertSchema,
  mindestsicherung_asylblg: zellwertSchema,
  flaeche_km2: zellwertSchema,
  km2_je_einwohner_angegeben: zellwertSchema,
  mindestsicherungsquote_angegeben: zellwertSchema,
  abhaengigenquotient_angegeben: zellwertSchema,
  vorjahr_eur: zellwertSchema,
});
export type Region = z.infer<typeof regionSchema>;

const gewichteSchema = jeIndikatorSchema(() => z.number().optional());

const verfahrenSchema = z.object({
  normierung: z.enum(NORMIERUNGEN).optional(),
  gewichte: gewichteSchema.optional(),
  sockelbetrag_eur: z.number().min(0).max(MAX_EURO).optional(),
  rundung: z.enum(["euro", "cent"]).optional(),
});

export const EBENEN = ["zuwendungsempfaenger", "frei"] as const;

export const allocationRequestSchema = z.object({
  regelwerk: z.enum(REGELWERK_IDS).optional(),
  foerderjahr: z.int().min(2000).max(2100),
  haushaltsmittel_eur: z.number().min(0).max(MAX_EURO),
  /** `zuwendungsempfaenger` (default): the regions are the Kreise of the Förderjahr and I01 applies;
   * `frei`: any regions (Gemeinden, Sozialräume), I01 does not apply. */
  ebene: z.enum(EBENEN).optional(),
  /** Stichtag of the indicator table (31.12. of the year before last); may also be given per region. */
  stichtag: z.string().max(40).nullable().optional(),
  verfahren: verfahrenSchema.optional(),
  regionen: z.array(regionSchema).min(1).max(LISTEN_GRENZEN.regionen),
});
export type AllocationRequest = z.infer<typeof allocationRequestSchema>;

const betragJeIndikator = jeIndikatorSchema(() => z.number().nullable());

const regionErgebnisSchema = z.object({
  schluessel: z.string(),
  name: z.string().nullable(),
  gehoert_zu: z.string().nullable(),
  /** true for a region with sub-regions: its amounts are the sums of its leaves. */
  ist_summe: z.boolean(),
  foerderhoechstbetrag_eur: z.number().nullable(),
  sockelbetrag_eur: z.number().nullable(),
  indikatoren: z.object(
    Object.fromEntries(INDIKATORWERTE.map((w) => [w, z.number().nullable()])) as {
      [K in (typeof INDIKATORWERTE)[number]]: z.ZodNullable<z.ZodNumber>;
    },
  ),
  anteile: betragJeIndikator,
  anteil_gesamt: z.number().nullable(),
  betraege_je_indikator_eur: betragJeIndikator,
  /** Förderhöchstbetrag − Sockelbetrag − Σ betraege_je_indikator_eur: what the rounding moved. */
  rundungsdifferenz_eur: z.number().nullable(),
  vorjahr_eur: z.number().nullable(),
  veraenderung_vorjahr: z.number().nullable(),
});
export type RegionErgebnis = z.infer<typeof regionErgebnisSchema>;

export const verfahrenErgebnisSchema = z.object({
  normierung: z.enum(NORMIERUNGEN),
  gewichte: jeIndikatorSchema(() => z.number()),
  sockelbetrag_eur: z.number(),
  rundung: z.enum(["euro", "cent"]),
});
export type VerfahrenErgebnis = z.infer<typeof verfahrenErgebnisSchema>;

export const allocationResponseSchema = z.object({
  regelwerk: z.enum(REGELWERK_IDS),
  regelwerk_version: z.string(),
  foerderjahr: z.number(),
  ebene: z.enum(EBENEN),
  verfahren: verfahrenErgebnisSchema,
  haushaltsmittel_eur: z.number(),
  /** false when a Fehler prevents the distribution: amounts are then null. */
  berechnet: z.boolean(),
  summe_eur: z.number().nullable(),
  regionen: z.array(regionErgebnisSchema),
  /** All findings per severity (the list below may be capped, see Z02). */
  anzahl: z.object({ fehler: z.number(), warnung: z.number(), hinweis: z.number() }).optional(),
  befunde: z.array(befundSchema),
});
export type AllocationResponse = z.infer<typeof allocationResponseSchema>;
