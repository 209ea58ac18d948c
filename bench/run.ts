/**
 * `npm run bench`: measures the shared core and prints the tables (issue 8 adds BENCHMARKS.md).
 */
import os from "node:os";
import { benchAllocation } from "./allocation";
import { benchValidation } from "./validation";
import { kreiseAlsRegionen } from "../test/hilfen/daten";
import { tabelle } from "./messen";

const kopf = `Node ${process.version}, ${os.cpus()[0]?.model ?? "CPU"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}`;
console.log(kopf + "\n");
console.log(tabelle("Allocation (shared core, verteile)", benchAllocation(kreiseAlsRegionen())));
console.log(tabelle("Validation (shared core, pruefe; n Maßnahmen + n Finanzplan rows)", benchValidation()));
