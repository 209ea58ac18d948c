/**
 * 20.000 requests at 50 concurrent against the worker in workerd (wrangler dev on 127.0.0.1): 0 errors,
 * every allocation adding up to the cent. Traffic only to loopback; the loop is bounded.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocationRequestSchema, verteile } from "../../shared";
import { PORT, starteWorker } from "../../bench/worker";
import { kreiseAlsRegionen } from "../hilfen/daten";
import { plan } from "../hilfen/plan";

let worker: ChildProcess;
beforeAll(async () => {
  worker = await starteWorker();
}, 120_000);
afterAll(() => {
  worker?.kill("SIGTERM");
});

describe("reliability: load", () => {
  it("20.000 requests at 50 concurrent, 0 errors", async () => {
    const allocation = {
      regelwerk: "LSZ-2019",
      foerderjahr: 2019,
      haushaltsmittel_eur: 10_000_000,
      regionen: kreiseAlsRegionen(),
    };
    const erwartet = verteile(allocationRequestSchema.parse(allocation));
    const koerper = [JSON.stringify(plan()), JSON.stringify(allocation)];
    let naechste = 0;
    const fehler: string[] = [];
    const statusZaehler = new Map<number, number>();
    async function arbeiter() {
      for (let i = naechste++; i < 20_000; i = naechste++) {
        const art = i % 3;
        try {
          const r =
            art === 2
              ? await fetch(`http://127.0.0.1:${PORT}/api/v1/health`)
              : await fetch(`http://127.0.0.1:${PORT}/api/v1/${art === 0 ? "validation" : "allocation"}`, {
                  method: "POST",
                  headers: { "content-type": "application/json" },
                  body: koerper[art],
                });
          statusZaehler.set(r.status, (statusZaehler.get(r.status) ?? 0) + 1);
          const body = (await r.json()) as {
            summe_eur?: number;
            regionen?: { foerderhoechstbetrag_eur: number }[];
          };
          if (r.status !== 200) fehler.push(`${i}: ${r.status}`);
          else if (
            art === 1 &&
            (body.summe_eur !== 10_000_000 ||
              body.regionen![15]!.foerderhoechstbetrag_eur !==
                erwartet.regionen[15]!.foerderhoechstbetrag_eur)
          )
            fehler.push(`${i}: Summe ${body.summe_eur}`);
        } catch (e) {
          fehler.push(`${i}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    await Promise.all(Array.from({ length: 50 }, arbeiter));
    console.log(`Last: ${JSON.stringify(Object.fromEntries(statusZaehler))}`);
    expect(fehler.slice(0, 10)).toEqual([]);
    expect([...statusZaehler.values()].reduce((a, b) => a + b, 0)).toBe(20_000);
  }, 600_000);
});
