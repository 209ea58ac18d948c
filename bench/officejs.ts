/**
 * The add-in's Office seam through Microsoft's Office.js library (test/officejs/): a full check of
 * n rows, each batch built and serialized by the library's Excel web script in Chromium and answered
 * by the fake — the round trips and bytes as the library really sends them, beside the fake's own
 * accounting of the same run directly on the fake.
 */
import { starteHarness } from "../test/officejs/harness";
import type { Rundreise } from "../test/officejs/richapi";

export interface OfficeJsMessung {
  zeilen: number;
  /** Round trips the library made (its reference clean-up after a run included). */
  rundreisen: number;
  /** Largest request body as the library serializes it (UTF-8 JSON). */
  anfrage: number;
  /** Largest request as packed for the Office host (the message array as JSON, body as text). */
  nachricht: number;
  antwort: number;
  kib: number;
  /** The same run directly on the fake, as the fake counts it. */
  fake: { syncs: number; anfrage: number; antwort: number };
}

export interface EinzelMessung {
  bibliothek: Rundreise[];
  fake: number[];
}

const max = (xs: number[]) => Math.max(0, ...xs);

/** null where no Chromium could be started. */
export async function benchOfficeJs(): Promise<{ laeufe: OfficeJsMessung[]; zelle: EinzelMessung } | null> {
  const h = await starteHarness();
  if (!h) return null;
  try {
    const laeufe: OfficeJsMessung[] = [];
    for (const n of [15, 1000, 10_000, 20_000]) {
      const b = await h.fuehreAus("grossePruefung", n, "bibliothek");
      const f = await h.fuehreAus("grossePruefung", n, "fake");
      if (b.art !== "ok" || f.art !== "ok") throw new Error(`Prüfung mit ${n} Zeilen fehlgeschlagen`);
      const r = b.rundreisen;
      laeufe.push({
        zeilen: n,
        rundreisen: r.length,
        anfrage: max(r.map((x) => x.anfrage)),
        nachricht: max(r.map((x) => x.nachricht)),
        antwort: max(r.map((x) => x.antwort)),
        kib: r.reduce((s, x) => s + x.anfrage + x.antwort, 0) / 1024,
        fake: { syncs: f.fake.syncs, anfrage: max(f.fake.anfragen), antwort: max(f.fake.antworten) },
      });
    }
    const zb = await h.fuehreAus("einzelneZelle", "bibliothek");
    const zf = await h.fuehreAus("einzelneZelle", "fake");
    return { laeufe, zelle: { bibliothek: zb.rundreisen, fake: zf.fake.anfragen } };
  } finally {
    await h.schliessen();
  }
}

const b = (x: number) => `${Math.round(x).toLocaleString("de-DE")} B`;
const VIER_MB = 4_000_000;

/** The BENCHMARKS.md section "Office.js library" (one line saying why where Chromium is missing). */
export async function officeJsAbschnitt(): Promise<string> {
  const m = await benchOfficeJs();
  const kopf = "## The add-in's Office seam (Office.js library)\n";
  if (!m) return `${kopf}\nNot measured: no Chromium on this machine.\n`;
  const zeilen = m.laeufe.map(
    (l) =>
      `| ${l.zeilen.toLocaleString("de-DE")} | ${l.rundreisen} | ${b(l.anfrage)} | ${b(l.nachricht)} | ${b(l.antwort)} | ${l.kib.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KiB | ${l.fake.syncs} | ${b(l.fake.anfrage)} | ${b(l.fake.antwort)} |`,
  );
  const groesste = Math.max(...m.laeufe.map((l) => l.anfrage));
  const gepackt = Math.max(...m.laeufe.map((l) => l.nachricht));
  const ziel = (x: number) => (x < VIER_MB ? "met" : "**not met**");
  const zelle = m.zelle.bibliothek;
  return [
    kopf,
    "The same full check as above, each batch built and serialized by Microsoft's library (`@microsoft/office-js`, `dist/excel-web-16.00.js`, in Chromium) through `Excel.run` with a session stub that answers from the fake (test/officejs/). *Library JSON* is the request body as the library serializes it; *packed for the host* is the message the library hands to the Office host (`RichApiMessageUtility.buildMessageArrayForIRequestExecutor`: the body as a string inside an array, as JSON — closer to what Excel on the web posts). Round trips include the library's reference clean-up after each run. The fake's columns are the same run directly on the fake, as the fake counts it.\n",
    "| rows | round trips | largest request (library JSON) | largest request (packed for the host) | largest response | data across | fake: syncs | fake: largest request | fake: largest response |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...zeilen,
    "",
    `Goal no request over 4 MB: as the library serializes it ${ziel(groesste)} (largest ${b(groesste)}); as packed for the host ${ziel(gepackt)} (largest ${b(gepackt)}).`,
    "",
    `One write into one input cell (*Betrag übernehmen*): the library makes ${zelle.length} round trips of ${zelle.map((r) => b(r.anfrage)).join(" + ")} (packed ${zelle.map((r) => b(r.nachricht)).join(" + ")}; the second is its reference clean-up); the fake counts ${m.zelle.fake.length} sync of ${m.zelle.fake.map(b).join(" + ")}.\n`,
  ].join("\n");
}
