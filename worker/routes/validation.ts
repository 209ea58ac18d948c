/** POST /api/v1/validation: thin; the engine is shared/pruefung. */
import type { Hono } from "hono";
import { validationRequestSchema } from "../../shared/pruefung/schema";
import { pruefe } from "../../shared/pruefung/pruefe";
import { erstelleSiegel } from "../../shared/siegel";
import { liesJson } from "../anfrage";
import type { AppEnv } from "../env";

export function validation(app: Hono<AppEnv>) {
  return app.post("/api/v1/validation", async (c) => {
    const anfrage = await liesJson(c, validationRequestSchema);
    if (!anfrage.ok) return anfrage.antwort;
    const ergebnis = pruefe(anfrage.daten);
    return c.json({
      ...ergebnis,
      siegel: await erstelleSiegel(anfrage.daten, ergebnis, new Date().toISOString()),
    });
  });
}
