/**
 * A worker that hangs: one wait of at most 3 s per session, then the pane computes here at once and
 * asks quietly, at most once a minute, whether the worker is back (issue: 15,7 s on every click).
 * The clock is vitest's: no test waits for real time.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  NEUVERSUCH_MS,
  WEITER_LOKAL,
  ZEITLIMIT_MS,
  mitGedaechtnis,
  mitZeitlimit,
} from "../../addin/src/dienst";
import { rechendienstClient } from "../../shared/client";

afterEach(() => vi.useRealTimers());

/** A fetch that never answers until its signal aborts; `heil` makes it answer health with 200. */
function haengenderFetch() {
  const zustand = { heil: false, aufrufe: [] as string[] };
  const f = ((url: string, init: { signal?: AbortSignal }) => {
    zustand.aufrufe.push(url);
    if (zustand.heil)
      return Promise.resolve(
        new Response(JSON.stringify({ status: "ok" }), { headers: { "content-type": "application/json" } }),
      );
    return new Promise((_, ablehnen) =>
      init.signal?.addEventListener("abort", () => ablehnen(init.signal!.reason)),
    );
  }) as unknown as typeof fetch;
  return { f, zustand };
}

describe("a worker that hangs", () => {
  it("costs one wait of 3 s, then local at once; a quiet health request per minute finds it back", async () => {
    vi.useFakeTimers();
    let uhr = 0;
    const { f, zustand } = haengenderFetch();
    const d = mitGedaechtnis(
      rechendienstClient({ basis: "http://dienst", fetch: mitZeitlimit(f, ZEITLIMIT_MS) }),
      () => uhr,
    );
    const erste = d.validation({} as never);
    await vi.advanceTimersByTimeAsync(ZEITLIMIT_MS - 1);
    let fertig = false;
    void erste.then(() => (fertig = true));
    await Promise.resolve();
    expect(fertig).toBe(false); // still within the 3 s
    await vi.advanceTimersByTimeAsync(1);
    expect(await erste).toMatchObject({
      art: "nicht_erreichbar",
      grund: expect.stringMatching(/Zeitlimit|Timeout/),
    });
    // The next clicks do not wait: answered at once, without a request to the worker.
    const vorher = zustand.aufrufe.length;
    expect(await d.validation({} as never)).toEqual({ art: "nicht_erreichbar", grund: WEITER_LOKAL });
    expect(zustand.aufrufe.length).toBe(vorher);
    // A minute later a click asks quietly (health), still computing here; the worker is back.
    zustand.heil = true;
    uhr += NEUVERSUCH_MS;
    expect(await d.allocation({} as never)).toEqual({ art: "nicht_erreichbar", grund: WEITER_LOKAL });
    expect(zustand.aufrufe.at(-1)).toBe("http://dienst/api/v1/health");
    await vi.advanceTimersByTimeAsync(0);
    // The next action uses the worker again.
    const wieder = await d.validation({} as never);
    expect(wieder.art).toBe("ok");
  });
});
