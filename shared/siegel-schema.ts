/**
 * The Prüfsiegel's shape (the logic is in ./siegel.ts): a statement the calculation service signs
 * with Ed25519, the signature, and the checked values the statement's input hash is taken over — kept
 * so that a verifier can name the cells changed since the check, and the pane can list them.
 */
import { z } from "zod";
import { REGELWERK_IDS } from "./regelwerke";

/**
 * The seal's format. It covers every field of the row schemas (shared/pruefung/schema.ts), the whole
 * Parameter table, the Begründungen and the Indikatoren; a test pins the fields of each format, so a
 * new field needs a new name here (the old one goes to ALTE_SIEGEL_FORMATE).
 */
export const SIEGEL_FORMAT = "LSZ-Siegel-3";
/** Seals without a signature, or over fewer inputs: read, and called outdated. */
export const ALTE_SIEGEL_FORMATE = ["LSZ-Siegel-1", "LSZ-Siegel-2"] as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const anzahlSchema = z.object({ fehler: z.int().min(0), warnung: z.int().min(0), hinweis: z.int().min(0) });

/** What the service states, and signs (in the fixed order of `aussageBytes`). */
export const aussageSchema = z.object({
  format: z.literal(SIEGEL_FORMAT),
  /** SHA-256 over the canonical form of every input the check read (the seal's `werte`). */
  eingaben: hex64,
  /** SHA-256 over the list of findings, and their counts. */
  befunde: hex64,
  anzahl: anzahlSchema,
  regelwerk: z.enum(REGELWERK_IDS),
  regelwerk_version: z.string().max(40),
  produkt_version: z.string().max(40),
  /** ISO time of the check. */
  zeit: z.string().max(40),
  /** Key id of the signing key; null = computed locally, not signed. */
  schluessel: z.string().max(100).nullable(),
  /** Signed with a development key (npm start), never a production key. */
  entwicklung: z.boolean(),
});
export type Aussage = z.infer<typeof aussageSchema>;

const wert = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);
const teil = z.array(z.array(wert).max(100)).max(200_000);
/** The checked values, part by part, one row per entry, as the core read them. */
export const siegelWerteSchema = z.object({
  /** Förderjahre, Regelwerk, Kreis as derived, the allocation's amount, settings. */
  anfrage: z.array(wert).max(100),
  /** Every row of the Parameter table: [Angabe, Wert]. */
  parameter: teil,
  massnahmen: teil,
  finanzplan: teil,
  /** [Handlungsfeld, Begründung] */
  begruendungen: teil,
  /** Every row of the Indikatoren table, its input columns in layout order. */
  indikatoren: teil,
});
export type SiegelWerte = z.infer<typeof siegelWerteSchema>;
export type SiegelWert = z.infer<typeof wert>;

export const siegelSchema = z.object({
  aussage: aussageSchema,
  /** Ed25519 signature over the statement (base64url), or null for a locally computed seal. */
  signatur: z
    .string()
    .regex(/^[A-Za-z0-9_-]{86}$/)
    .nullable(),
  /**
   * The checked values; null for a plan too large to keep them within the seal sheet's cells (see
   * WERTE_GRENZE in ./siegel.ts): the seal then still says whether anything changed, not which cell.
   */
  werte: siegelWerteSchema.nullable(),
  /** Where the checked values are not what Excel shows (formulas, hidden sheets), as lsz's reader saw it. */
  herkunft: z.string().max(100_000).optional(),
});
export type Siegel = z.infer<typeof siegelSchema>;

/** A public key as JWK (RFC 8037), with the dates of its use. */
export const oeffentlicherSchluesselSchema = z.looseObject({
  kty: z.literal("OKP"),
  crv: z.literal("Ed25519"),
  kid: z.string().min(1).max(100),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  alg: z.string().max(20).optional(),
  use: z.literal("sig").optional(),
  /** "Entwicklungsschlüssel" for the local key of npm start. */
  lsz_art: z.string().max(40).optional(),
  /** ISO date from which the key signed. */
  gueltig_ab: z.string().max(40).optional(),
  /** ISO date from which it no longer signs (retired; its old seals still verify). */
  ersetzt_am: z.string().max(40).optional(),
});
export type OeffentlicherSchluessel = z.infer<typeof oeffentlicherSchluesselSchema>;
export const jwksSchema = z.object({ keys: z.array(oeffentlicherSchluesselSchema).max(100) });
export type Jwks = z.infer<typeof jwksSchema>;
