/** A full "Finanzplan prüfen" in the Chromium harness: click to findings shown (median of 5). */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { REPO } from "../test/hilfen/daten";

export async function benchBrowser(): Promise<number[]> {
  const dist = resolve(REPO, "dist/addin");
  const server = createServer((req, res) => {
    const pfad = join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!pfad.startsWith(dist) || !existsSync(pfad) || !statSync(pfad).isFile())
      return void res.writeHead(404).end();
    res.writeHead(200, {
      "content-type": extname(pfad) === ".html" ? "text/html; charset=utf-8" : "text/javascript",
    });
    createReadStream(pfad).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const zeiten: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/vorschau.html?offline`);
      await page.getByRole("button", { name: "Finanzplan prüfen" }).waitFor();
      const t0 = performance.now();
      await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
      await page.getByTestId("befunde").waitFor();
      zeiten.push(performance.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return zeiten.sort((a, b) => a - b);
}
