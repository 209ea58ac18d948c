/**
 * One built pane, one static server and one Chromium for the browser tests (Debian's chromium via
 * playwright-core; no browser is downloaded).
 */
import axe from "axe-core";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, expect } from "vitest";
import { starteChromium, starteStatischenServer } from "../hilfen/browser-start";
import { REPO } from "../hilfen/daten";

const DIST = resolve(REPO, "dist/addin");
export const ARTEFAKTE = resolve(REPO, "test-artifacts");

let server: Awaited<ReturnType<typeof starteStatischenServer>> | undefined;
let browser: Browser | undefined;
let basis = "";

/** The worker the built pane talks to in the end-to-end test (its own port: tests run in parallel). */
export const PANE_WORKER_PORT = 8796;

beforeAll(async () => {
  process.env["VITE_RECHENDIENST"] = `http://127.0.0.1:${PANE_WORKER_PORT}`;
  await build({ configFile: resolve(REPO, "addin/vite.config.ts"), logLevel: "warn" });
  server = await starteStatischenServer(DIST);
  basis = server.basis;
  browser = await starteChromium();
  await mkdir(ARTEFAKTE, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.schliessen();
});

export function basisUrl(): string {
  return basis;
}

/** Opens the preview with the given query; fails on any script error in the page. */
/** A blank page in the shared Chromium. */
export function neueSeite(): Promise<Page> {
  return browser!.newPage({ locale: "de-DE" });
}

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
  // The pane is up when its actions are (in the ministry's workbook the check waits folded).
  await page.getByTestId("aktionen").waitFor();
  expect(fehler).toEqual([]);
  return page;
}

/**
 * Starts the action that waits under „Weitere Aktionen“ (the one that does not fit the workbook, e.g.
 * the ministry's allocation in a Kreis plan): opens the fold first, as a user does.
 */
export async function weitereAktion(page: Page, name: string): Promise<void> {
  const knopf = page.getByRole("button", { name });
  if (!(await knopf.isVisible())) await page.getByText("Weitere Aktionen", { exact: true }).click();
  await knopf.click();
}

interface AxeErgebnis {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** axe over the pane (the preview's workbook grid beside it is not the product). */
export async function pruefeAxe(page: Page, zustand: string): Promise<void> {
  // Through the debugging protocol, not as a <script>: the pages we serve forbid inline scripts (CSP),
  // and the test must not weaken the page it checks.
  await page.evaluate(axe.source);
  const ergebnis = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(ctx: unknown, opt: unknown): Promise<unknown> } }).axe.run(
      { include: [["main"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
    ),
  )) as AxeErgebnis;
  const verstoesse = ergebnis.violations.map(
    (v) =>
      `${zustand}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(verstoesse).toEqual([]);
}
