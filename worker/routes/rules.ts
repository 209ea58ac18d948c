/** GET /api/v1/rules: the rule catalogue, per rule set, from the one catalogue in shared/. */
import type { Hono } from "hono";
import { regelkatalog } from "../../shared/regeln/ausgabe";
import type { AppEnv } from "../env";

export function rules(app: Hono<AppEnv>) {
  return app.get("/api/v1/rules", (c) => c.json(regelkatalog()));
}
