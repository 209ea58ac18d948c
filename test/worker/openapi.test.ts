import { describe, expect, it } from "vitest";
import { hole } from "./hilfen";

interface Dok {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

describe("GET /openapi.json", () => {
  it("describes every endpoint and response in OpenAPI 3.1, from the shared schemas", async () => {
    const r = await hole("/openapi.json");
    expect(r.status).toBe(200);
    const d = (await r.json()) as Dok;
    expect(d.openapi).toBe("3.1.0");
    expect(Object.keys(d.paths).sort()).toEqual([
      "/api/v1/allocation",
      "/api/v1/health",
      "/api/v1/rules",
      "/api/v1/validation",
      "/openapi.json",
    ]);
    for (const pfad of ["/api/v1/allocation", "/api/v1/validation"]) {
      expect(Object.keys(d.paths[pfad]!["post"]!.responses)).toEqual(["200", "400", "413", "415", "422"]);
    }
    const req = d.components.schemas["AllocationRequest"]!;
    expect(req.required).toEqual(expect.arrayContaining(["foerderjahr", "haushaltsmittel_eur", "regionen"]));
    expect(Object.keys(req.properties!)).toEqual(expect.arrayContaining(["regelwerk", "verfahren", "ebene"]));
    expect(Object.keys(d.components.schemas["ValidationResponse"]!.properties!)).toEqual(
      expect.arrayContaining(["befunde", "summen", "zeilen"]),
    );
  });
});
