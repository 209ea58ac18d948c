/** The typed client against the real worker (inside workerd), and against a service that is down. */
import { describe, expect, it } from "vitest";
import { rechendienstClient, VERSION, type FetchFunktion } from "../../shared";
import { plan } from "../hilfen/plan";
import { BASIS, hole } from "./hilfen";

const zumWorker: FetchFunktion = (url, init) => hole(url.slice(BASIS.length), init);

describe("rechendienstClient", () => {
  const client = rechendienstClient({ basis: BASIS + "/", fetch: zumWorker });

  it("talks to every operation", async () => {
    const h = await client.health();
    expect(h).toEqual({ art: "ok", daten: expect.objectContaining({ version: VERSION }) });
    const v = await client.validation(plan());
    expect(v.art === "ok" && v.daten.befunde).toEqual([]);
  });

  it("hands over problems as data", async () => {
    const a = await client.allocation({ foerderjahr: 2019, haushaltsmittel_eur: -1, regionen: [] } as never);
    expect(a.art).toBe("problem");
    expect(a.art === "problem" && a.problem.errors!.map((e) => e.pointer)).toEqual([
      "/haushaltsmittel_eur",
      "/regionen",
    ]);
  });

  it("a service that cannot be reached is an answer, not an exception", async () => {
    const weg = rechendienstClient({
      basis: "http://127.0.0.1:9",
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    expect(await weg.health()).toEqual({ art: "nicht_erreichbar", grund: "TypeError: fetch failed" });
  });
});
