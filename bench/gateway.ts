/**
 * The add-in's Office seam on the strict fake Excel: syncs, the largest request and response (UTF-8
 * JSON, as Excel on the web measures against its 5 MB limit), bytes across the boundary and time per
 * check — with a finding on every Finanzplan row (its Maßnahme does not exist).
 */
import { performance } from "node:perf_hooks";
import { finanzplanPruefen } from "../addin/src/ablauf";
import { createGateway } from "../addin/src/gateway/gateway";
import { grosseMappe } from "../test/hilfen/grosse-mappe";
import { BEISPIEL } from "./beispiel";

export interface GatewayMessung {
  zeilen: number;
  syncs: number;
  /** Largest single request and response of the run, in bytes. */
  anfrage: number;
  antwort: number;
  kib: number;
  ms: number;
}

export async function benchGateway(): Promise<GatewayMessung[]> {
  const ergebnisse: GatewayMessung[] = [];
  for (const n of [15, 1000, 10_000, 20_000]) {
    const m = grosseMappe(BEISPIEL, n);
    const g = createGateway(m.api());
    const t0 = performance.now();
    const e = await finanzplanPruefen({ gateway: g, dienst: null });
    const ms = performance.now() - t0;
    if (e.art !== "ok") throw new Error("Prüfung fehlgeschlagen");
    ergebnisse.push({
      zeilen: n,
      syncs: m.syncs,
      anfrage: Math.max(...m.anfragen),
      antwort: Math.max(...m.antworten),
      kib: m.uebertragen / 1024,
      ms,
    });
  }
  return ergebnisse;
}
