/**
 * The validation request and response of docs/vertrag.md. Lenient at the edge: every cell is
 * a number, the text the user typed, a boolean or empty; the engine understands it or reports it for
 * that cell (F07, M06, …) and still checks the rest.
 */
import { LISTEN_GRENZEN } from "../grenzen";
import { z } from "zod";
import { REGELWERK_IDS } from "../regelwerke";
import { befundSchema } from "../befund-schema";
import { siegelSchema } from "../siegel-schema";

/** The longest text of one cell (the hand-written reader, shared/pruefung/schnell.ts, checks the same). */
export const ZELLE_MAX_ZEICHEN = 500;

export const zelleSchema = z
  .union([z.null(), z.number(), z.string().max(ZELLE_MAX_ZEICHEN), z.boolean()])
  .optional();
export type Zelle = z.infer<typeof zelleSchema>;

export const massnahmeSchema = z.object({
  nr: zelleSchema,
  titel: zelleSchema,
  handlungsfeld: zelleSchema,
  art: zelleSchema,
  bestandsschutz_kategorie: zelleSchema,
  landeszuwendung_2017: zelleSchema,
  traeger: zelleSchema,
  traegerart: zelleSchema,
  /** ja/nein: the Träger's Gemeinnützigkeit is confirmed (M11). */
  gemeinnuetzig: zelleSchema,
  sozialraum: zelleSchema,
  beginn: zelleSchema,
  ende: zelleSchema,
});
export type MassnahmeZeile = z.infer<typeof massnahmeSchema>;

/** The Maßnahmen fields in the schema's order (what the reader and the seal go through). */
export const MASSNAHME_FELDER = Object.keys(massnahmeSchema.shape) as (keyof MassnahmeZeile)[];

export const finanzplanSchema = z.object({
  massnahme_nr: zelleSchema,
  jahr: zelleSchema,
  personalausgaben: zelleSchema,
  sachausgaben: zelleSchema,
  verwaltungsausgaben: zelleSchema,
  honorarausgaben: zelleSchema,
  investitionen: zelleSchema,
  drittmittel: zelleSchema,
  eigenmittel_kreis: zelleSchema,
  anteil_gemeinden: zelleSchema,
  landesmittel: zelleSchema,
  /** Optional, where the workbook has the user type them: compared with the computed values. */
  gesamtausgaben: zelleSchema,
  bemessungsgrundlage: zelleSchema,
});
export type FinanzplanZeile = z.infer<typeof finanzplanSchema>;

/** The Finanzplan fields in the schema's order (what the seal goes through). */
export const FINANZPLAN_FELDER = Object.keys(finanzplanSchema.shape) as (keyof FinanzplanZeile)[];

/**
 * The head's limits, one definition for the schema and the hand-written reader (shared/pruefung/
 * schnell.ts): a Förderjahr, how many in one request, reasons for empty Handlungsfelder and their length.
 */
export const KOPF_GRENZEN = {
  jahr: { min: 2000, max: 2100 },
  foerderjahre: 20,
  begruendungen: 12,
  begruendungZeichen: 2000,
} as const;

export const kreisSchema = z.object({
  schluessel: zelleSchema,
  name: zelleSchema,
  foerderstufe: zelleSchema,
  foerderhoechstbetrag_eur: zelleSchema,
  fachplan_datum: zelleSchema,
  /**
   * Optional: the Förderhöchstbetrag that the allocation in the same workbook computes for this Kreis
   * (the add-in and lsz send it where the workbook holds the Indikatoren and Haushaltsmittel). A
   * difference from `foerderhoechstbetrag_eur` is K03.
   */
  foerderhoechstbetrag_verteilung_eur: z.number().nonnegative().nullable().optional(),
});

export const validationRequestSchema = z.object({
  regelwerk: z.enum(REGELWERK_IDS).optional(),
  foerderjahr: z.union([
    z.int().min(KOPF_GRENZEN.jahr.min).max(KOPF_GRENZEN.jahr.max),
    z
      .array(z.int().min(KOPF_GRENZEN.jahr.min).max(KOPF_GRENZEN.jahr.max))
      .min(1)
      .max(KOPF_GRENZEN.foerderjahre),
  ]),
  kreis: kreisSchema,
  massnahmen: z.array(massnahmeSchema).max(LISTEN_GRENZEN.massnahmen),
  finanzplan: z.array(finanzplanSchema).max(LISTEN_GRENZEN.finanzplan),
  /** Handlungsfelder that stay without a measure, with the stated reason (M10). */
  handlungsfelder_ohne_massnahme: z
    .array(
      z.object({
        handlungsfeld: zelleSchema,
        begruendung: z.string().max(KOPF_GRENZEN.begruendungZeichen).nullable().optional(),
      }),
    )
    .max(KOPF_GRENZEN.begruendungen)
    .optional(),
  einstellungen: z.object({ landesquote_je_massnahme: z.enum(["warnung", "fehler"]).optional() }).optional(),
  /**
   * Optional: each row's sheet row as Excel numbers it, in the order sent (the add-in and lsz send
   * them: a table may stand lower, and empty rows are not sent), so that messages name the rows the
   * user sees. Without it, row n is named n + 1 (header in row 1, as in the template).
   */
  zeilen_im_blatt: z
    .object({
      massnahmen: z.array(z.int().min(1)).max(LISTEN_GRENZEN.massnahmen),
      finanzplan: z.array(z.int().min(1)).max(LISTEN_GRENZEN.finanzplan),
    })
    .partial()
    .optional(),
  /**
   * Optional: what else the check read from the workbook, so that the seal covers it — every row of
   * the Parameter table (Angabe, Wert; Haushaltsmittel and Förderhöchstbetrag among them) and the
   * Indikatoren rows the allocation behind `foerderhoechstbetrag_verteilung_eur` used.
   */
  blaetter: z
    .object({
      parameter: z.array(z.object({ angabe: zelleSchema, wert: zelleSchema })).max(1000),
      indikatoren: z.array(z.record(z.string().max(100), zelleSchema)).max(LISTEN_GRENZEN.regionen),
    })
    .optional(),
});
export type ValidationRequest = z.infer<typeof validationRequestSchema>;

const cent = z.number().nullable();
const status = z.enum(["ok", "fehler", "warnung", "hinweis"]);

const finanzplanErgebnisSchema = z.object({
  status,
  massnahme_nr: z.string().nullable(),
  jahr: z.number().nullable(),
  gesamtausgaben_eur: cent,
  zuwendungsfaehig_eur: cent,
  bemessungsgrundlage_eur: cent,
  landesmittel_eur: cent,
  eigenanteil_eur: cent,
  drittmittel_eur: cent,
  landesquote: z.number().nullable(),
  eigenanteilsquote: z.number().nullable(),
  /** Not a data row (empty, placeholder, „Summe“): left out of every rule and sum (Z01). */
  keine_datenzeile: z.enum(["leer", "platzhalter", "summe"]).nullable().optional(),
});

const massnahmeErgebnisSchema = z.object({
  status,
  nr: z.string().nullable(),
  handlungsfeld: z.number().nullable(),
  art: z.string().nullable(),
  traegerart: z.string().nullable(),
  bestandsschutz_kategorie: z.string().nullable(),
  beginn: z.string().nullable(),
  ende: z.string().nullable(),
  landesmittel_eur: cent,
  keine_datenzeile: z.enum(["leer", "platzhalter", "summe"]).nullable().optional(),
});

export type MassnahmeErgebnis = z.infer<typeof massnahmeErgebnisSchema>;
export type FinanzplanErgebnis = z.infer<typeof finanzplanErgebnisSchema>;
export type Begruendung = NonNullable<ValidationRequest["handlungsfelder_ohne_massnahme"]>[number];

const jahressummeSchema = z.object({
  jahr: z.number(),
  /** false when a row of this year has an unreadable amount; the sums then cover the readable cells. */
  vollstaendig: z.boolean(),
  zeilen: z.number(),
  /** The year-sum rules (pruefung/regeln/jahr/) decided completely for this year … */
  regeln_vollstaendig: z.array(z.string()),
  /** … and those that depend on unreadable cells or a missing Förderhöchstbetrag (F14, K01). */
  regeln_offen: z.array(z.string()),
  /** Rows of this year with an unreadable amount (1-based, as sent). */
  unlesbare_zeilen: z.array(z.number()),
  gesamtausgaben_eur: z.number(),
  zuwendungsfaehig_eur: z.number(),
  investitionen_eur: z.number(),
  drittmittel_eur: z.number(),
  bemessungsgrundlage_eur: z.number(),
  landesmittel_eur: z.number(),
  eigenmittel_kreis_eur: z.number(),
  anteil_gemeinden_eur: z.number(),
  eigenanteil_eur: z.number(),
  landesquote: z.number().nullable(),
  eigenanteilsquote: z.number().nullable(),
  foerderhoechstbetrag_eur: z.number().nullable(),
  nicht_ausgeschoepft_eur: z.number().nullable(),
  /** Eligible net expenses needed to draw the whole Förderhöchstbetrag (F ÷ 0,7). */
  benoetigte_bemessungsgrundlage_eur: z.number().nullable(),
  landesmittel_kreis_selbst_eur: z.number(),
});
export type Jahressumme = z.infer<typeof jahressummeSchema>;

export const validationResponseSchema = z.object({
  regelwerk: z.enum(REGELWERK_IDS),
  regelwerk_version: z.string(),
  foerderjahre: z.array(z.number()),
  einstellungen: z.object({ landesquote_je_massnahme: z.enum(["warnung", "fehler"]) }),
  /** The Förderhöchstbetrag is a yearly amount: each Förderjahr's Landesmittel are compared with it. */
  foerderhoechstbetrag_gilt: z.literal("je_foerderjahr").optional(),
  anzahl: z.object({ fehler: z.number(), warnung: z.number(), hinweis: z.number() }),
  befunde: z.array(befundSchema),
  summen: z.record(z.string(), jahressummeSchema),
  zeilen: z.object({
    massnahmen: z.array(massnahmeErgebnisSchema),
    finanzplan: z.array(finanzplanErgebnisSchema),
  }),
  /** The Prüfsiegel over the inputs (shared/siegel.ts); the worker always sends it. */
  siegel: siegelSchema.optional(),
});
export type ValidationResponse = z.infer<typeof validationResponseSchema>;
