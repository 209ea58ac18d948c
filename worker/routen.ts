/**
 * The handler of each operation of the route table (shared/routen.ts): `satisfies Record<RoutenName, …>`
 * makes a route without a handler a type error, and the app registers exactly the table's routes with
 * the table's methods and paths. Thin: the engines are in shared/.
 */
import type { Context } from "hono";
import { verteile } from "../shared/allocation/verteilung";
import { pruefe, pruefeInSchritten } from "../shared/pruefung/pruefe";
import { schnellePruefAnfrage } from "../shared/pruefung/schnell";
import { regelkatalog } from "../shared/regeln/ausgabe";
import { REGELWERK_IDS } from "../shared/regelwerke";
import { ROUTEN, type Health, type RoutenName } from "../shared/routen";
import { erstelleSiegel } from "../shared/siegel";
import { VERSION } from "../shared/version";
import { abgeben, liesJson } from "./anfrage";
import { MAX_ANTWORT_BYTES } from "./grenzen";
import { problem } from "./problem";
import type { AppEnv } from "./env";
import { openapiDokument } from "./openapi";
import { schluesselSatz, signierer } from "./siegel";

type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

/** UTF-8 bytes of `text`, counted without encoding it. */
function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) n += 2;
    else if (c >= 0x80) n += 1; // two bytes, or half of a surrogate pair's four
  }
  return n;
}

/**
 * The answer as JSON — or, past MAX_ANTWORT_BYTES, a 413 that says what to shorten. The allocation
 * cannot be split (every region's share depends on all others), so the user shortens names and keys.
 */
function begrenzt(c: Context<AppEnv>, daten: unknown, kuerzen: string): Response {
  const text = JSON.stringify(daten);
  const bytes = text.length * 3 <= MAX_ANTWORT_BYTES ? text.length : utf8Bytes(text);
  if (bytes <= MAX_ANTWORT_BYTES) return c.body(text, 200, { "Content-Type": "application/json" });
  const mb = (x: number) => (x / 1024 / 1024).toLocaleString("de-DE", { maximumFractionDigits: 1 });
  return problem(
    c,
    413,
    `Die Antwort auf diese Anfrage wäre ${mb(bytes)} MB groß, höchstens ${mb(MAX_ANTWORT_BYTES)} MB sind erlaubt. ${kuerzen}`,
  );
}

let dokument: unknown = null; // the OpenAPI document, built once per isolate on first request

export const HANDLER = {
  health: (c) => c.json({ status: "ok", version: VERSION, regelwerke: [...REGELWERK_IDS] } satisfies Health),
  rules: (c) => c.json(regelkatalog()),
  allocation: async (c) => {
    const anfrage = await liesJson(c, ROUTEN.allocation.anfrage);
    if (!anfrage.ok) return anfrage.antwort;
    if (anfrage.gross) await abgeben();
    return begrenzt(
      c,
      verteile(anfrage.daten),
      "Bitte die Namen und Schlüssel der Regionen kürzen (die Verteilung lässt sich nicht in Teilen rechnen, jeder Anteil hängt von allen Regionen ab).",
    );
  },
  validation: async (c) => {
    const anfrage = await liesJson(c, ROUTEN.validation.anfrage, schnellePruefAnfrage);
    if (!anfrage.ok) return anfrage.antwort;
    // A large plan is checked in steps, giving the isolate back between them (issue 29).
    const ergebnis = anfrage.gross ? await pruefeInSchritten(anfrage.daten, abgeben) : pruefe(anfrage.daten);
    if (anfrage.gross) await abgeben();
    const siegel = await erstelleSiegel(anfrage.daten, ergebnis, new Date().toISOString(), {
      signierer: await signierer(c.env),
    });
    return begrenzt(c, { ...ergebnis, siegel }, "Bitte die Tabelle in Teilen prüfen lassen.");
  },
  siegelSchluessel: (c) => c.json(schluesselSatz(c.env)),
  openapi: (c) => c.json((dokument ??= openapiDokument())),
} satisfies Record<RoutenName, Handler>;
