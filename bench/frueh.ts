/**
 * The hot path's early figure as `npm run bench` measures it — after the same allocation and
 * validation benchmarks, in a fresh process — alone, so that its spread can be seen over many runs:
 * `for i in $(seq 10); do npx tsx bench/frueh.ts; done`. (BENCHMARKS.md shows one run.)
 */
import { kreiseAlsRegionen } from "../test/hilfen/daten";
import { benchAllocation } from "./allocation";
import { benchValidation, bodenVergleich } from "./validation";

benchAllocation(kreiseAlsRegionen());
benchValidation();
const b = bodenVergleich();
console.log(
  `early: floor ${b.boden_ms.toFixed(3)} ms, reading ${b.zod_ms.toFixed(3)} ms, whole ${b.voll_ms.toFixed(3)} ms, ratio ${b.verhaeltnis.toFixed(2)}×`,
);
