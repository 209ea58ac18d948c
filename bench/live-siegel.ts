/**
 * The live seal's cost (issue 26, point 4): syncs and bytes across the Office boundary when the pane
 * opens (one full read), after one edited cell (only its row read again), and for a co-author typing
 * ten cells (gathered into few small reads) — on the strict fake Excel, and the one-cell edit also
 * through Microsoft's Office.js library in Chromium (test/officejs/). Goal for one edited cell at
 * 20.000 rows: ≤ 2 syncs, ≤ 50 KB. Alone: `npx tsx bench/live-siegel.ts`.
 */
import { pathToFileURL } from "node:url";
import { finanzplanPruefen } from "../addin/src/ablauf";
import type { FakeArbeitsmappe } from "../addin/src/fake/fake-excel";
import { createGateway } from "../addin/src/gateway/gateway";
import { LiveSiegel, type LiveStand } from "../addin/src/hooks/live-siegel";
import { FINANZPLAN } from "../shared/arbeitsmappe";
import { starteHarness } from "../test/officejs/harness";
import { grosseMappe } from "../test/hilfen/grosse-mappe";
import { BEISPIEL } from "./beispiel";

interface Kosten {
  syncs: number;
  bytes: number;
  /** Largest single request and response. */
  anfrage: number;
  antwort: number;
}

export interface LiveMessung {
  zeilen: number;
  oeffnen: Kosten;
  eineZelle: Kosten;
  /** Ten edits of a co-author, one every 500 ms: the reads made, and their cost together. */
  entfernt: Kosten & { lesungen: number };
}

const LM = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Landesmittel") + 1;
const schlafe = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function zaehler(m: FakeArbeitsmappe) {
  const a = { syncs: m.syncs, bytes: m.uebertragen, i: m.anfragen.length };
  return (): Kosten => ({
    syncs: m.syncs - a.syncs,
    bytes: m.uebertragen - a.bytes,
    anfrage: Math.max(0, ...m.anfragen.slice(a.i)),
    antwort: Math.max(0, ...m.antworten.slice(a.i)),
  });
}

async function miss(n: number): Promise<LiveMessung> {
  const m = grosseMappe(BEISPIEL, n);
  const g = createGateway(m.api());
  await finanzplanPruefen({ gateway: g, dienst: null });
  const staende: LiveStand[] = [];
  let lesungen = 0;
  const zaehlend = {
    ...g,
    leseZeilen: (...a: Parameters<typeof g.leseZeilen>) => (lesungen++, g.leseZeilen(...a)),
  };
  const live = new LiveSiegel(zaehlend, null, (s) => staende.push(s), {
    sichtbar: () => true,
    beiWechsel: () => () => {},
  });
  const bis = async (k: number) => {
    for (let i = 0; i < 1200 && staende.length < k; i++) await schlafe(25);
    await live.ruhig();
  };
  let z = zaehler(m);
  await live.start();
  await bis(1);
  const oeffnen = z();
  z = zaehler(m);
  await m.nutzerAendert("Finanzplan", 2 + Math.floor(n / 2), LM, 12_345);
  await bis(2);
  const eineZelle = z();
  z = zaehler(m);
  lesungen = 0;
  for (let i = 0; i < 10; i++) {
    await m.nutzerAendert("Finanzplan", 2 + i, LM, 100 + i, "Remote");
    await schlafe(500);
  }
  await schlafe(2_500);
  await live.ruhig();
  live.stop();
  return { zeilen: n, oeffnen, eineZelle, entfernt: { ...z(), lesungen } };
}

export async function benchLiveSiegel(): Promise<LiveMessung[]> {
  const aus: LiveMessung[] = [];
  for (const n of [1000, 20_000]) aus.push(await miss(n));
  return aus;
}

const b = (x: number) => `${Math.round(x).toLocaleString("de-DE")} B`;
const kib = (x: number) =>
  `${(x / 1024).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KiB`;

/** The BENCHMARKS.md section "Live seal". */
export async function liveSiegelAbschnitt(): Promise<string> {
  const l = await benchLiveSiegel();
  const zeile = (was: string, f: (x: LiveMessung) => Kosten) =>
    `| ${was} | ${l.map((x) => `${f(x).syncs} | ${kib(f(x).bytes)} | ${b(f(x).anfrage)} / ${b(f(x).antwort)}`).join(" | ")} |`;
  const gross = l.find((x) => x.zeilen === 20_000)!;
  const ziel = gross.eineZelle.syncs <= 2 && gross.eineZelle.bytes <= 50_000 ? "met" : "**not met**";
  let bib = "Through Microsoft's library: not measured (no Chromium on this machine).";
  const h = await starteHarness();
  if (h)
    try {
      const z = await h.fuehreAus("eineZelleLive", 20_000, "bibliothek");
      bib = `Through Microsoft's library (Chromium, test/officejs/) the same edit at 20.000 rows is ${z.rundreisen.length} round trip(s), ${b(z.bibliothekBytes)} as the library serializes request and response (the fake counts ${z.syncs} sync(s), ${b(z.bytes)}).`;
    } finally {
      await h.schliessen();
    }
  return [
    "## Live seal (fake Excel)\n",
    "What the pane's live seal costs across the Office boundary (requests and responses, UTF-8 JSON as the fake measures them) in a checked workbook with n Maßnahmen and n Finanzplan rows: the full read when the pane opens, one cell edited (onChanged names its address: only its row is read again, 1 sync), and a co-author typing ten cells one every 500 ms (source Remote: gathered for 2 s, read at the latest after 10 s). Before this round every edit cost a full read like the first line.\n",
    `| | ${l.map((x) => `${x.zeilen.toLocaleString("de-DE")} rows: syncs | data | largest request / response`).join(" | ")} |`,
    `|---|${l.map(() => "---:|---:|---:").join("|")}|`,
    zeile("pane opens (register events, full read)", (x) => x.oeffnen),
    zeile("one edited cell", (x) => x.eineZelle),
    zeile("a co-author's 10 edits", (x) => x.entfernt),
    "",
    `A co-author's ten edits took ${l.map((x) => `${x.entfernt.lesungen} read(s) at ${x.zeilen.toLocaleString("de-DE")} rows`).join(", ")}. Goal for one edited cell at 20.000 rows (≤ 2 syncs, ≤ 50 KB): ${ziel}. ${bib}\n`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  console.log(await liveSiegelAbschnitt());
