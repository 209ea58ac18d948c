/**
 * The calculation service's operations, once: method, path, request and response schemas and what
 * each says in the OpenAPI description. The worker registers its routes from this table (a route without
 * a handler is a type error), the OpenAPI document lists it, the typed client (./client.ts) calls it,
 * and the 404 answer names its paths. The problem schema (RFC 9457) is here too, for the worker's
 * errors, the client's type and the OpenAPI description.
 */
import { z } from "zod";
import { allocationRequestSchema, allocationResponseSchema } from "./allocation/schema";
import { validationRequestSchema, validationResponseSchema } from "./pruefung/schema";
import { REGELWERK_IDS } from "./regelwerke";
import { jwksSchema } from "./siegel-schema";

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().describe("German explanation of what is wrong and where."),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        pointer: z.string().describe("JSON pointer (RFC 6901) of the offending field."),
        detail: z.string(),
      }),
    )
    .optional(),
});
/** An RFC 9457 problem as the service sends it. */
export type Problem = z.infer<typeof problemSchema>;

const healthSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  regelwerke: z.array(z.enum(REGELWERK_IDS)),
});
export type Health = z.infer<typeof healthSchema>;

const regelSchema = z.object({
  code: z.string(),
  schwere: z.enum(["fehler", "warnung", "hinweis"]),
  schweren: z.array(z.enum(["fehler", "warnung", "hinweis"])),
  tabelle: z.string(),
  titel: z.string(),
  titel_en: z.string(),
});
const regelkatalogSchema = z.object({
  regelwerke: z.array(
    z.looseObject({
      id: z.enum(REGELWERK_IDS),
      version: z.string(),
      titel: z.string(),
      foerderperiode: z.object({ von: z.number(), bis: z.number().nullable(), text: z.string() }),
      regeln: z.array(regelSchema),
    }),
  ),
});

interface Route {
  methode: "GET" | "POST";
  pfad: `/${string}`;
  zusammenfassung: string;
  /** The JSON body a POST takes. */
  anfrage?: z.ZodType;
  /** The 200 answer: its schema (null: any JSON) and what it holds. */
  antwort: z.ZodType | null;
  beschreibung: string;
}

export const ROUTEN = {
  health: {
    methode: "GET",
    pfad: "/api/v1/health",
    zusammenfassung: "Status, Version und Regelwerke",
    antwort: healthSchema,
    beschreibung: "Der Dienst läuft.",
  },
  rules: {
    methode: "GET",
    pfad: "/api/v1/rules",
    zusammenfassung: "Der Regelkatalog je Regelwerk",
    antwort: regelkatalogSchema,
    beschreibung: "Alle Prüfungen mit Code, Schwere und Titel.",
  },
  allocation: {
    methode: "POST",
    pfad: "/api/v1/allocation",
    zusammenfassung: "Verteilt Haushaltsmittel über Regionen (Förderhöchstbeträge)",
    anfrage: allocationRequestSchema,
    antwort: allocationResponseSchema,
    beschreibung: "Die Verteilung mit Erklärung je Region und den Befunden.",
  },
  validation: {
    methode: "POST",
    pfad: "/api/v1/validation",
    zusammenfassung: "Prüft eine Maßnahmenliste und einen Finanzplan",
    anfrage: validationRequestSchema,
    antwort: validationResponseSchema,
    beschreibung: "Befunde, Werte je Zeile und Summen je Jahr.",
  },
  siegelSchluessel: {
    methode: "GET",
    pfad: "/api/v1/siegel/schluessel",
    zusammenfassung: "Die öffentlichen Schlüssel der Prüfsiegel (JWKS)",
    antwort: jwksSchema,
    beschreibung:
      "Der aktuelle Ed25519-Schlüssel (RFC 8037) und die ersetzten mit ihrem Datum (`ersetzt_am`): Siegel, die mit einem ersetzten Schlüssel signiert wurden, bleiben prüfbar. `lsz_art: Entwicklungsschlüssel` kennzeichnet den lokalen Schlüssel von `npm start`.",
  },
  openapi: {
    methode: "GET",
    pfad: "/openapi.json",
    zusammenfassung: "Dieses Dokument",
    antwort: null,
    beschreibung: "OpenAPI 3.1",
  },
} as const satisfies Record<string, Route>;

export type RoutenName = keyof typeof ROUTEN;
export const ROUTEN_NAMEN = Object.keys(ROUTEN) as RoutenName[];

/** The request body a route takes, and its 200 answer, as types. */
export type AnfrageVon<N extends RoutenName> = (typeof ROUTEN)[N] extends {
  anfrage: infer S extends z.ZodType;
}
  ? z.infer<S>
  : never;
export type AntwortVon<N extends RoutenName> = (typeof ROUTEN)[N]["antwort"] extends infer S extends z.ZodType
  ? z.output<S>
  : unknown;

/** „/api/v1/health, /api/v1/rules, …“ for messages. */
export const PFADE_TEXT = ROUTEN_NAMEN.map((n) => ROUTEN[n].pfad).join(", ");
