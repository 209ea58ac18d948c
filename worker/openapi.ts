/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with (zod's own
 * JSON Schema output, draft 2020-12, which is OpenAPI 3.1's dialect). Nothing is written twice.
 */
import { z } from "zod";
import { allocationRequestSchema, allocationResponseSchema } from "../shared/allocation/schema";
import { validationRequestSchema, validationResponseSchema } from "../shared/pruefung/schema";
import { REGELWERK_IDS } from "../shared/regelwerke";
import { VERSION } from "../shared/version";
import { MAX_BODY_BYTES } from "./grenzen";

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const problemSchema: JsonSchema = {
  type: "object",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string", description: "German explanation of what is wrong and where." },
    instance: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["pointer", "detail"],
        properties: {
          pointer: { type: "string", description: "JSON pointer (RFC 6901) of the offending field." },
          detail: { type: "string" },
        },
      },
    },
  },
};

const problemAntwort = (beschreibung: string) => ({
  description: beschreibung,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});
const json = (ref: string, beschreibung: string) => ({
  description: beschreibung,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

const fehlerAntworten = {
  "400": problemAntwort("Der Inhalt ist kein gültiges JSON."),
  "413": problemAntwort(`Der Inhalt ist größer als ${MAX_BODY_BYTES / 1024 / 1024} MB.`),
  "415": problemAntwort("Content-Type ist nicht application/json."),
  "422": problemAntwort("Die Anfrage passt nicht zum Schema; `errors` nennt jedes Feld mit JSON-Pointer."),
};

export function openapiDokument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "LSZ-Finanzplan Rechendienst",
      version: VERSION,
      description:
        "Verteilt die Haushaltsmittel des Landesprogramms „Solidarisches Zusammenleben der Generationen“ auf die Kreise und prüft Maßnahmenlisten und Finanzpläne. Beträge in Euro mit höchstens zwei Nachkommastellen; Befunde mit Code, Schwere, deutscher Meldung, Tabelle, Zeile (1-basiert) und Spalte.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/health": {
        get: {
          operationId: "health",
          summary: "Status, Version und Regelwerke",
          responses: { "200": json("Health", "Der Dienst läuft.") },
        },
      },
      "/api/v1/rules": {
        get: {
          operationId: "rules",
          summary: "Der Regelkatalog je Regelwerk",
          responses: { "200": json("Regelkatalog", "Alle Prüfungen mit Code, Schwere und Titel.") },
        },
      },
      "/api/v1/allocation": {
        post: {
          operationId: "allocation",
          summary: "Verteilt Haushaltsmittel über Regionen (Förderhöchstbeträge)",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/AllocationRequest" } } },
          },
          responses: {
            "200": json("AllocationResponse", "Die Verteilung mit Erklärung je Region und den Befunden."),
            ...fehlerAntworten,
          },
        },
      },
      "/api/v1/validation": {
        post: {
          operationId: "validation",
          summary: "Prüft eine Maßnahmenliste und einen Finanzplan",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ValidationRequest" } } },
          },
          responses: {
            "200": json("ValidationResponse", "Befunde, Werte je Zeile und Summen je Jahr."),
            ...fehlerAntworten,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "Dieses Dokument",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
    components: {
      schemas: {
        Health: {
          type: "object",
          required: ["status", "version", "regelwerke"],
          properties: {
            status: { const: "ok" },
            version: { type: "string" },
            regelwerke: { type: "array", items: { enum: [...REGELWERK_IDS] } },
          },
        },
        Regelkatalog: {
          type: "object",
          required: ["regelwerke"],
          properties: { regelwerke: { type: "array", items: { type: "object" } } },
        },
        AllocationRequest: schema(allocationRequestSchema, "input"),
        AllocationResponse: schema(allocationResponseSchema, "output"),
        ValidationRequest: schema(validationRequestSchema, "input"),
        ValidationResponse: schema(validationResponseSchema, "output"),
        Problem: problemSchema,
      },
    },
  };
}
