/**
 * Node side of the Office.js harness: bundles test/officejs/seite.ts for the browser, serves it with
 * Microsoft's Excel web script from node_modules (`@microsoft/office-js`, pinned; nothing downloaded
 * at run time) on 127.0.0.1, and runs the page's scenarios in Chromium. Used by the tests in this
 * folder and by `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { starteChromium, starteStatischenServer } from "../hilfen/browser-start";
import { REPO } from "../hilfen/daten";
import type { szenarien } from "./seite";

/** The library's Excel script for Excel on the web (what the CDN serves to Excel on the web). */
export const BIBLIOTHEK = resolve(REPO, "node_modules/@microsoft/office-js/dist/excel-web-16.00.js");
const ZIEL = resolve(REPO, "test-artifacts/officejs");

/** The example workbook's data (Ilm-Kreis 2019, the 23 Kreise of 2017), handed to the page. */
const BEISPIEL_DATEN = {
  plan: JSON.parse(readFileSync(resolve(REPO, "data/ilm-kreis-2019-massnahmen.json"), "utf8")) as unknown,
  kreiseCsv: readFileSync(resolve(REPO, "data/thueringen-kreise-2017.csv"), "utf8"),
};

export const OHNE_CHROMIUM =
  "⚠ Office.js-Bibliothek nicht geprüft: Chromium fehlt (apt install chromium oder $CHROMIUM setzen).";

type Szenarien = typeof szenarien;

export interface Harness {
  fuehreAus<K extends keyof Szenarien>(
    name: K,
    ...args: Parameters<Szenarien[K]> extends [unknown, ...infer R] ? R : never
  ): Promise<Awaited<ReturnType<Szenarien[K]>>>;
  schliessen(): Promise<void>;
}

async function baue() {
  await mkdir(ZIEL, { recursive: true });
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      outDir: ZIEL,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: resolve(REPO, "test/officejs/seite.ts"),
        formats: ["iife"],
        name: "lszSeite",
        fileName: () => "seite.js",
      },
    },
  });
  await copyFile(BIBLIOTHEK, resolve(ZIEL, "excel-web-16.00.js"));
  await writeFile(
    resolve(ZIEL, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>Office.js</title><script src="excel-web-16.00.js"></script><script src="seite.js"></script>',
  );
}

/** Builds, serves and opens the page; null where no Chromium can be started. */
export async function starteHarness(): Promise<Harness | null> {
  let browser: Browser;
  try {
    browser = await starteChromium();
  } catch {
    return null;
  }
  await baue();
  const server = await starteStatischenServer(ZIEL);
  const page: Page = await browser.newPage();
  const fehler: string[] = [];
  page.on("pageerror", (e) => fehler.push(e.message));
  await page.goto(`${server.basis}/index.html`);
  await page.waitForFunction(() => "lszOfficeJs" in globalThis && "Excel" in globalThis);
  return {
    async fuehreAus(name, ...args) {
      const r = await page.evaluate(
        ([n, daten, rest]) =>
          (globalThis as unknown as { lszOfficeJs: Record<string, (...a: unknown[]) => unknown> })
            .lszOfficeJs[n as string]!(daten, ...(rest as unknown[])),
        [name, BEISPIEL_DATEN, args] as const,
      );
      if (fehler.length > 0) throw new Error(`Fehler in der Seite: ${fehler.join("; ")}`);
      return r as never;
    },
    async schliessen() {
      await browser.close();
      await server.schliessen();
    },
  };
}
