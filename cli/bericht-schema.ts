/**
 * The JSON report of `lsz pruefen --bericht bericht.json`: one zod schema is the definition, the types
 * of the batch are inferred from it, and docs/lsz-bericht.schema.json is generated from it
 * (z.toJSONSchema; `npx tsx scripts/bericht-schema.ts`). A field may be added; renaming or changing
 * the meaning of one raises `schema_version`.
 */
import { z } from "zod";
import type { BerichtZeile } from "../shared/arbeitsmappe";

export const BERICHT_SCHEMA_VERSION = 1;

const euro = z.number().describe("Euro, höchstens zwei Nachkommastellen");

export const berichtZeileSchema = z.object({
  schwere: z.enum(["fehler", "warnung", "hinweis"]),
  regel: z.string().describe("Regelcode, z. B. F01; X01–X04 vom Lesen der Datei"),
  meldung: z.string(),
  blatt: z.string(),
  zelle: z.string().nullable().describe("z. B. E7; null, wenn der Befund die ganze Tabelle betrifft"),
  regelwerk: z.string(),
  beheben: z.string().describe("So beheben"),
  folge: z
    .literal(true)
    .optional()
    .describe(
      "folgt aus dem Vertipper, dessen eigener Befund direkt davor steht (dessen Änderung behebt auch diesen)",
    ),
});

/** The report's finding row is the Prüfbericht's row: a change to either is a type error here. */
type Gleich<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const zeileWieImPruefbericht: Gleich<z.infer<typeof berichtZeileSchema>, BerichtZeile> = true;
void zeileWieImPruefbericht;

export const dateiErgebnisSchema = z.object({
  datei: z.string(),
  status: z.enum(["geprueft", "nicht_lesbar", "leer"]),
  kreis: z.string().nullable(),
  /** The Kreisschlüssel the Parameter sheet gives, where it gives one. */
  kreisschluessel: z.string().nullable(),
  foerderjahr: z.number().int().nullable(),
  fehler: z.number().int(),
  warnungen: z.number().int(),
  hinweise: z.number().int(),
  landesmittel_eur: euro.nullable().describe("Σ Landesmittel des ersten Förderjahrs"),
  foerderhoechstbetrag_eur: euro.nullable(),
  kopie: z.string().nullable().describe("die geprüfte Kopie (.geprueft.xlsx)"),
  pdf: z.string().nullable().describe("mit --pdf: der Prüfbericht als PDF"),
  siegel: z.string().describe("das Urteil über das Siegel, mit dem die Datei einging"),
  offen: z
    .array(z.object({ regel: z.string(), jahr: z.number().int(), titel: z.string() }))
    .describe(
      "Regeln eines Jahres, die nicht entschieden werden konnten (unlesbare Zelle, kein Förderhöchstbetrag)",
    ),
  meldungen: z.array(z.string()),
  befunde: z.array(berichtZeileSchema),
});

const kreisSchema = z.object({ schluessel: z.string(), name: z.string() });

export const einreichungenSchema = z.object({
  foerderjahr: z.number().int().nullable(),
  regelwerk: z.string().nullable(),
  fehlend: z.array(kreisSchema).describe("Zuwendungsempfänger des Förderjahrs ohne geprüfte Einreichung"),
  doppelt: z
    .array(
      z.object({
        kreis: z.string(),
        verwendet: z.string().describe("die neueste Datei (Änderungszeit); nur sie ist in der Summe"),
        nicht_verwendet: z.array(z.string()),
      }),
    )
    .describe("Kreise mit mehr als einer geprüften Datei"),
  landesmittel_eur: euro.describe("Σ Landesmittel der verwendeten Einreichungen"),
  haushaltsmittel_eur: euro.nullable().describe("mit --haushaltsmittel angegeben, sonst null"),
});

export const berichtSchema = z.object({
  schema_version: z.literal(BERICHT_SCHEMA_VERSION),
  lsz_version: z.string(),
  erstellt: z.string().describe("ISO 8601"),
  einreichungen: einreichungenSchema,
  dateien: z.array(dateiErgebnisSchema),
  nicht_geprueft: z.array(z.object({ name: z.string(), grund: z.string() })),
});

export type DateiErgebnis = z.infer<typeof dateiErgebnisSchema>;
export type Einreichungen = z.infer<typeof einreichungenSchema>;
export type Bericht = z.infer<typeof berichtSchema>;

/** The JSON Schema of the report, as docs/lsz-bericht.schema.json holds it. */
export function berichtJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(berichtSchema, { target: "draft-2020-12" }),
    title: `lsz pruefen – Bericht, Schema-Version ${BERICHT_SCHEMA_VERSION}`,
  };
}
