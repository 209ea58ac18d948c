import { describe, expect, it } from "vitest";
import { REGELWERK_IDS, VERSION } from "../../shared";
import { hole, problemVon } from "./hilfen";

describe("GET /api/v1/health", () => {
  it("happy path: status, version, rule sets", async () => {
    const r = await hole("/api/v1/health");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok", version: VERSION, regelwerke: [...REGELWERK_IDS] });
  });

  it("error path: an unknown path is a German 404 problem", async () => {
    const p = await problemVon(await hole("/api/v1/gibtsnicht"));
    expect(p.status).toBe(404);
    expect(p.detail).toContain("Unter GET /api/v1/gibtsnicht gibt es nichts");
  });

  it("security: headers on every answer", async () => {
    const r = await hole("/api/v1/health");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(r.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
