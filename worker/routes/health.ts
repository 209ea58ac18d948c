/** GET /api/v1/health */
import type { Hono } from "hono";
import { REGELWERK_IDS } from "../../shared/regelwerke";
import { VERSION } from "../../shared/version";
import type { AppEnv } from "../env";

export function health(app: Hono<AppEnv>) {
  return app.get("/api/v1/health", (c) =>
    c.json({ status: "ok" as const, version: VERSION, regelwerke: [...REGELWERK_IDS] }),
  );
}
