import { describe, expect, it } from "vitest";
import csv from "../../data/thueringen-kreise-2017.csv?raw";
import { allocationRequestSchema, verteile } from "../../shared";
import { LISTEN_GRENZEN } from "../../shared/grenzen";
import { MAX_ANTWORT_BYTES, MAX_BODY_BYTES } from "../../worker/grenzen";
import { kreiseAlsRegionenAus, kreiseAusCsv } from "../hilfen/kreise-csv";
import { hole, problemVon, sende } from "./hilfen";

const anfrage = {
  regelwerk: "LSZ-2019",
  foerderjahr: 2019,
  haushaltsmittel_eur: 10_000_000,
  regionen: kreiseAlsRegionenAus(kreiseAusCsv(csv)),
};

describe("POST /api/v1/allocation", () => {
  it("happy path: the 23 Kreise through HTTP equal the engine's result, Σ = 10.000.000 €", async () => {
    const r = await sende("/api/v1/allocation", anfrage);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/json");
    const body = (await r.json()) as ReturnType<typeof verteile>;
    expect(body).toEqual(verteile(allocationRequestSchema.parse(anfrage)));
    expect(body.summe_eur).toBe(10_000_000);
    expect(body.regionen).toHaveLength(23);
  });

  it("happy path: what a user typed wrong is a finding, not an error", async () => {
    const regionen = anfrage.regionen.map((r, i) => (i === 0 ? { ...r, einwohner: "viele" } : r));
    const body = (await (await sende("/api/v1/allocation", { ...anfrage, regionen })).json()) as ReturnType<
      typeof verteile
    >;
    expect(body.berechnet).toBe(false);
    expect(body.befunde[0]).toMatchObject({ regel: "I04", zeile: 1, spalte: "einwohner" });
  });

  it("error path: a wrong shape is 422 with a German detail and a pointer per field", async () => {
    const p = await problemVon(
      await sende("/api/v1/allocation", {
        foerderjahr: "2019",
        haushaltsmittel_eur: 1,
        regionen: [{ name: "ohne Schlüssel" }],
      }),
    );
    expect(p.status).toBe(422);
    expect(p.errors!.map((e) => e.pointer)).toEqual(["/foerderjahr", "/regionen/0/schluessel"]);
    expect(p.detail).toMatch(/^Die Anfrage passt nicht zum Schema: 2 Felder sind fehlerhaft/);
    expect(p.errors![0]!.detail).toMatch(/erwartet/);
  });

  it("error path: no JSON, wrong content type, empty body", async () => {
    expect((await problemVon(await sende("/api/v1/allocation", "{kaputt"))).status).toBe(400);
    expect(
      (await problemVon(await sende("/api/v1/allocation", "{}", { "content-type": "text/plain" }))).status,
    ).toBe(415);
    expect(
      (
        await problemVon(
          await hole("/api/v1/allocation", {
            method: "POST",
            headers: { "content-type": "application/json" },
          }),
        )
      ).status,
    ).toBe(400);
  });

  it("security: a body above 5 MB is 413", async () => {
    const gross = JSON.stringify({ ...anfrage, polster: "x".repeat(5 * 1024 * 1024) });
    const p = await problemVon(await sende("/api/v1/allocation", gross));
    expect(p.status).toBe(413);
    expect(p.detail).toContain("größer als 5 MB");
  });

  it("security: huge arrays and long strings are 422, not a crash", async () => {
    const viele = {
      ...anfrage,
      regionen: Array.from({ length: 200_001 }, (_, i) => ({ schluessel: String(i) })),
    };
    const p = await problemVon(await sende("/api/v1/allocation", viele));
    expect([413, 422]).toContain(p.status);
    const lang = await problemVon(
      await sende("/api/v1/allocation", { ...anfrage, regionen: [{ schluessel: "x".repeat(1000) }] }),
    );
    expect(lang.status).toBe(422);
    expect(lang.errors![0]!.pointer).toBe("/regionen/0/schluessel");
  });

  it("every answer stays within 10 MB: 12.000 regions with long names are 413, with real names 200 (issue 29)", async () => {
    // 12.000 Ortsteile (LISTEN_GRENZEN.regionen), each under a Gemeinde, counts as a table has them.
    const regionen = (name: (i: number) => string) =>
      Array.from({ length: LISTEN_GRENZEN.regionen }, (_, i) => ({
        schluessel: `160${String(i).padStart(9, "0")}`,
        name: name(i),
        gehoert_zu: i % 20 === 0 ? null : `160${String(i - (i % 20)).padStart(9, "0")}`,
        einwohner: 800 + (i % 97),
        unter_20: 150 + (i % 13),
        von_20_bis_unter_65: 450,
        ab_65: 200 + (i % 7),
        mindestsicherung: 40 + (i % 11),
        flaeche_km2: 3 + (i % 5),
      }));
    const verteilung = (n: (i: number) => string) => ({
      foerderjahr: 2019,
      haushaltsmittel_eur: 12_345_678.9,
      ebene: "frei",
      regionen: regionen(n),
    });
    // Names of 75 „€“ (225 bytes each): the body is 4,8 MB and 1,1 million characters of text, within
    // both request limits, but the answer would be over 10 MB — refused, saying what to shorten.
    const lang = JSON.stringify(verteilung(() => "€".repeat(75)));
    expect(new TextEncoder().encode(lang).length).toBeLessThan(MAX_BODY_BYTES);
    const zuGross = await problemVon(await sende("/api/v1/allocation", lang));
    expect(zuGross.status).toBe(413);
    expect(zuGross.detail).toMatch(/^Die Antwort auf diese Anfrage wäre 1\d,\d MB groß, höchstens 10 MB/);
    expect(zuGross.detail).toContain("Namen und Schlüssel der Regionen kürzen");
    // The same 12.000 regions with names as Thuringia's are („Ortsteil 123 von Verwaltungsgemeinschaft
    // Mittleres Schwarzatal“, 60 characters with umlauts): answered, and within 10 MB.
    const echt = await sende(
      "/api/v1/allocation",
      verteilung((i) => `Ortsteil ${i} der Verwaltungsgemeinschaft Größeres Schwarzatal`.slice(0, 60)),
    );
    expect(echt.status).toBe(200);
    const text = await echt.text();
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_ANTWORT_BYTES);
    expect(text.length).toBeGreaterThan(MAX_ANTWORT_BYTES / 2);
  });

  it("security: deep nesting is an ordinary 4xx", async () => {
    const tief = "[".repeat(200_000) + "]".repeat(200_000);
    const r = await sende(
      "/api/v1/allocation",
      `{"foerderjahr":2019,"haushaltsmittel_eur":1,"regionen":${tief}}`,
    );
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    await problemVon(r);
  });

  it("security: __proto__ keys do not pollute anything", async () => {
    const text = `{"__proto__":{"polluted":true},"foerderjahr":2019,"haushaltsmittel_eur":100,"ebene":"frei","regionen":[{"schluessel":"A","einwohner":10,"unter_20":2,"von_20_bis_unter_65":6,"ab_65":2,"mindestsicherung":1,"flaeche_km2":1,"__proto__":{"einwohner":0},"constructor":{"prototype":{"polluted":true}}}]}`;
    const r = await sende("/api/v1/allocation", text);
    expect(r.status).toBe(200);
    const body = (await r.json()) as ReturnType<typeof verteile>;
    expect(body.summe_eur).toBe(100);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("polluted");
  });

  it("security: CORS only for the configured add-in origins, preflight answered", async () => {
    const fremd = await sende("/api/v1/allocation", anfrage, { origin: "https://boese.example" });
    expect(fremd.headers.get("access-control-allow-origin")).toBeNull();
    const eigen = await sende("/api/v1/allocation", anfrage, { origin: "https://localhost:3000" });
    expect(eigen.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    const preflight = await hole("/api/v1/allocation", {
      method: "OPTIONS",
      headers: {
        origin: "https://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const fremdPreflight = await hole("/api/v1/allocation", {
      method: "OPTIONS",
      headers: { origin: "https://boese.example", "access-control-request-method": "POST" },
    });
    expect(fremdPreflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
