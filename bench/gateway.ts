/**
 * The add-in's Office seam on the strict fake Excel: syncs, the largest request and response (UTF-8
 * JSON, as Excel on the web measures against its 5 MB limit), bytes across the boundary and time per
 * check — with a finding on every Finanzplan row (its Maßnahme does not exist).
 */
import { performance } from "node:perf_hooks";
import { finanzplanPruefen } from "../addin/src/ablauf";
import { beispielMappe } from "../addin/src/fake/beispiel-mappe";
import { createGateway } from "../addin/src/gateway/gateway";
import { FINANZPLAN, MASSNAHMEN } from "../shared";
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
    const m = beispielMappe(BEISPIEL);
    if (n > 15) {
      // n Maßnahmen and n Finanzplan rows
      const tm = m.tabellen.find((t) => t.name === MASSNAHMEN.tabelle)!;
      const tf = m.tabellen.find((t) => t.name === FINANZPLAN.tabelle)!;
      for (let r = 0; r < n; r++) {
        const nr = `${(r % 6) + 1}.${r}`;
        const ms: Record<string, unknown> = {
          nr,
          titel: `Maßnahme ${r}`,
          handlungsfeld: `HF ${(r % 6) + 1}`,
          art: "neu",
          traeger: "Verein e. V.",
          traegerart: "gemeinnütziger Träger",
          beginn: "ab zweitem Quartal 2019",
        };
        MASSNAHMEN.spalten.forEach((s, c) =>
          m.setze("Maßnahmen", 2 + r, c + 1, (ms[s.schluessel] as never) ?? null),
        );
        const fp: Record<string, unknown> = {
          massnahme_nr: `9.${r}`, // no such Maßnahme: a finding (F10) on every row
          jahr: 2019,
          personalausgaben: 1000,
          eigenmittel_kreis: 300,
          landesmittel: 700,
        };
        FINANZPLAN.spalten.forEach((s, c) =>
          m.setze("Finanzplan", 2 + r, c + 1, (fp[s.schluessel] as never) ?? null),
        );
      }
      tm.zeilen = n;
      tf.zeilen = n;
    }
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
