/**
 * The handler of each operation of the route table (shared/routen.ts): `satisfies Record<RoutenName, …>`
 * makes a route without a handler a type error, and the app registers exactly the table's routes with
 * the table's methods and paths. Thin: the engines are in shared/.
 */
import type { Context } from "hono";
import { verteile } from "../shared/allocation/verteilung";
import { pruefe } from "../shared/pruefung/pruefe";
import { regelkatalog } from "../shared/regeln/ausgabe";
import { REGELWERK_IDS } from "../shared/regelwerke";
import { ROUTEN, type Health, type RoutenName } from "../shared/routen";
import { erstelleSiegel } from "../shared/siegel";
import { VERSION } from "../shared/version";
import { liesJson } from "./anfrage";
import type { AppEnv } from "./env";
import { openapiDokument } from "./openapi";
import { schluesselSatz, signierer } from "./siegel";

type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

let dokument: unknown = null; // the OpenAPI document, built once per isolate on first request

export const HANDLER = {
  health: (c) => c.json({ status: "ok", version: VERSION, regelwerke: [...REGELWERK_IDS] } satisfies Health),
  rules: (c) => c.json(regelkatalog()),
  allocation: async (c) => {
    const anfrage = await liesJson(c, ROUTEN.allocation.anfrage);
    return anfrage.ok ? c.json(verteile(anfrage.daten)) : anfrage.antwort;
  },
  validation: async (c) => {
    const anfrage = await liesJson(c, ROUTEN.validation.anfrage);
    if (!anfrage.ok) return anfrage.antwort;
    const ergebnis = pruefe(anfrage.daten);
    return c.json({
      ...ergebnis,
      siegel: await erstelleSiegel(anfrage.daten, ergebnis, new Date().toISOString(), {
        signierer: await signierer(c.env),
      }),
    });
  },
  siegelSchluessel: (c) => c.json(schluesselSatz(c.env)),
  openapi: (c) => c.json((dokument ??= openapiDokument())),
} satisfies Record<RoutenName, Handler>;
