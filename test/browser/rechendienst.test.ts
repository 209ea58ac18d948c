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
  // The service's seal key, as its secret would hold it: made for this run only.
  const paar = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as import("node:crypto").webcrypto.CryptoKeyPair;
  const privat = { ...(await crypto.subtle.exportKey("jwk", paar.privateKey)), kid: "pane-test" };
  worker = await starteWorker(PANE_WORKER_PORT, basisUrl(), [
    "--var",
    `SIEGEL_PRIVATER_SCHLUESSEL:${JSON.stringify(privat)}`,
  ]);
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
    // Signed by the worker, verified in the pane with the key set the worker publishes.
    await expect
      .poll(() => page.getByTestId("siegel").innerText())
      .toMatch(/^🔒 Siegel gültig – signiert vom Rechendienst \(Schlüssel pane-test\), geprüft am /);
    await page.close();
  });
});
