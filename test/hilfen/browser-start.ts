/**
 * A static file server for the built task pane and a headless Chromium (playwright-core; nothing is
 * downloaded at run time). Used by the browser tests and the benchmark.
 *
 * Which Chromium: `$CHROMIUM` if set, else the system's (`/usr/bin/chromium`, Debian's package, which
 * `.ci/run` installs), else the Chromium that the npm package `@sparticuz/chromium` ships inside itself
 * (a brotli-packed chrome-headless-shell, unpacked to the temp folder on first use). So `npm install &&
 * npm test` works on a machine with Node and nothing else; see docs/entscheidungen.md.
 */
import { accessSync, constants, createReadStream, existsSync, statSync } from "node:fs";
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

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

function ausfuehrbar(pfad: string): boolean {
  try {
    accessSync(pfad, constants.X_OK);
    return statSync(pfad).isFile();
  } catch {
    return false;
  }
}

/** Flags for both builds: root without sandbox, no GPU, no calls home (the network here is closed). */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Where the Chromium comes from, for the test summary and BENCHMARKS.md. */
export async function chromiumPfad(): Promise<{ pfad: string; herkunft: string; flags: string[] }> {
  const gesetzt = process.env["CHROMIUM"];
  if (gesetzt) return { pfad: gesetzt, herkunft: "$CHROMIUM", flags: FLAGS };
  const system = SYSTEM_CHROMIUM.find((p) => ausfuehrbar(p));
  if (system) return { pfad: system, herkunft: "System", flags: FLAGS };
  // Not the package's own `args`: they include --disable-web-security, which would hide CORS bugs.
  const { default: sparticuz } = await import("@sparticuz/chromium");
  return {
    pfad: await sparticuz.executablePath(),
    herkunft: "@sparticuz/chromium",
    flags: [...FLAGS, "--no-zygote", "--use-gl=angle", "--use-angle=swiftshader"],
  };
}

export async function starteChromium(): Promise<Browser> {
  const { pfad, flags } = await chromiumPfad();
  return chromium.launch({ executablePath: pfad, args: flags });
}
