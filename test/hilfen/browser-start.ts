/**
 * A static file server for the built task pane and Debian's Chromium (playwright-core; no browser is
 * downloaded). Used by the browser tests and the benchmark.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { chromium, type Browser } from "playwright-core";

const TYPEN: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
};

/** Serves `verzeichnis` on 127.0.0.1 (a free port); returns its base URL and a way to stop it. */
export async function starteStatischenServer(
  verzeichnis: string,
): Promise<{ basis: string; schliessen: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const pfad = join(verzeichnis, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!pfad.startsWith(verzeichnis) || !existsSync(pfad) || !statSync(pfad).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPEN[extname(pfad)] ?? "application/octet-stream" });
    createReadStream(pfad).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    basis: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    schliessen: () => new Promise((ok) => server.close(() => ok())),
  };
}

export function starteChromium(): Promise<Browser> {
  return chromium.launch({
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
}
