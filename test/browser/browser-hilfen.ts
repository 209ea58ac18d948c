/**
 * One built pane, one static server and one Chromium for the browser tests (Debian's chromium via
 * playwright-core; no browser is downloaded).
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, expect } from "vitest";
import { REPO } from "../hilfen/daten";

const DIST = resolve(REPO, "dist/addin");
export const ARTEFAKTE = resolve(REPO, "test-artifacts");
const TYPEN: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
};

let server: Server | undefined;
let browser: Browser | undefined;
let basis = "";

/** The worker the built pane talks to in the end-to-end test (its own port: tests run in parallel). */
export const PANE_WORKER_PORT = 8796;

beforeAll(async () => {
  process.env["VITE_RECHENDIENST"] = `http://127.0.0.1:${PANE_WORKER_PORT}`;
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
  await new Promise<void>((ok) => server!.listen(0, "127.0.0.1", ok));
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
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
});

export function basisUrl(): string {
  return basis;
}

/** Opens the preview with the given query; fails on any script error in the page. */
export async function oeffne(
  suche: string,
  ansicht: { width: number; height: number; zoom?: number } = { width: 1280, height: 900 },
): Promise<Page> {
  const page = await browser!.newPage({
    viewport: { width: ansicht.width / (ansicht.zoom ?? 1), height: ansicht.height / (ansicht.zoom ?? 1) },
    deviceScaleFactor: ansicht.zoom ?? 1,
    locale: "de-DE",
  });
  const fehler: string[] = [];
  page.on("pageerror", (e) => fehler.push(e.message));
  await page.goto(`${basis}/vorschau.html${suche}`);
  await page.getByRole("button", { name: "Finanzplan prüfen" }).waitFor();
  expect(fehler).toEqual([]);
  return page;
}
