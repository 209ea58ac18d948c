/**
 * The typed client of the calculation service, used by the task pane and the command-line tool.
 * `fetch` is passed in, so this file needs neither DOM nor Workers nor Node types; the caller's fetch
 * also sets the time limit (e.g. `AbortSignal.timeout(15000)`). A network failure or a timeout is an
 * answer too (`nicht_erreichbar`): the caller then runs the shared core itself.
 */
import { ROUTEN, type AnfrageVon, type AntwortVon, type Problem, type RoutenName } from "./routen";

export type { Health, Problem } from "./routen";

/** The part of fetch the client uses; the global fetch of browsers, workerd and Node fits. */
export type FetchFunktion = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export type Antwort<T> =
  { art: "ok"; daten: T } | { art: "problem"; problem: Problem } | { art: "nicht_erreichbar"; grund: string };

interface ClientOptionen {
  /** Base URL, e.g. "http://127.0.0.1:8787". */
  basis: string;
  fetch: FetchFunktion;
}

export function rechendienstClient(optionen: ClientOptionen) {
  let basis = optionen.basis;
  while (basis.endsWith("/")) basis = basis.slice(0, -1); // linear, unlike /\/+$/

  async function anfrage<N extends RoutenName>(
    name: N,
    body?: AnfrageVon<N>,
  ): Promise<Antwort<AntwortVon<N>>> {
    const { methode, pfad } = ROUTEN[name];
    try {
      const antwort = await optionen.fetch(basis + pfad, {
        method: methode,
        headers:
          body === undefined
            ? { accept: "application/json" }
            : { "content-type": "application/json", accept: "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await antwort.text();
      const typ = antwort.headers.get("content-type") ?? "";
      if (antwort.status >= 200 && antwort.status < 300)
        return { art: "ok", daten: JSON.parse(text) as AntwortVon<N> };
      if (typ.startsWith("application/problem+json"))
        return { art: "problem", problem: JSON.parse(text) as Problem };
      return { art: "nicht_erreichbar", grund: `Antwort ${antwort.status} ohne Problembeschreibung` };
    } catch (e) {
      return { art: "nicht_erreichbar", grund: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  }

  return {
    health: () => anfrage("health"),
    allocation: (a: AnfrageVon<"allocation">) => anfrage("allocation", a),
    validation: (a: AnfrageVon<"validation">) => anfrage("validation", a),
    siegelSchluessel: () => anfrage("siegelSchluessel"),
  };
}

export type Rechendienst = ReturnType<typeof rechendienstClient>;
