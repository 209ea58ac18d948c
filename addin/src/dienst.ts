/**
 * The calculation worker the pane talks to. Built for deployment (`npm run build`), the pane is served
 * by the worker itself and calls the API on its own origin: no address, no CORS. The Vite dev server
 * (`npm start`) talks to the local worker; VITE_RECHENDIENST at build time names another worker.
 * A worker that does not answer costs one wait of at most ZEITLIMIT_MS per session: the pane then
 * computes locally at once and asks the worker again quietly (a health request in the background, at
 * most every NEUVERSUCH_MS); once it answers, the next action uses it again.
 */
import { rechendienstClient, type Antwort, type FetchFunktion, type Rechendienst } from "../../shared/client";

/** How long an action waits for the worker before it computes here. */
export const ZEITLIMIT_MS = 3_000;
/** How often, while the worker is down, a quiet health request asks whether it is back. */
export const NEUVERSUCH_MS = 60_000;

/** Why an action computed here without asking: the worker did not answer earlier in this session. */
export const WEITER_LOKAL =
  "Rechendienst war zuvor nicht erreichbar; bis er wieder antwortet, rechnet das Add-in selbst.";

/** fetch with a time limit of its own (setTimeout + AbortController, so tests can drive the clock). */
export function mitZeitlimit(f: typeof fetch, ms: number): FetchFunktion {
  return async (url, init) => {
    const abbruch = new AbortController();
    const uhr = setTimeout(() => abbruch.abort(new DOMException("Zeitlimit", "TimeoutError")), ms);
    try {
      return await f(url, { ...init, signal: abbruch.signal });
    } finally {
      clearTimeout(uhr);
    }
  };
}

/** The worker with a memory for this session: down once, local at once until a quiet retry finds it back. */
export function mitGedaechtnis(d: Rechendienst, jetzt: () => number = Date.now): Rechendienst {
  let ausfall: { versucht: number } | null = null;
  const nachfragen = () => {
    if (!ausfall || jetzt() - ausfall.versucht < NEUVERSUCH_MS) return;
    ausfall.versucht = jetzt();
    void d.health().then((a) => {
      if (a.art === "ok") ausfall = null;
    });
  };
  const merke =
    <A, T>(f: (a: A) => Promise<Antwort<T>>) =>
    async (a: A): Promise<Antwort<T>> => {
      if (ausfall) {
        nachfragen();
        return { art: "nicht_erreichbar", grund: WEITER_LOKAL };
      }
      const antwort = await f(a);
      if (antwort.art === "nicht_erreichbar") ausfall = { versucht: jetzt() };
      return antwort;
    };
  return {
    health: d.health,
    validation: merke(d.validation),
    allocation: merke(d.allocation),
    siegelSchluessel: d.siegelSchluessel,
  };
}

/** "" = the pane's own origin (paths like /api/v1/validation); else the worker's base URL. */
function rechendienstBasis(): string {
  const gesetzt = import.meta.env["VITE_RECHENDIENST"] as string | undefined;
  if (gesetzt !== undefined && gesetzt !== "") return gesetzt;
  // MODE, not DEV: DEV follows NODE_ENV, which a shell or a test runner may have set for a build.
  return import.meta.env.MODE === "development" ? "http://127.0.0.1:8787" : "";
}

export function rechendienst(): Rechendienst {
  const basis = rechendienstBasis();
  return mitGedaechtnis(rechendienstClient({ basis, fetch: mitZeitlimit(fetch, ZEITLIMIT_MS) }));
}
