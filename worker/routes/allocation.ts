/** POST /api/v1/allocation: thin; the engine is shared/allocation. */
import type { Hono } from "hono";
import { allocationRequestSchema } from "../../shared/allocation/schema";
import { verteile } from "../../shared/allocation/verteilung";
import { liesJson } from "../anfrage";
import type { AppEnv } from "../env";

export function allocation(app: Hono<AppEnv>) {
  return app.post("/api/v1/allocation", async (c) => {
    const anfrage = await liesJson(c, allocationRequestSchema);
    return anfrage.ok ? c.json(verteile(anfrage.daten)) : anfrage.antwort;
  });
}
