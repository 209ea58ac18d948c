/**
 * `npm run build`: everything deployable — the worker bundle (dist/worker) and the task pane
 * (dist/addin), which `wrangler deploy` uploads together: the worker serves the pane as static assets
 * and the pane calls the API on its own origin — then their sizes.
 *
 * `LSZ_ORIGIN=https://… npm run build` also writes the production manifest (dist/manifest.xml, and
 * dist/addin/manifest.xml to be served beside the pane), checked offline (scripts/manifest.ts).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const repo = resolve(fileURLToPath(import.meta.url), "../..");
const npx = (...args) => execFileSync("npx", ["--no-install", ...args], { cwd: repo, stdio: "inherit" });

const origin = process.env["LSZ_ORIGIN"];
if (origin && process.env["VITE_RECHENDIENST"]) {
  console.error(
    "LSZ_ORIGIN und VITE_RECHENDIENST sind beide gesetzt. Für die Auslieferung ruft der Aufgabenbereich den " +
      "Rechendienst unter seiner eigenen Adresse auf: VITE_RECHENDIENST bitte nicht setzen.",
  );
  process.exit(1);
}

npx("node", "scripts/build-worker.mjs");
npx("vite", "build", "--config", "addin/vite.config.ts", "--logLevel", "warn");
if (origin) npx("tsx", "scripts/manifest.ts");

function dateien(ordner) {
  return readdirSync(ordner).flatMap((n) => {
    const p = join(ordner, n);
    return statSync(p).isDirectory() ? dateien(p) : [p];
  });
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log("\nGebaut (Größe, gzip):");
let summe = 0;
let summeGz = 0;
for (const datei of dateien(resolve(repo, "dist"))
  .filter((d) => /\.(js|css|html)$/.test(d))
  .sort()) {
  const inhalt = readFileSync(datei);
  const gz = gzipSync(inhalt, { level: 9 }).length;
  summe += inhalt.length;
  summeGz += gz;
  console.log(
    `  ${relative(repo, datei).padEnd(52)} ${kib(inhalt.length).padStart(11)}  ${kib(gz).padStart(10)}`,
  );
}
console.log(`  ${"zusammen".padEnd(52)} ${kib(summe).padStart(11)}  ${kib(summeGz).padStart(10)}`);
