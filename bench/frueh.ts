/**
 * The hot path's early figure as `npm run bench` measures it — the same modules loaded (their size
 * moves the figure: the young generation's collections), after the same allocation and validation
 * benchmarks, in a fresh process — alone, so that its spread can be seen over many runs:
 * `for i in $(seq 10); do npx tsx bench/frueh.ts; done`. (BENCHMARKS.md shows one run.)
 */
import { kreiseAlsRegionen } from "../test/hilfen/daten";
import { benchAllocation } from "./allocation";
import { benchValidation, bodenVergleich } from "./validation";
// What bench/run.ts loads besides, unused here.
import "./browser";
import "./cpu";
import "./feindlich";
import "./gateway";
import "./live-siegel";
import "./officejs";
import "./worker";

benchAllocation(kreiseAlsRegionen());
benchValidation();
const b = bodenVergleich();
console.log(
  `early: floor ${b.boden_ms.toFixed(3)} ms, reading ${b.zod_ms.toFixed(3)} ms, whole ${b.voll_ms.toFixed(3)} ms, ratio ${b.verhaeltnis.toFixed(2)}×`,
);
