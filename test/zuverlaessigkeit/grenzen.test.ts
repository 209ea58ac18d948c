/**
 * The worker's limits under wrangler dev (`npm start`'s worker, with its proxy) on loopback: a body
 * announced over 5 MB gets its 413, not the proxy's 500; lists around each limit get 200 or 422, never
 * a 5xx; the worst requests under the limits answer in bounded time and size. Bounded loops only.
 */
import type { ChildProcess } from "node:child_process";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starteWorker } from "../../bench/worker";
import { LISTEN_GRENZEN } from "../../shared/grenzen";
import { plan } from "../hilfen/plan";

const PORT = 8798;
let worker: ChildProcess;
beforeAll(async () => {
  worker = await starteWorker(PORT);
}, 180_000);
afterAll(() => {
  worker?.kill("SIGTERM");
});

/** POST with an explicit Content-Length, the way Excel's fetch and curl send a body. */
function poste(pfad: string, body: Buffer): Promise<{ status: number; text: string; ms: number }> {
  const start = performance.now();
  return new Promise((fertig, fehler) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: pfad,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": body.length },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => fertig({ status: res.statusCode ?? 0, text, ms: performance.now() - start }));
      },
    );
    req.on("error", fehler);
    req.end(body);
  });
}

describe("reliability: limits", () => {
  it("a body of 6 MB with Content-Length gets 413 problem+json, five times in a row", async () => {
    const gross = Buffer.from(
      JSON.stringify({
        foerderjahr: 2019,
        kreis: {},
        massnahmen: [],
        finanzplan: [],
        x: "x".repeat(6 * 1024 * 1024),
      }),
    );
    for (let i = 0; i < 5; i++) {
      const r = await poste("/api/v1/validation", gross);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.text)).toMatchObject({ status: 413 });
    }
  });

  it("lists around each limit: 200 or 422, never a 5xx; answers under 10 MB", async () => {
    const nrn = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];
    const faelle: [string, number, (n: number) => unknown][] = [
      [
        "finanzplan",
        LISTEN_GRENZEN.finanzplan,
        (n) => ({
          ...plan(),
          finanzplan: Array.from({ length: n }, (_, i) => ({
            massnahme_nr: nrn[i % 6],
            jahr: 2019,
            landesmittel: "x",
          })),
        }),
      ],
      [
        "massnahmen",
        LISTEN_GRENZEN.massnahmen,
        (n) => ({ ...plan(), massnahmen: Array.from({ length: n }, (_, i) => ({ nr: `${i}`, titel: "t" })) }),
      ],
      [
        "regionen",
        LISTEN_GRENZEN.regionen,
        (n) => ({
          foerderjahr: 2019,
          haushaltsmittel_eur: 1e6,
          ebene: "frei",
          regionen: Array.from({ length: n }, (_, i) => ({
            schluessel: `R${i}`,
            einwohner: 100 + (i % 7),
            flaeche_km2: 1,
          })),
        }),
      ],
    ];
    const ergebnisse: string[] = [];
    for (const [liste, max, anfrage] of faelle)
      for (const n of [max - 1, max, max + 1]) {
        const pfad = liste === "regionen" ? "/api/v1/allocation" : "/api/v1/validation";
        const r = await poste(pfad, Buffer.from(JSON.stringify(anfrage(n))));
        ergebnisse.push(
          `${liste} ${n}: ${r.status}, ${Math.round(r.text.length / 1024)} KiB, ${Math.round(r.ms)} ms`,
        );
        expect(r.status, `${liste} ${n}`).toBe(n > max ? 422 : 200);
        expect(r.text.length).toBeLessThan(10 * 1024 * 1024);
      }
    console.log(`Grenzen unter wrangler dev:\n${ergebnisse.join("\n")}`);
  });
});
