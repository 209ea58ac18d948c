/** GET /openapi.json: the OpenAPI 3.1 document, generated from the shared zod schemas. */
import type { Hono } from "hono";
import { openapiDokument } from "../openapi";
import type { AppEnv } from "../env";

export function openapi(app: Hono<AppEnv>) {
  let dokument: unknown = null; // built once per isolate, on first request
  return app.get("/openapi.json", (c) => c.json((dokument ??= openapiDokument())));
}
