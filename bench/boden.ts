/**
 * Only the hot path against its floor (bench/validation.ts), several times:
 * `npx tsx bench/boden.ts [runs] [warm-up checks before each]`.
 */
import { bodenVergleich } from "./validation";

const laeufe = Number(process.argv[2] ?? 5);
const aufwaermen = Number(process.argv[3] ?? 0);
const ergebnisse = Array.from({ length: laeufe }, () => bodenVergleich(aufwaermen));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (x: number) => x.toFixed(3);
for (const e of ergebnisse) {
  console.log(
    `floor ${f(e.boden_ms)}  zod ${f(e.zod_ms)}  whole ${f(e.voll_ms)}  ratio ${e.verhaeltnis.toFixed(2)}`,
  );
}
console.log(
  `median: floor ${f(median(ergebnisse.map((e) => e.boden_ms)))} ms, zod ${f(median(ergebnisse.map((e) => e.zod_ms)))} ms, whole ${f(median(ergebnisse.map((e) => e.voll_ms)))} ms, ratio ${median(ergebnisse.map((e) => e.verhaeltnis)).toFixed(2)}×`,
);
