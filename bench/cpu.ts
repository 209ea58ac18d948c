/**
 * CPU time per request in workerd — what Cloudflare counts against a Worker's limit (CPU, not wall
 * time: Workers Free 10 ms per request; Workers Paid 30 s by default, up to 5 min with limits.cpu_ms;
 * developers.cloudflare.com/workers/platform/limits/).
 *
 * How it is measured: the built bundle (dist/worker/index.js) runs in `workerd serve` — the runtime
 * binary of the npm package workerd, one process, one isolate, no wrangler proxy in front. Node sends
 * requests one after the other over loopback (after a few for warm-up) and reads the workerd
 * process's CPU time (user + system, all threads) from /proc/<pid>/stat before and after; the
 * difference divided by the number n of requests is the CPU per request. It includes workerd's own
 * HTTP and JSON-copy work, so it is an upper bound of what Cloudflare bills; the row for
 * GET /api/v1/health shows that floor. /proc counts in clock ticks of 10 ms, so each batch runs until
 * it has used at least 2 s of CPU (at least 5 requests). Linux only.
 *
 * `npx tsx bench/cpu.ts` prints the section; `--schreiben` replaces it in BENCHMARKS.md (npm run bench
 * writes it with everything else).
 */
import { execFileSync, execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { REPO, kreiseAlsRegionen } from "../test/hilfen/daten";
import { grosserPlan, typischerPlan } from "./validation";
import { starteWorkerdServe } from "./worker";

export const UEBERSCHRIFT = "### CPU time per request in workerd (what Cloudflare counts)";

interface Fall {
  name: string;
  pfad: string;
  body?: unknown;
}

export interface CpuMessung {
  fall: string;
  kib: number;
  n: number;
  status: number;
  cpu_ms: number;
}

/** The worst requests under the limits of worker/grenzen.ts (also timed through wrangler dev in run.ts). */
export function grenzfaelle(): [string, "validation" | "allocation", unknown][] {
  const nrn = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];
  const basis = typischerPlan();
  return [
    [
      "20.000 Finanzplan rows, each with an unreadable amount",
      "validation",
      {
        ...basis,
        finanzplan: Array.from({ length: 20_000 }, (_, i) => ({
          massnahme_nr: nrn[i % 6],
          jahr: 2019,
          landesmittel: "viel",
        })),
      },
    ],
    [
      "5.000 Maßnahmen with every field unreadable",
      "validation",
      {
        ...basis,
        massnahmen: Array.from({ length: 5_000 }, (_, i) => ({
          nr: `${i}`,
          titel: "t",
          handlungsfeld: "HF 9",
          art: "x",
          traegerart: "y",
          beginn: "irgendwann",
        })),
      },
    ],
    [
      "12.000 regions with text in every count",
      "allocation",
      {
        foerderjahr: 2019,
        haushaltsmittel_eur: 1e6,
        ebene: "frei",
        regionen: Array.from({ length: 12_000 }, (_, i) => ({
          schluessel: `R${i}`,
          einwohner: "viele",
          flaeche_km2: "groß",
        })),
      },
    ],
    [
      "125.000 invalid list elements (260 KB)",
      "validation",
      { ...basis, finanzplan: Array(125_000).fill(1) },
    ],
  ];
}

function faelle(): Fall[] {
  const kreise = kreiseAlsRegionen();
  return [
    { name: "GET /api/v1/health (floor: routing, headers, a small JSON)", pfad: "health" },
    { name: "typical plan: validation, 20 measures × 3 years", pfad: "validation", body: typischerPlan() },
    {
      name: "typical allocation: 23 Kreise",
      pfad: "allocation",
      body: { regelwerk: "LSZ-2019", foerderjahr: 2019, haushaltsmittel_eur: 10_000_000, regionen: kreise },
    },
    {
      name: "large workbook: 1.000 Maßnahmen + 1.000 Finanzplan rows",
      pfad: "validation",
      body: grosserPlan(1000),
    },
    ...grenzfaelle().map(([name, pfad, body]) => ({ name: `worst: ${name}`, pfad, body })),
  ];
}

const TAKT = (() => {
  try {
    return Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of a process so far (all its threads), from /proc/<pid>/stat. */
function cpuSekunden(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const felder = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(felder[11]) + Number(felder[12])) / TAKT;
}

async function anfrage(port: number, f: Fall): Promise<number> {
  const r = await fetch(
    `http://127.0.0.1:${port}/api/v1/${f.pfad}`,
    f.body === undefined
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(f.body) },
  );
  await r.arrayBuffer();
  return r.status;
}

/** CPU per request of each case, measured in one `workerd serve` process. */
export async function messeCpu(port = 8795): Promise<CpuMessung[] | null> {
  if (!existsSync("/proc/self/stat")) return null;
  execFileSync(process.execPath, [resolve(REPO, "scripts/build-worker.mjs")], { cwd: REPO, stdio: "ignore" });
  const workerd = await starteWorkerdServe(port);
  try {
    const ergebnisse: CpuMessung[] = [];
    for (const f of faelle()) {
      let status = 0;
      for (let i = 0; i < 10; i++) status = await anfrage(port, f); // warm-up
      const vorher = cpuSekunden(workerd.pid!);
      let n = 0;
      while (n < 5 || (cpuSekunden(workerd.pid!) - vorher < 2 && n < 20_000)) {
        status = await anfrage(port, f);
        n++;
      }
      const cpu = cpuSekunden(workerd.pid!) - vorher;
      const kib = f.body === undefined ? 0 : JSON.stringify(f.body).length / 1024;
      ergebnisse.push({ fall: f.name, kib, n, status, cpu_ms: (cpu * 1000) / n });
    }
    return ergebnisse;
  } finally {
    workerd.kill("SIGTERM");
  }
}

function stand(): string {
  try {
    return execSync("git rev-parse --short HEAD", { cwd: REPO }).toString().trim();
  } catch {
    return "unbekannt";
  }
}

const zahl = (x: number, stellen: number) =>
  x.toLocaleString("en-US", { maximumFractionDigits: stellen, minimumFractionDigits: stellen });

/** The section of BENCHMARKS.md, heading included. */
export function cpuAbschnitt(m: CpuMessung[] | null): string {
  if (!m) return `${UEBERSCHRIFT}\n\nNot measured: needs Linux (/proc/<pid>/stat).\n`;
  const zeilen = m.map(
    (x) =>
      `| ${x.fall} | ${zahl(x.kib, 1)} KiB | ${x.status} | ${x.n} | ${zahl(x.cpu_ms, x.cpu_ms < 10 ? 2 : 0)} ms | ${x.cpu_ms <= 10 ? "yes" : "**no**"} | ${x.cpu_ms <= 30_000 ? "yes" : "**no**"} |`,
  );
  const typisch = m.find((x) => x.fall.startsWith("typical plan"));
  const ueberFree = m.filter((x) => x.cpu_ms > 10).map((x) => x.fall.replace(/^worst: /, ""));
  const schlimmst = Math.max(...m.map((x) => x.cpu_ms));
  return [
    UEBERSCHRIFT,
    "",
    `${new Date().toISOString().slice(0, 10)}, commit ${stand()}. Measured in \`workerd serve\` (the bundle of \`npm run build:worker\`, one isolate, no wrangler proxy): the workerd process's user + system CPU time from /proc/<pid>/stat around n sequential requests over loopback, after a warm-up, divided by n (each batch runs until it has used 2 s of CPU, as /proc counts in 10-ms ticks). It includes workerd's own HTTP handling, so it is an upper bound of the CPU Cloudflare counts; the health row is that floor. Limits (developers.cloudflare.com/workers/platform/limits): **Workers Free 10 ms CPU per request; Workers Paid 30 s by default** (up to 5 min with \`limits.cpu_ms\`). Static assets (the pane's files) do not run the worker and cost no CPU.`,
    "",
    "| request | body | status | n | CPU per request | ≤ 10 ms (Free) | ≤ 30 s (Paid) |",
    "|---|---:|---:|---:|---:|:---:|:---:|",
    ...zeilen,
    "",
    `A typical Kreis plan costs ${typisch ? zahl(typisch.cpu_ms, 2) : "–"} ms of CPU; the most expensive request under the limits of \`worker/grenzen.ts\` costs ${zahl(schlimmst, 0)} ms, ${schlimmst <= 30_000 ? "well inside" : "beyond"} the Paid plan's 30 s. ${ueberFree.length === 0 ? "Every case fits the Free plan's 10 ms." : `Above the Free plan's 10 ms: ${ueberFree.join("; ")} — on Workers Free Cloudflare would end these requests, and the pane would compute locally instead. The production Worker therefore belongs on Workers Paid (docs/betrieb.md).`} Measured on this shared machine; Cloudflare's CPUs differ, so read the figures as ±30 %.`,
    "",
  ].join("\n");
}

/** Replaces the section in BENCHMARKS.md (or appends it before "## Reliability and limits"). */
function schreibe(abschnitt: string): void {
  const datei = resolve(REPO, "BENCHMARKS.md");
  const text = readFileSync(datei, "utf8");
  const start = text.indexOf(UEBERSCHRIFT);
  const neu =
    start >= 0
      ? text.slice(0, start) + abschnitt + text.slice(text.indexOf("\n#", start + UEBERSCHRIFT.length) + 1)
      : text.replace("## Reliability and limits", `${abschnitt}\n## Reliability and limits`);
  writeFileSync(datei, neu);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const abschnitt = cpuAbschnitt(await messeCpu());
  console.log(abschnitt);
  if (process.argv.includes("--schreiben")) schreibe(abschnitt);
}
