/**
 * End to end: the built pane in Chromium talks to the real worker in workerd (wrangler dev on
 * 127.0.0.1), across CORS, and says that the worker answered.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starteWorker } from "../../bench/worker";
import { PANE_WORKER_PORT, basisUrl, oeffne } from "./browser-hilfen";

let worker: ChildProcess | undefined;

beforeAll(async () => {
  worker = await starteWorker(PANE_WORKER_PORT, basisUrl());
}, 180_000);

afterAll(() => {
  worker?.kill("SIGTERM");
});

describe("pane → worker", () => {
  it("Finanzplan prüfen is computed by the worker, through CORS, with its seal", async () => {
    const page = await oeffne("");
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect
      .poll(() => page.getByTestId("quelle").innerText(), { timeout: 30_000 })
      .toContain("berechnet vom Rechendienst");
    expect(await page.getByTestId("zaehler").innerText()).toMatch(/✖ 1 Fehler/);
    await expect.poll(() => page.getByTestId("siegel").innerText()).toContain("Siegel gültig");
    await page.close();
  });
});
