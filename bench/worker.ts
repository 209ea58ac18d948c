/**
 * The worker in workerd (wrangler dev on loopback) under load from autocannon: requests/s and latency
 * at 1, 10 and 50 concurrent connections. Traffic goes only to 127.0.0.1; every run is bounded.
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { REPO } from "../test/hilfen/daten";

export const PORT = 8797;

/**
 * Starts `wrangler dev` on 127.0.0.1:port; `origins` replaces ADDIN_ORIGINS (CORS) where given; `zusatz`
 * are further arguments (e.g. `--env production --assets <dir>`).
 */
export async function starteWorker(
  port = PORT,
  origins?: string,
  zusatz: string[] = [],
): Promise<ChildProcess> {
  const argumente = [
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--show-interactive-dev-session=false",
    "--log-level",
    "error",
    ...(origins ? ["--var", `ADDIN_ORIGINS:${origins}`] : []),
    ...zusatz,
  ];
  const p = spawn(resolve(REPO, "node_modules/.bin/wrangler"), argumente, {
    cwd: REPO,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    stdio: "ignore",
  });
  return bereit(p, port, 60_000, "wrangler dev");
}

/** Waits until the worker on `port` answers its health route; stops the process if it never does. */
async function bereit(p: ChildProcess, port: number, ms: number, was: string): Promise<ChildProcess> {
  for (const ende = Date.now() + ms; Date.now() < ende;) {
    await new Promise((r) => setTimeout(r, 250));
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (r.ok) return p;
    } catch {
      /* not yet */
    }
  }
  p.kill();
  throw new Error(`${was} antwortet nicht`);
}

export interface LastMessung {
  fall: string;
  verbindungen: number;
  anfragen: number;
  rps: number;
  p50: number;
  p99: number;
  fehler: number;
  kib: number;
}

export async function last(
  fall: string,
  body: string,
  verbindungen: number,
  sekunden: number,
  port = PORT,
): Promise<LastMessung> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/validation`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections: verbindungen,
    duration: sekunden,
    timeout: 30,
  });
  return {
    fall,
    verbindungen,
    anfragen: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    fehler: r.errors + r.timeouts + r.non2xx,
    kib: body.length / 1024,
  };
}

/**
 * The built bundle served by `workerd serve` directly (the binary the npm package workerd ships), without
 * wrangler's dev proxy: one isolate, as production runs it, on 127.0.0.1:port.
 */
export async function starteWorkerdServe(port: number): Promise<ChildProcess> {
  const ordner = resolve(REPO, "dist/workerd");
  mkdirSync(ordner, { recursive: true });
  writeFileSync(
    resolve(ordner, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "lsz", worker = .lsz)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "lsz")],
);
const lsz :Workerd.Worker = (
  modules = [(name = "index.js", esModule = embed "../worker/index.js")],
  compatibilityDate = "2026-11-01",
  bindings = [(name = "ADDIN_ORIGINS", text = "https://localhost:3000")],
);
`,
  );
  const p = spawn(resolve(REPO, "node_modules/.bin/workerd"), ["serve", resolve(ordner, "config.capnp")], {
    cwd: REPO,
    stdio: "ignore",
  });
  return bereit(p, port, 15_000, "workerd serve");
}
