import { describe, expect, it } from "vitest";
import { REGEL_CODES } from "../../shared";
import { hole } from "./hilfen";

interface Katalog {
  regelwerke: {
    id: string;
    version: string;
    foerderperiode: { von: number; bis: number | null };
    regeln: { code: string; schwere: string; titel: string; titel_en: string }[];
  }[];
}

describe("GET /api/v1/rules", () => {
  it("happy path: every code of the one catalogue, per rule set", async () => {
    const r = await hole("/api/v1/rules");
    expect(r.status).toBe(200);
    const k = (await r.json()) as Katalog;
    expect(k.regelwerke.map((w) => w.id)).toEqual(["LSZ-2019", "LSZ-2022"]);
    for (const w of k.regelwerke) expect(w.regeln.map((x) => x.code)).toEqual(REGEL_CODES);
    const f05 = k.regelwerke[0]!.regeln.find((x) => x.code === "F05")!;
    expect(f05).toMatchObject({ schwere: "warnung", titel: "Landesquote einer Maßnahme über 70 %" });
    expect(k.regelwerke[1]!.foerderperiode).toMatchObject({ von: 2022, bis: null });
  });

  it("error path: POST is not an operation here", async () => {
    const r = await hole("/api/v1/rules", { method: "POST" });
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("GET /api/v1/rules: security", () => {
  it("no CORS for a foreign origin, security headers present", async () => {
    const r = await hole("/api/v1/rules", { headers: { origin: "https://boese.example" } });
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
