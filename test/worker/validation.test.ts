import { describe, expect, it } from "vitest";
import { pruefe, pruefeSiegel, siegelText, validationRequestSchema } from "../../shared";
import { MAX_TEXTZEICHEN, textzeichen } from "../../shared/grenzen";
import type { Jwks } from "../../shared/siegel-schema";
import { plan } from "../hilfen/plan";
import { hole, problemVon, sende } from "./hilfen";

describe("POST /api/v1/validation", () => {
  it("happy path: a clean plan through HTTP equals the engine and has no findings", async () => {
    const r = await sende("/api/v1/validation", plan());
    expect(r.status).toBe(200);
    const { siegel, ...body } = (await r.json()) as ReturnType<typeof pruefe>;
    const anfrage = validationRequestSchema.parse(plan());
    const ergebnis = pruefe(anfrage);
    expect(body).toEqual(ergebnis);
    expect(body.befunde).toEqual([]);
    // The worker signs what it checked (Ed25519 in workerd); its published key verifies the seal.
    const schluessel = (await (await hole("/api/v1/siegel/schluessel")).json()) as Jwks;
    expect(siegel!.aussage.schluessel).toBe("test-2026");
    expect(siegel!.signatur).toMatch(/^[A-Za-z0-9_-]{86}$/);
    const u = await pruefeSiegel(siegel!, anfrage, { schluessel, befunde: ergebnis.befunde });
    expect(siegelText(u)).toMatch(
      /^Siegel gültig – signiert vom Rechendienst \(Schlüssel test-2026\), geprüft am /,
    );
    // One cent more Landesmittel, and the same seal no longer fits.
    const anders = {
      ...anfrage,
      finanzplan: anfrage.finanzplan.map((z, i) => (i === 0 ? { ...z, landesmittel: 1 } : z)),
    };
    expect((await pruefeSiegel(siegel!, anders, { schluessel })).art).toBe("verfaelscht");
    expect(body.summen["2019"]!.landesmittel_eur).toBe(100100);
  });

  it("happy path: text where a number belongs is reported as F07, the rest still checked", async () => {
    const p = plan();
    p.finanzplan[1] = { ...p.finanzplan[1]!, sachausgaben: "viel" };
    p.massnahmen[2] = { ...p.massnahmen[2]!, art: "Erweiterung" };
    const body = (await (await sende("/api/v1/validation", p)).json()) as ReturnType<typeof pruefe>;
    expect(body.befunde.map((b) => `${b.regel}:${b.tabelle}:${b.zeile}:${b.spalte}`)).toEqual([
      "F07:finanzplan:2:sachausgaben",
      "M03:massnahmen:3:art",
    ]);
    expect(body.zeilen.finanzplan[1]!.status).toBe("fehler");
  });

  it("error path: 422 names every offending field by JSON pointer", async () => {
    const p = await problemVon(
      await sende("/api/v1/validation", {
        foerderjahr: 2019,
        kreis: {},
        massnahmen: [{ nr: { a: 1 } }],
        finanzplan: "keine Liste",
      }),
    );
    expect(p.status).toBe(422);
    expect(p.errors!.map((e) => e.pointer)).toEqual(["/massnahmen/0/nr", "/finanzplan"]);
  });
});

describe("POST /api/v1/validation: security", () => {
  it("oversized body, wrong content type, foreign origin", async () => {
    expect(
      (
        await problemVon(
          await sende(
            "/api/v1/validation",
            JSON.stringify({ ...plan(), polster: "x".repeat(5 * 1024 * 1024 + 1) }),
          ),
        )
      ).status,
    ).toBe(413);
    expect(
      (
        await problemVon(
          await sende("/api/v1/validation", JSON.stringify(plan()), {
            "content-type": "application/x-www-form-urlencoded",
          }),
        )
      ).status,
    ).toBe(415);
    const fremd = await sende("/api/v1/validation", plan(), { origin: "https://boese.example" });
    expect(fremd.status).toBe(200);
    expect(fremd.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("more than MAX_TEXTZEICHEN characters of text is 413 before the schema; exactly that many is read", async () => {
    // Issue 29: 4.001 Maßnahmen with 500-character titles (each cell within its own limit, the body
    // within 5 MB) are 2.000.500 characters of text — more than the readers go through per request.
    const p = plan();
    const zeile = p.massnahmen[0]!;
    const voll = {
      ...p,
      massnahmen: Array.from({ length: 4001 }, () => ({ ...zeile, titel: "ä".repeat(500) })),
    };
    expect(JSON.stringify(voll).length).toBeLessThan(5 * 1024 * 1024);
    const zuViel = await problemVon(await sende("/api/v1/validation", voll));
    expect(zuViel.status).toBe(413);
    expect(zuViel.detail).toContain(`${MAX_TEXTZEICHEN.toLocaleString("de-DE")} Zeichen Text`);
    expect(zuViel.errors).toBeUndefined();
    // At the limit exactly (the rest of the text in a field the schema drops): read and checked.
    const rest = MAX_TEXTZEICHEN - textzeichen(p);
    expect((await sende("/api/v1/validation", { ...p, polster: "x".repeat(rest) })).status).toBe(200);
    expect((await sende("/api/v1/validation", { ...p, polster: "x".repeat(rest + 1) })).status).toBe(413);
  });

  it("a cell with 501 characters is 422 naming that cell", async () => {
    const p = plan();
    p.massnahmen[4] = { ...p.massnahmen[4]!, titel: "x".repeat(501) };
    const problem = await problemVon(await sende("/api/v1/validation", p));
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: "/massnahmen/4/titel" })]);
  });

  it("GET /api/v1/siegel/schluessel: the current key and the retired one with its date, no private part", async () => {
    const r = await hole("/api/v1/siegel/schluessel");
    expect(r.status).toBe(200);
    const text = await r.text();
    const jwks = JSON.parse(text) as Jwks;
    expect(jwks.keys.map((k) => [k.kid, k.kty, k.crv, k.ersetzt_am ?? null])).toEqual([
      ["test-2026", "OKP", "Ed25519", null],
      ["test-2025", "OKP", "Ed25519", "2026-01-01"],
    ]);
    expect(text).not.toContain('"d"');
  });
});
