/**
 * `npm start`: runs the product locally, offline — the calculation worker in workerd (wrangler dev on
 * http://127.0.0.1:8787) and the task pane (Vite on http://localhost:3000), whose preview page shows
 * the pane working on the example workbook without Excel. Ctrl+C stops everything.
 */
import { spawn } from "node:child_process";

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
  },
  {
    name: "Aufgabenbereich (Vorschau ohne Excel)",
    befehl: "npx",
    argumente: ["--no-install", "vite", "--config", "addin/vite.config.ts"],
    adresse:
      "http://localhost:3000/vorschau.html  (in Excel: https://localhost:3000/taskpane.html, siehe README)",
  },
];

const prozesse = dienste.map((d) => {
  const p = spawn(d.befehl, d.argumente, { env: umgebung, stdio: "inherit" });
  p.on("exit", (code) => {
    console.log(`${d.name} beendet (${code ?? "Signal"}).`);
    beenden(code ?? 0);
  });
  return p;
});

console.log("\nLSZ-Finanzplan startet:");
for (const d of dienste) console.log(`  ${d.name}: ${d.adresse}`);
console.log("Beenden mit Strg+C.\n");

let endet = false;
function beenden(code) {
  if (endet) return;
  endet = true;
  for (const p of prozesse) if (p.exitCode === null) p.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => beenden(0));
process.on("SIGTERM", () => beenden(0));
