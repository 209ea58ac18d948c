/**
 * The OpenAPI 3.1 document, generated from the route table (shared/routen.ts) and the zod schemas the
 * routes parse with (zod's own JSON Schema output, draft 2020-12, which is OpenAPI 3.1's dialect).
 * Nothing is written twice.
 */
import { z } from "zod";
import { ROUTEN, ROUTEN_NAMEN, problemSchema, type RoutenName } from "../shared/routen";
import { VERSION } from "../shared/version";
import { MAX_TEXTZEICHEN } from "../shared/grenzen";
import { MAX_ANTWORT_BYTES, MAX_BODY_BYTES } from "./grenzen";

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** The component name of a route's schema: „AllocationRequest“, „ValidationResponse“, „Health“. */
const komponente = (name: RoutenName, teil: "Request" | "Response") =>
  name.charAt(0).toUpperCase() + name.slice(1) + (ROUTEN[name].methode === "POST" ? teil : "");

const problemAntwort = (beschreibung: string) => ({
  description: beschreibung,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});
const jsonInhalt = (ref: string | null) => ({
  "application/json": ref ? { schema: { $ref: `#/components/schemas/${ref}` } } : {},
});

const fehlerAntworten = {
  "400": problemAntwort("Der Inhalt ist kein gültiges JSON."),
  "413": problemAntwort(
    `Der Inhalt ist größer als ${MAX_BODY_BYTES / 1024 / 1024} MB oder enthält mehr als ${MAX_TEXTZEICHEN.toLocaleString("de-DE")} Zeichen Text (alle Zeichenketten zusammen), oder die Antwort wäre größer als ${MAX_ANTWORT_BYTES / 1024 / 1024} MB.`,
  ),
  "415": problemAntwort("Content-Type ist nicht application/json."),
  "422": problemAntwort("Die Anfrage passt nicht zum Schema; `errors` nennt jedes Feld mit JSON-Pointer."),
};

function operation(name: RoutenName) {
  const r: (typeof ROUTEN)[RoutenName] = ROUTEN[name];
  const antwort = {
    description: r.beschreibung,
    content: jsonInhalt(r.antwort ? komponente(name, "Response") : null),
  };
  return {
    operationId: name,
    summary: r.zusammenfassung,
    ...("anfrage" in r
      ? {
          requestBody: {
            required: true,
            description: `Höchstens ${MAX_BODY_BYTES / 1024 / 1024} MB und ${MAX_TEXTZEICHEN.toLocaleString("de-DE")} Zeichen Text (alle Zeichenketten zusammen); sonst 413.`,
            "x-max-textzeichen": MAX_TEXTZEICHEN,
            content: jsonInhalt(komponente(name, "Request")),
          },
        }
      : {}),
    responses: { "200": antwort, ...("anfrage" in r ? fehlerAntworten : {}) },
  };
}

function komponenten(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = { Problem: schema(problemSchema, "output") };
  for (const name of ROUTEN_NAMEN) {
    const r: (typeof ROUTEN)[RoutenName] = ROUTEN[name];
    if ("anfrage" in r) schemas[komponente(name, "Request")] = schema(r.anfrage, "input");
    if (r.antwort) schemas[komponente(name, "Response")] = schema(r.antwort, "output");
  }
  return schemas;
}

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
    paths: Object.fromEntries(
      ROUTEN_NAMEN.map((name) => [
        ROUTEN[name].pfad,
        { [ROUTEN[name].methode.toLowerCase()]: operation(name) },
      ]),
    ),
    components: { schemas: komponenten() },
  };
}
