/**
 * `npm run build`: everything deployable — the worker bundle (dist/worker, what `wrangler deploy`
 * uploads) and the task pane (dist/addin, what an https host serves to Excel) — then their sizes.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const repo = resolve(fileURLToPath(import.meta.url), "../..");
const npx = (...args) => execFileSync("npx", ["--no-install", ...args], { cwd: repo, stdio: "inherit" });

npx("node", "scripts/build-worker.mjs");
npx("vite", "build", "--config", "addin/vite.config.ts", "--logLevel", "warn");

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
