/**
 * The deployed configuration: the pane is served by the worker and calls the API on its own origin, so
 * the environments staging and production set ADDIN_ORIGINS to "" (wrangler.jsonc) — then no origin,
 * not even the development ones, gets CORS headers, and a same-origin call needs none.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";

const app = createApp();
const ausgeliefert = { ADDIN_ORIGINS: "" };

describe("worker as deployed (ADDIN_ORIGINS empty)", () => {
  it("answers a same-origin request without any CORS header", async () => {
    const r = await app.fetch(new Request("https://lsz.example.de/api/v1/health"), ausgeliefert);
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives no origin CORS, not the development pane's either, and no preflight", async () => {
    for (const origin of ["http://localhost:3000", "https://localhost:3000", "https://boese.example"]) {
      const r = await app.fetch(
        new Request("https://lsz.example.de/api/v1/health", { headers: { origin } }),
        ausgeliefert,
      );
      expect(r.headers.get("access-control-allow-origin"), origin).toBeNull();
      const vorab = await app.fetch(
        new Request("https://lsz.example.de/api/v1/validation", {
          method: "OPTIONS",
          headers: { origin, "access-control-request-method": "POST" },
        }),
        ausgeliefert,
      );
      expect(vorab.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });
});
