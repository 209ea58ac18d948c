/**
 * Crafted cell texts against a plain body of the same size (issue 29, point 6), in workerd without the
 * dev proxy (one isolate, loopback): the time of a crafted 5 MB request against a plain 5 MB one, and
 * how fast `/health` answers while four crafted requests run.
 */
import { MAX_TEXTZEICHEN, textzeichen } from "../shared/grenzen";
import type { ValidationRequest } from "../shared";
import { MAX_BODY_BYTES } from "../worker/grenzen";
import { grosserPlan } from "./validation";
import { starteWorkerdServe } from "./worker";

const PORT = 8795;

/**
 * A plan of `zeilen` rows with every reader's worst text in each row, distinct per row (so that no
 * memo helps): trailing „!“ after ja, „(“ after a Trägerart, „*“ and spaces around a date, quotes
 * around a Handlungsfeld, separators in a period — `k` characters each, as many as the text limit
 * allows.
 */
export function praepariert(k: number, zeilen = 5_000): ValidationRequest {
  const p = grosserPlan(zeilen);
  p.massnahmen = p.massnahmen.map((m, i) => ({
    ...m,
    handlungsfeld: `„${"„".repeat(k)}4 ${i}`,
    landeszuwendung_2017: `ja${"!".repeat(k)}${i}`,
    traegerart: `verein${"(".repeat(k)}${i}`,
    beginn: `${"*".repeat(k)}2019 ${"- ".repeat(k / 2)}${i}`,
    ende: `stand${" :".repeat(k / 2)}${i}`,
  }));
  return p;
}

/**
 * The crafted request closest to 5 MB that the worker must read in full: rows and `k` as large as the
 * body limit and the text limit allow together.
 */
export function groesstesPraepariert(): { k: number; zeilen: number; body: string } {
  let best = { k: 0, zeilen: 0, body: "" };
  for (const zeilen of [5_000, 6_000, 7_000, 8_000, 9_000]) {
    for (let k = 10; k <= 400; k += 10) {
      const p = praepariert(k, zeilen);
      const body = JSON.stringify(p);
      if (textzeichen(p) > MAX_TEXTZEICHEN || Buffer.byteLength(body) > MAX_BODY_BYTES) break;
      if (body.length > best.body.length) best = { k, zeilen, body };
    }
  }
  return best;
}

async function poste(body: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const r = await fetch(`http://127.0.0.1:${PORT}/api/v1/validation`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Feindlich {
  faelle: { name: string; mb: number; zeichen: number; status: number; ms: number }[];
  verhaeltnis: number;
  health_ms: number[];
}

export async function messeFeindlich(): Promise<Feindlich> {
  const schlicht = JSON.stringify(grosserPlan(10_000));
  const { body: gekuenstelt } = groesstesPraepariert();
  // Past the text limit within 5 MB: 4.200 rows with 490-character crafted titles (2,1 million characters).
  const klein = grosserPlan(4_200);
  const zuViel = JSON.stringify({
    ...klein,
    massnahmen: klein.massnahmen.map((m, i) => ({ ...m, titel: `ja${"!".repeat(480)}${i}` })),
  });
  const worker = await starteWorkerdServe(PORT);
  try {
    const faelle: Feindlich["faelle"] = [];
    for (const [name, body] of [
      ["plain 10.000-row plan", schlicht],
      ["crafted cells, largest body within both limits", gekuenstelt],
      ["crafted cells, past the text limit (413)", zuViel],
    ] as const) {
      await poste(body); // warm
      const laeufe = [];
      for (let i = 0; i < 5; i++) laeufe.push(await poste(body));
      faelle.push({
        name,
        mb: Buffer.byteLength(body) / 1024 / 1024,
        zeichen: textzeichen(JSON.parse(body)),
        status: laeufe[0]!.status,
        ms: median(laeufe.map((l) => l.ms)),
      });
    }
    // /health every 100 ms while four crafted requests run at once.
    const health_ms: number[] = [];
    let laeuft = true;
    const last = Promise.all([0, 1, 2, 3].map(() => poste(gekuenstelt))).finally(() => (laeuft = false));
    while (laeuft) {
      const t0 = performance.now();
      await (await fetch(`http://127.0.0.1:${PORT}/api/v1/health`)).arrayBuffer();
      health_ms.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    await last;
    return { faelle, verhaeltnis: faelle[1]!.ms / faelle[0]!.ms, health_ms };
  } finally {
    worker.kill("SIGTERM");
  }
}

export function feindlichAbschnitt(m: Feindlich): string {
  const f = (x: number, s = 1) =>
    x.toLocaleString("en-US", { maximumFractionDigits: s, minimumFractionDigits: s });
  const zeilen = m.faelle.map(
    (x) =>
      `| ${x.name} | ${f(x.mb, 2)} MB | ${x.zeichen.toLocaleString("de-DE")} | ${x.status} | ${f(x.ms, 0)} ms |`,
  );
  const schlimmste = Math.max(...m.health_ms);
  return [
    "### Crafted cell texts (issue 29): `workerd serve`, one isolate, loopback\n",
    "| body | size | characters of text | status | median wall time (5 runs) |\n|---|---:|---:|---:|---:|",
    ...zeilen,
    "",
    `Crafted ÷ plain: **${f(m.verhaeltnis, 2)}×** (goal ≤ 2×: ${m.verhaeltnis <= 2 ? "met" : "not met"}). The crafted rows put each reader's worst case (a run of „!“ after „ja“, „(“ after a Trägerart, „*“ and „ - “ around a date, „ :“ after „Stand“, quotes around a Handlungsfeld) into every row, distinct per row so no memo helps, as long as the text limit allows. Before issue 29 the readers were quadratic on such runs; past ${MAX_TEXTZEICHEN.toLocaleString("de-DE")} characters the worker refuses before the schema.\n`,
    `\`/health\` while four crafted requests run at once: ${m.health_ms.length} probes, median ${f(median(m.health_ms), 0)} ms, slowest ${f(schlimmste, 0)} ms (goal ≤ 1 s: ${schlimmste <= 1000 ? "met" : "not met"}). One isolate runs one request's JavaScript at a time, so a probe waits for the slice of work in front of it; in production Cloudflare spreads requests over isolates.\n`,
  ].join("\n");
}
