import { describe, expect, it } from "vitest";
import { LISTEN_GRENZEN, MAX_TEXTZEICHEN } from "../../shared/grenzen";
import { ROUTEN, ROUTEN_NAMEN } from "../../shared/routen";
import { hole } from "./hilfen";

interface Dok {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { maxItems?: number }>; required?: string[] }>;
  };
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
      "/api/v1/siegel/schluessel",
      "/api/v1/validation",
      "/openapi.json",
    ]);
    for (const pfad of ["/api/v1/allocation", "/api/v1/validation"]) {
      expect(Object.keys(d.paths[pfad]!["post"]!.responses)).toEqual(["200", "400", "413", "415", "422"]);
      // The text limit the worker enforces, from the same constant (issue 29).
      expect(d.paths[pfad]!["post"]!.requestBody).toMatchObject({ "x-max-textzeichen": MAX_TEXTZEICHEN });
      expect(JSON.stringify(d.paths[pfad]!["post"]!.responses["413"])).toContain(
        MAX_TEXTZEICHEN.toLocaleString("de-DE"),
      );
    }
    const req = d.components.schemas["AllocationRequest"]!;
    expect(req.required).toEqual(expect.arrayContaining(["foerderjahr", "haushaltsmittel_eur", "regionen"]));
    expect(Object.keys(req.properties!)).toEqual(expect.arrayContaining(["regelwerk", "verfahren", "ebene"]));
    // The lists' maxItems are the limits the worker enforces (issue 29: the document said 200.000).
    expect(req.properties!["regionen"]!.maxItems).toBe(LISTEN_GRENZEN.regionen);
    const pruefung = d.components.schemas["ValidationRequest"]!.properties!;
    expect(pruefung["massnahmen"]!.maxItems).toBe(LISTEN_GRENZEN.massnahmen);
    expect(pruefung["finanzplan"]!.maxItems).toBe(LISTEN_GRENZEN.finanzplan);
    expect(Object.keys(d.components.schemas["ValidationResponse"]!.properties!)).toEqual(
      expect.arrayContaining(["befunde", "summen", "zeilen"]),
    );
  });
});

describe("the route table", () => {
  it("every operation of the table answers at its path and method, is in the document, and the 404 names it", async () => {
    const d = (await (await hole("/openapi.json")).json()) as Dok;
    const fehlt = (await (await hole("/api/v1/gibtsnicht")).json()) as { detail: string };
    for (const name of ROUTEN_NAMEN) {
      const { methode, pfad } = ROUTEN[name];
      const r = await hole(pfad, {
        method: methode,
        ...(methode === "POST" ? { headers: { "content-type": "application/json" }, body: "{}" } : {}),
      });
      expect(r.status, `${methode} ${pfad}`).not.toBe(404);
      expect(d.paths[pfad]?.[methode.toLowerCase()], pfad).toBeDefined();
      expect(fehlt.detail).toContain(pfad);
    }
  });
});
