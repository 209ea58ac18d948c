/**
 * As deployed: the pane built for deployment (no VITE_RECHENDIENST) is served by the worker itself
 * (`wrangler dev --env production`, Workers static assets) and checks a Finanzplan against the API on
 * that same origin. The production environment allows no CORS at all (ADDIN_ORIGINS ""), so the check
 * can only reach the worker as a same-origin request: no preflight, no CORS header in any answer.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starteWorker } from "../../bench/worker";
import { starteChromium } from "../hilfen/browser-start";
import { REPO } from "../hilfen/daten";

/** Its own folder and port: the other browser tests build dist/addin for a worker on another origin. */
const PANE = resolve(REPO, ".tmp/ein-ursprung/addin");
const PORT = 8798;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let worker: ChildProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  rmSync(PANE, { recursive: true, force: true });
  const umgebung = { ...process.env };
  delete umgebung["VITE_RECHENDIENST"];
  delete umgebung["NODE_ENV"]; // as `npm run build` from a shell: a production build (vitest sets "test")
  execFileSync(
    resolve(REPO, "node_modules/.bin/vite"),
    ["build", "--config", "addin/vite.config.ts", "--outDir", PANE, "--emptyOutDir", "--logLevel", "warn"],
    { cwd: REPO, env: umgebung, stdio: "inherit" },
  );
  worker = await starteWorker(PORT, undefined, ["--env", "production", "--assets", PANE]);
  browser = await starteChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  worker?.kill("SIGTERM");
});

describe("pane and API on one origin (wrangler dev serving the built assets)", () => {
  it("serves the pane's files exactly as the manifest names them, with the policy 'self' only", async () => {
    const r = await fetch(`${ORIGIN}/taskpane.html`, { redirect: "manual" });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("connect-src 'self';");
    expect(html).not.toContain("127.0.0.1");
    expect((await fetch(`${ORIGIN}/assets/icon-32.png`)).headers.get("content-type")).toBe("image/png");
  });

  it("Finanzplan prüfen is computed by the worker of the same origin, without CORS", async () => {
    const page = await browser!.newPage({ locale: "de-DE" });
    const fehler: string[] = [];
    page.on("pageerror", (e) => fehler.push(e.message));
    const api: Request[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/api/")) api.push(r);
    });
    await page.goto(`${ORIGIN}/vorschau.html`);
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect
      .poll(() => page.getByTestId("quelle").innerText(), { timeout: 30_000 })
      .toContain("berechnet vom Rechendienst");
    expect(await page.getByTestId("zaehler").innerText()).toMatch(/✖ 1 Fehler/);

    const pruefung = api.find((r) => r.url() === `${ORIGIN}/api/v1/validation`);
    expect(pruefung?.method()).toBe("POST");
    expect(api.every((r) => new URL(r.url()).origin === ORIGIN)).toBe(true);
    expect(api.filter((r) => r.method() === "OPTIONS")).toEqual([]);
    const antwort = await pruefung!.response();
    expect(antwort?.status()).toBe(200);
    expect(antwort?.headers()["access-control-allow-origin"]).toBeUndefined();
    expect(fehler).toEqual([]);
    await page.close();
  });
});
