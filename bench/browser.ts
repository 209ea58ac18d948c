/** A full "Finanzplan prüfen" in the Chromium harness: click to findings shown (5 runs, sorted). */
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { starteChromium, starteStatischenServer } from "../test/hilfen/browser-start";
import { REPO } from "../test/hilfen/daten";

export async function benchBrowser(): Promise<number[]> {
  const server = await starteStatischenServer(resolve(REPO, "dist/addin"));
  const browser = await starteChromium();
  const zeiten: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.basis}/vorschau.html?offline`);
      await page.getByRole("button", { name: "Finanzplan prüfen" }).waitFor();
      const t0 = performance.now();
      await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
      await page.getByTestId("befunde").waitFor();
      zeiten.push(performance.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.schliessen();
  }
  return zeiten.sort((a, b) => a - b);
}
