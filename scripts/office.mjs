/**
 * The Office developer's commands: `npm run start:desktop`, `npm run start:web -- <Dokument-URL>`,
 * `npm run stop`. They sideload manifest.xml with Microsoft's office-addin-debugging (which starts
 * `npm run dev-server`, the task pane over https with the certificate of office-addin-dev-certs) and
 * remove it again. Usage data of the office-addin tools is switched off first.
 *
 * office-addin-debugging is not a devDependency: it depends on a native keychain module (keytar) that
 * cannot be installed on a machine with nothing but Node and the npm registry, which would break
 * `npm install` everywhere. It is run through npx in a pinned version, on the developer's Windows or
 * Mac machine, where Excel is (docs/entscheidungen.md „Office-Werkzeuge“).
 */
import { spawnSync } from "node:child_process";

const DEBUGGING = "office-addin-debugging@6.1.2";
const [aktion, dokument] = process.argv.slice(2);

function fuehreAus(befehl, argumente) {
  const r = spawnSync(befehl, argumente, { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

fuehreAus("npx", ["--no-install", "office-addin-usage-data", "off"]);
if (aktion === "desktop")
  fuehreAus("npx", ["--yes", DEBUGGING, "start", "manifest.xml", "desktop", "--app", "excel"]);
else if (aktion === "web") {
  if (!dokument) {
    console.error(
      "Bitte die Adresse einer Arbeitsmappe in Excel im Web angeben (OneDrive/SharePoint):\n  npm run start:web -- https://…/Mappe.xlsx",
    );
    process.exit(2);
  }
  fuehreAus("npx", [
    "--yes",
    DEBUGGING,
    "start",
    "manifest.xml",
    "web",
    "--app",
    "excel",
    "--document",
    dokument,
  ]);
} else if (aktion === "stop") fuehreAus("npx", ["--yes", DEBUGGING, "stop", "manifest.xml"]);
else {
  console.error("Aufruf: node scripts/office.mjs desktop | web <Dokument-URL> | stop");
  process.exit(2);
}
