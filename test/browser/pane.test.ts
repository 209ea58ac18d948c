/**
 * The task pane in real Chromium (Debian's, driven by playwright-core), in the browser preview: the
 * same pane on the fake Excel holding the example workbook. Screenshots go to test-artifacts/.
 */
import { mkdir } from "node:fs/promises";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../hilfen/daten";

const DIST = resolve(REPO, "dist/addin");
const ARTEFAKTE = resolve(REPO, "test-artifacts");
const TYPEN: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
};

let server: Server;
let browser: Browser;
let basis: string;

beforeAll(async () => {
  await build({ configFile: resolve(REPO, "addin/vite.config.ts"), logLevel: "warn" });
  server = createServer((req, res) => {
    const pfad = join(DIST, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!pfad.startsWith(DIST) || !existsSync(pfad) || !statSync(pfad).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPEN[extname(pfad)] ?? "application/octet-stream" });
    createReadStream(pfad).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  basis = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env["CHROMIUM"] ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  await mkdir(ARTEFAKTE, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

async function vorschau(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  const fehler: string[] = [];
  page.on("pageerror", (e) => fehler.push(e.message));
  await page.goto(`${basis}/vorschau.html?offline`);
  await page.getByRole("button", { name: "Finanzplan prüfen" }).waitFor();
  expect(fehler).toEqual([]);
  return page;
}

describe("task pane in Chromium", () => {
  it("Finanzplan prüfen on the Ilm-Kreis example: counts, findings, a click selects the cell", async () => {
    const page = await vorschau();
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect.poll(() => page.getByTestId("zaehler").innerText()).toContain("1 Fehler");
    expect(await page.getByTestId("zaehler").innerText()).toMatch(
      /✖ 1 Fehler\s*⚠ 1 Warnungen\s*ℹ 0 Hinweise/,
    );
    expect(await page.getByTestId("quelle").innerText()).toContain("LSZ-2019 (2019.1)");
    expect(await page.getByTestId("ansage").innerText()).toBe(
      "Prüfung abgeschlossen: 1 Fehler, 1 Warnungen, 0 Hinweise.",
    );
    const befunde = page.getByTestId("befunde").getByRole("button");
    expect(await befunde.count()).toBe(2);
    expect(await befunde.first().innerText()).toContain("M01 · Maßnahmen!D6");
    // The workbook beside the pane shows what was written: the status of Familienfreizeiten (row 6).
    expect(await page.locator('[data-testid="raster"] td[data-zelle="M6"]').innerText()).toBe("✖ Fehler");
    await befunde.first().click();
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as { lszVorschau: { auswahl: unknown } }).lszVorschau.auswahl,
        ),
      )
      .toEqual({ blatt: "Maßnahmen", adresse: "D6" });
    expect(await page.getByTestId("ansage").innerText()).toBe("Zelle Maßnahmen!D6 ausgewählt.");
    await page.screenshot({ path: join(ARTEFAKTE, "pane-finanzplan-pruefen.png") });
    await page.close();
  });

  it("Förderhöchstbeträge berechnen writes 23 amounts adding up to 10.000.000 €", async () => {
    const page = await vorschau();
    await page.getByRole("button", { name: "Förderhöchstbeträge berechnen" }).click();
    await expect
      .poll(() => page.getByTestId("ansage").innerText())
      .toContain("Verteilung abgeschlossen: 10.000.000,00 €");
    await page.getByRole("tab", { name: "Förderhöchstbeträge" }).click();
    expect(await page.locator('[data-testid="raster"] td[data-zelle="B17"]').innerText()).toBe("Ilm-Kreis");
    await page.screenshot({ path: join(ARTEFAKTE, "pane-foerderhoechstbetraege.png") });
    await page.close();
  });
});
