/**
 * `npm start`: runs the product locally, offline — the calculation worker in workerd (wrangler dev on
 * http://127.0.0.1:8787) and the task pane (Vite on http://localhost:3000), whose preview page shows
 * the pane working on the example workbook without Excel. Ctrl+C stops everything.
 */
import { spawn } from "node:child_process";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import { entwicklungsschluessel } from "./siegel-schluessel.mjs";

const umgebung = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false", // no telemetry
  CLOUDFLARE_CF_FETCH_ENABLED: "false", // no download of Request.cf data: fully offline
};

const dienste = [
  {
    name: "Rechendienst",
    befehl: "npx",
    argumente: [
      "--no-install",
      "wrangler",
      "dev",
      "--port",
      "8787",
      "--ip",
      "127.0.0.1",
      "--show-interactive-dev-session=false",
    ],
    adresse: "http://127.0.0.1:8787/api/v1/health",
    probe: "http://127.0.0.1:8787/api/v1/health",
  },
  {
    name: "Aufgabenbereich (Vorschau ohne Excel)",
    befehl: "npx",
    argumente: ["--no-install", "vite", "--config", "addin/vite.config.ts"],
    adresse: "https://localhost:3000/taskpane.html in Excel (siehe README)",
    probe: "http://localhost:3000/vorschau.html",
  },
];

await entwicklungsschluessel(); // the Prüfsiegel's local key, before wrangler dev reads .dev.vars

let endet = false;
const prozesse = dienste.map((d) => {
  const p = spawn(d.befehl, d.argumente, { env: umgebung, stdio: "inherit" });
  p.on("exit", (code) => {
    console.log(`${d.name} beendet (${code ?? "Signal"}).`);
    beenden(code ?? 0);
  });
  return p;
});

/** Answers once with any HTTP status (http, or https with the dev certificate); false if nothing listens. */
function antwortet(adresse) {
  return new Promise((ok) => {
    const url = new URL(adresse);
    const versuch = (get, u) =>
      get(u, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        ok(true);
      }).on("error", () =>
        u.protocol === "http:" ? versuch(httpsGet, new URL(u.href.replace("http:", "https:"))) : ok(false),
      );
    versuch(httpGet, url);
  });
}

// The link comes last, after wrangler's and Vite's own lines, once both answer.
const start = Date.now();
(async () => {
  for (const d of dienste)
    while (!endet && !(await antwortet(d.probe))) {
      if (Date.now() - start > 120_000) {
        console.log(`\n${d.name} antwortet nach 2 Minuten nicht auf ${d.probe}; siehe die Meldungen oben.`);
        return;
      }
      await new Promise((w) => setTimeout(w, 500));
    }
  if (endet) return;
  console.log("\n────────────────────────────────────────────────────────────");
  console.log(" LSZ-Finanzplan läuft.");
  console.log(` Rechendienst:  ${dienste[0].adresse}`);
  console.log(` Aufgabenbereich: ${dienste[1].adresse}`);
  console.log("");
  console.log(" ▶ Vorschau ohne Excel (Beispielarbeitsmappe):  http://localhost:3000/");
  console.log("");
  console.log(" Beenden mit Strg+C.");
  console.log("────────────────────────────────────────────────────────────\n");
})();

function beenden(code) {
  if (endet) return;
  endet = true;
  for (const p of prozesse) if (p.exitCode === null) p.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => beenden(0));
process.on("SIGTERM", () => beenden(0));
