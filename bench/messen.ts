/** Small timing helpers for the benchmarks: warm-up, repeated runs, median. */
import { performance } from "node:perf_hooks";

export interface Messung {
  name: string;
  n: number;
  median_ms: number;
  min_ms: number;
  zeilen_je_s: number;
}

export function miss(name: string, n: number, lauf: () => unknown, wiederholungen = 7): Messung {
  lauf(); // warm-up
  const zeiten: number[] = [];
  for (let i = 0; i < wiederholungen; i++) {
    const t0 = performance.now();
    lauf();
    zeiten.push(performance.now() - t0);
  }
  zeiten.sort((a, b) => a - b);
  const median = zeiten[Math.floor(zeiten.length / 2)]!;
  return { name, n, median_ms: median, min_ms: zeiten[0]!, zeilen_je_s: n / (median / 1000) };
}

export function tabelle(titel: string, messungen: readonly Messung[]): string {
  const zeilen = messungen.map(
    (m) =>
      `| ${m.name} | ${m.n.toLocaleString("de-DE")} | ${m.median_ms.toFixed(2)} | ${m.min_ms.toFixed(2)} | ${Math.round(m.zeilen_je_s).toLocaleString("de-DE")} |`,
  );
  return [
    `### ${titel}`,
    "",
    "| case | rows | median ms | min ms | rows/s |",
    "|---|---:|---:|---:|---:|",
    ...zeilen,
    "",
  ].join("\n");
}
