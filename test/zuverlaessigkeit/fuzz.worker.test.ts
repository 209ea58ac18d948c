/**
 * 100.000 fuzzed requests across all endpoints, inside workerd: 0 × 5xx, every 4xx problem+json.
 * Seeded, so a failure can be replayed (the seed is in the message).
 */
import { describe, expect, it } from "vitest";
import { plan } from "../hilfen/plan";
import { hole } from "../worker/hilfen";

function zufall(saat: number) {
  let s = saat >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GUELTIG = [
  JSON.stringify({
    foerderjahr: 2019,
    haushaltsmittel_eur: 1000,
    ebene: "frei",
    regionen: [
      {
        schluessel: "A",
        einwohner: 100,
        unter_20: 20,
        von_20_bis_unter_65: 60,
        ab_65: 20,
        mindestsicherung: 8,
        flaeche_km2: 3,
      },
      {
        schluessel: "B",
        einwohner: 300,
        unter_20: 50,
        von_20_bis_unter_65: 200,
        ab_65: 50,
        mindestsicherung: 20,
        flaeche_km2: 9,
      },
    ],
  }),
  JSON.stringify(plan()),
];
const PFADE = [
  "/api/v1/allocation",
  "/api/v1/validation",
  "/api/v1/health",
  "/api/v1/rules",
  "/openapi.json",
  "/api/v2/x",
  "/",
];
const METHODEN = ["POST", "POST", "POST", "GET", "PUT", "OPTIONS", "DELETE"];
const TYPEN = [
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "",
  "application/xml",
];
const ZEICHEN = [
  '"',
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  "0",
  "-",
  "e",
  "n",
  "\\",
  "\u0000",
  "ü",
  "1e999",
  "null",
  "__proto__",
  " ".repeat(3),
];

describe("reliability: fuzzing the worker", () => {
  it("100.000 requests, 0 × 5xx", async () => {
    const saat = Number(process.env["LSZ_SAAT"] ?? 20261122);
    const r = zufall(saat);
    const wahl = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const status = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      let body = wahl(GUELTIG);
      const art = r();
      if (art < 0.5) {
        for (let k = 1 + Math.floor(r() * 4); k > 0; k--) {
          const p = Math.floor(r() * body.length);
          body = body.slice(0, p) + wahl(ZEICHEN) + body.slice(p + 1 + Math.floor(r() * 3));
        }
      } else if (art < 0.65) body = body.slice(0, Math.floor(r() * body.length));
      else if (art < 0.75)
        body = JSON.stringify(JSON.parse(body), (_k, v) =>
          typeof v === "number" && r() < 0.1 ? wahl(["x", -1, 1e308, null, true, [], {}]) : v,
        );
      const methode = art < 0.9 ? "POST" : wahl(METHODEN);
      const pfad =
        art < 0.9
          ? body === GUELTIG[0] || body.includes("haushaltsmittel")
            ? "/api/v1/allocation"
            : "/api/v1/validation"
          : wahl(PFADE);
      const typ = art < 0.95 ? "application/json" : wahl(TYPEN);
      const antwort = await hole(pfad, {
        method: methode,
        headers: typ ? { "content-type": typ } : {},
        ...(methode === "GET" || methode === "OPTIONS" ? {} : { body }),
      });
      status.set(antwort.status, (status.get(antwort.status) ?? 0) + 1);
      if (antwort.status >= 500)
        expect.fail(
          `Anfrage ${i} (Saat ${saat}) bekam ${antwort.status}: ${methode} ${pfad} ${body.slice(0, 200)}`,
        );
      if (
        antwort.status >= 400 &&
        !(antwort.headers.get("content-type") ?? "").startsWith("application/problem+json")
      )
        expect.fail(`Anfrage ${i}: ${antwort.status} ohne problem+json`);
      await antwort.arrayBuffer();
    }
    console.log(
      `Statuscodes über 100.000 Anfragen: ${JSON.stringify(Object.fromEntries([...status].sort()))}`,
    );
    expect([...status.keys()].every((s) => s < 500)).toBe(true);
  }, 600_000);
});
