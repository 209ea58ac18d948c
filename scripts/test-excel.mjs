/**
 * `npm run test:excel`: the end-to-end run in desktop Excel, the way Microsoft's add-in template runs
 * its own (Office-Addin-TaskPane-React, test/end-to-end/ui-test.ts): a result server on port 4201 (there
 * office-addin-test-server), the add-in sideloaded with office-addin-debugging from a test manifest
 * whose pane is addin/e2e.html, which checks, allocates and checks again on the example workbook and
 * sends each step's value and expected value back (addin/src/e2e-lauf.ts). Then the sideload is
 * removed again; Excel stays open with the checked copy for the tester to look at.
 *
 * Without desktop Excel (Linux, CI) it says so in one German line and exits 0. How a tester runs it and
 * what to look for: docs/betrieb.md „Test in Excel (npm run test:excel)“.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const DEBUGGING = "office-addin-debugging@6.1.2";
const PORT = 4201;
const WARTEZEIT_MS = 10 * 60_000;
const WURZEL = resolve(import.meta.dirname, "..");

/** Where desktop Excel is installed, or null (Click-to-Run and MSI paths; the Mac app). */
export function excelPfad(plattform = process.platform, umgebung = process.env, gibt = existsSync) {
  if (plattform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    return gibt(app) ? app : null;
  }
  if (plattform !== "win32") return null;
  const orte = [umgebung["ProgramFiles"], umgebung["ProgramFiles(x86)"]]
    .filter(Boolean)
    .flatMap((p) => [
      join(p, "Microsoft Office", "root", "Office16", "EXCEL.EXE"),
      join(p, "Microsoft Office", "Office16", "EXCEL.EXE"),
    ]);
  return orte.find((o) => gibt(o)) ?? null;
}

function lauf(befehl, argumente) {
  const r = spawnSync(befehl, argumente, {
    cwd: WURZEL,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (r.status !== 0) throw new Error(`${befehl} ${argumente.join(" ")} endete mit ${r.status}`);
}

/** The development manifest with the test page as its pane, its own Id and name (the dev sideload stays). */
function testManifest(ordner) {
  const xml = readFileSync(join(WURZEL, "manifest.xml"), "utf8")
    .replaceAll("https://localhost:3000/taskpane.html", "https://localhost:3000/e2e.html")
    .replace(/<Id>[^<]*<\/Id>/, "<Id>5f0c3a52-8d7e-4b61-9a43-1c2e6b7d9e10</Id>")
    .replace(/(<DisplayName DefaultValue=")[^"]*"/, '$1LSZ-Finanzplan (Test)"');
  const pfad = join(ordner, "test-manifest.xml");
  writeFileSync(pfad, xml);
  return pfad;
}

/** Waits for the pane's POST of its results (CORS: the pane runs on https://localhost:3000). */
async function warteAufErgebnisse() {
  const { getHttpsServerOptions } = await import("office-addin-dev-certs");
  const optionen = await getHttpsServerOptions();
  return new Promise((fertig, fehler) => {
    const server = createServer(optionen, (req, res) => {
      res.setHeader("Access-Control-Allow-Origin", "https://localhost:3000");
      res.setHeader("Access-Control-Allow-Headers", "content-type");
      if (req.method !== "POST") return void res.end();
      let text = "";
      req.on("data", (d) => (text += d));
      req.on("end", () => {
        res.end("ok");
        server.close();
        clearTimeout(uhr);
        fertig(JSON.parse(text));
      });
    });
    const uhr = setTimeout(() => {
      server.close();
      fehler(new Error(`keine Ergebnisse nach ${WARTEZEIT_MS / 60_000} Minuten`));
    }, WARTEZEIT_MS);
    server.listen(PORT, "localhost");
  });
}

async function main() {
  const excel = excelPfad();
  if (!excel) {
    console.log(
      `test:excel: kein Desktop-Excel auf diesem Rechner (${process.platform}) – übersprungen; mit Excel unter Windows oder macOS läuft er, siehe docs/betrieb.md „Test in Excel“.`,
    );
    return 0;
  }
  const ordner = mkdtempSync(join(tmpdir(), "lsz-test-excel-"));
  const mappe = join(ordner, "beispiel.xlsx");
  lauf("node", ["bin/lsz.mjs", "vorlage", mappe, "--beispiel"]);
  const manifest = testManifest(ordner);
  lauf("npx", ["--no-install", "office-addin-usage-data", "off"]);
  const ergebnisse = warteAufErgebnisse();
  console.log(
    `Excel: ${excel}\nBeispielmappe: ${mappe}\nDas Add-in wird geladen; der Aufgabenbereich prüft selbst …`,
  );
  spawn("npx", ["--yes", DEBUGGING, "start", manifest, "desktop", "--app", "excel", "--document", mappe], {
    cwd: WURZEL,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  let fehlgeschlagen = 1;
  try {
    const liste = await ergebnisse;
    fehlgeschlagen = 0;
    for (const e of liste) {
      const gut = e.wert === e.erwartet;
      if (!gut) fehlgeschlagen++;
      console.log(`${gut ? "✓" : "✗"} ${e.name}: ${e.wert}${gut ? "" : ` (erwartet: ${e.erwartet})`}`);
    }
    if (liste.length === 0) fehlgeschlagen = 1;
  } catch (e) {
    console.error(`✗ ${e.message}`);
  } finally {
    lauf("npx", ["--yes", DEBUGGING, "stop", manifest]);
  }
  console.log(
    fehlgeschlagen === 0
      ? `Test in Excel bestanden. Die geprüfte Mappe ist noch offen (${mappe}): Prüfbericht, graue Spalten und Förderhöchstbeträge ansehen, dann ohne Speichern schließen.`
      : `Test in Excel NICHT bestanden (${fehlgeschlagen} Schritt(e)). Die Mappe ist noch offen (${mappe}); bitte die Ausgabe oben und ein Bildschirmfoto an das Projekt geben.`,
  );
  return fehlgeschlagen === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("test-excel.mjs"))
  process.exitCode = await main();
