import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { LIBREOFFICE, LIBREOFFICE_FEHLT } from "./test/hilfen/werkzeuge.ts";

/** After the summary: one line saying what was not checked on this machine, and how to get it. */
/**
 * A fresh seal key for the worker under test, as the secret SIEGEL_PRIVATER_SCHLUESSEL would hold it
 * (a test key, never stored), and one retired public key, as a rotation leaves it.
 */
async function testSchluessel(kid: string) {
  const paar = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  return { ...(await crypto.subtle.exportKey("jwk", paar.privateKey)), kid };
}
const { d: _d, ...alterSchluessel } = await testSchluessel("test-2025");
const SIEGEL_BINDUNGEN = {
  SIEGEL_PRIVATER_SCHLUESSEL: JSON.stringify(await testSchluessel("test-2026")),
  SIEGEL_ALTE_SCHLUESSEL: JSON.stringify({ keys: [{ ...alterSchluessel, ersetzt_am: "2026-01-01" }] }),
};

const uebersprungen = {
  onTestRunEnd() {
    if (!LIBREOFFICE) process.stdout.write(`\n⚠ ${LIBREOFFICE_FEHLT}\n`);
  },
};

export default defineConfig({
  test: {
    reporters: ["default", uebersprungen],
    projects: [
      {
        // The shared core and the tools around it, in Node.
        test: {
          name: "kern",
          include: [
            "test/shared/**/*.test.ts",
            "test/korpus/**/*.test.ts",
            "test/projekt/**/*.test.ts",
            "test/addin/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        // The command-line tool as a subprocess, with LibreOffice as an independent reader of its files.
        test: {
          name: "cli",
          include: ["test/cli/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The task pane in Debian's Chromium via playwright-core; the gateway through Microsoft's Office.js library.
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts", "test/officejs/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The calculation worker, inside workerd (the Workers runtime), with the real wrangler config.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.jsonc" },
            miniflare: { bindings: SIEGEL_BINDUNGEN },
          }),
        ],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
    ],
  },
});
