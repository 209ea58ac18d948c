/**
 * `npm run deploy -- <umgebung>`: the production build for that wrangler environment (wrangler.jsonc
 * `env.staging`, `env.production`), with the manifest for its origin (`vars.LSZ_ORIGIN`), then
 * `wrangler deploy --env <umgebung>`, which uploads the worker and the pane together.
 * `--dry-run` (what `npm run deploy:probe` and CI run) builds and packs everything without uploading.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { experimental_readRawConfig, unstable_readConfig } from "wrangler";

const repo = resolve(fileURLToPath(import.meta.url), "../..");
const konfiguration = resolve(repo, "wrangler.jsonc");
const argumente = process.argv.slice(2);
const probe = argumente.includes("--dry-run");
const umgebung = argumente.find((a) => !a.startsWith("--"));
const umgebungen = Object.keys(experimental_readRawConfig({ config: konfiguration }).rawConfig.env ?? {});

function abbruch(satz) {
  console.error(satz);
  process.exit(1);
}

if (!umgebung || !umgebungen.includes(umgebung))
  abbruch(
    `Welche Umgebung? npm run deploy -- ${umgebungen.join(" | ")}  (aus wrangler.jsonc; --dry-run lädt nichts hoch)`,
  );
const origin = unstable_readConfig({ config: konfiguration, env: umgebung }).vars?.["LSZ_ORIGIN"];
if (typeof origin !== "string" || origin === "")
  abbruch(`In wrangler.jsonc fehlt env.${umgebung}.vars.LSZ_ORIGIN (die https-Adresse des Add-ins).`);
// RFC 2606 reserves the top-level domain .example: such an origin is the placeholder of the repository.
if (!probe && new URL(origin).hostname.endsWith(".example"))
  abbruch(
    `In wrangler.jsonc steht für „${umgebung}“ noch die Beispieladresse ${origin}. Bitte die echte Adresse ` +
      "eintragen (docs/betrieb.md, Abschnitt „Erstmals ausliefern“).",
  );

const umgebungFuerBau = { ...process.env, LSZ_ORIGIN: origin, WRANGLER_SEND_METRICS: "false" };
delete umgebungFuerBau["VITE_RECHENDIENST"];
const npx = (...args) =>
  execFileSync("npx", ["--no-install", ...args], { cwd: repo, stdio: "inherit", env: umgebungFuerBau });

console.log(`Auslieferung „${umgebung}“ für ${origin}${probe ? " (Probe, ohne Hochladen)" : ""}`);
npx("node", "scripts/build.mjs");
npx("wrangler", "deploy", "--env", umgebung, ...(probe ? ["--dry-run", "--outdir", "dist/deploy"] : []));
if (!probe)
  console.log(
    `\nAusgeliefert. Manifest für das Microsoft 365 Admin Center: dist/manifest.xml oder ${origin}/manifest.xml`,
  );
