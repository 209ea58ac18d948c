/**
 * Random junk at every endpoint: never a 5xx, and every 4xx is problem+json.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hole } from "./hilfen";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../hilfen/saat";

const pfade = [
  "/api/v1/health",
  "/api/v1/rules",
  "/api/v1/allocation",
  "/api/v1/validation",
  "/openapi.json",
  "/api/v1/",
  "/x",
];

describe("fuzzing", () => {
  it("random bodies, types and methods never produce a 5xx", { timeout: EIGENSCHAFT_ZEIT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pfade),
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"),
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/json; charset=utf-8",
          "",
          "application/problem+json",
          "multipart/form-data",
        ),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.anything().map((x) => {
            try {
              return JSON.stringify(x) ?? "null";
            } catch {
              return "null";
            }
          }),
          fc
            .record({
              foerderjahr: fc.anything(),
              haushaltsmittel_eur: fc.anything(),
              regionen: fc.array(fc.dictionary(fc.string(), fc.jsonValue())),
            })
            .map((x) => JSON.stringify(x)),
          fc
            .record({
              foerderjahr: fc.integer(),
              kreis: fc.dictionary(fc.string(), fc.jsonValue()),
              massnahmen: fc.array(fc.dictionary(fc.string(), fc.jsonValue())),
              finanzplan: fc.array(fc.dictionary(fc.string(), fc.jsonValue())),
            })
            .map((x) => JSON.stringify(x)),
        ),
        async (pfad, methode, typ, body) => {
          const mitBody = methode !== "GET" && methode !== "OPTIONS";
          const r = await hole(pfad, {
            method: methode,
            headers: typ ? { "content-type": typ } : {},
            ...(mitBody ? { body } : {}),
          });
          expect(r.status).toBeLessThan(500);
          if (r.status >= 400) expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          await r.arrayBuffer();
        },
      ),
      { numRuns: 300, seed: SAAT },
    );
  });
});
