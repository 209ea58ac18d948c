/**
 * Each workbook in its own cage: `lsz pruefen` checks every file in a child process with a capped heap
 * and a time limit, so that a file made to exhaust the reader (a merged area over a million rows, a
 * sheet that unpacks to gigabytes) costs that one file – "nicht geprüft: zu groß oder zu verschachtelt" –
 * and the batch, its summary and its report go on.
 */
import { fork, type Serializable } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The cage's bounds; the environment may lower them (tests) or raise them (a slow machine). */
export const KAEFIG = {
  /** V8's old generation of the child, in MB (--max-old-space-size). */
  speicherMb: Number(process.env["LSZ_KAEFIG_MB"]) || 1024,
  /** Wall time for one file, in seconds. */
  sekunden: Number(process.env["LSZ_KAEFIG_SEKUNDEN"]) || 60,
} as const;

export const ZU_GROSS = "nicht geprüft: zu groß oder zu verschachtelt";

const KIND = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "lsz-kaefig.mjs");

/** What the child answers: the result, or the message of an error it caught (DateiFehler or other). */
export type KaefigAntwort<T> =
  { ok: true; ergebnis: T } | { ok: false; dateiFehler: boolean; meldung: string };

/**
 * Runs `auftrag` in a child and resolves with its answer; a crash (out of memory), a kill or the time
 * limit resolve with null. The child never writes to the terminal: it answers through the IPC channel.
 */
export function imKaefig<A extends Serializable, T>(auftrag: A): Promise<KaefigAntwort<T> | null> {
  return new Promise((fertig) => {
    const kind = fork(KIND, [], {
      execArgv: [`--max-old-space-size=${KAEFIG.speicherMb}`],
      stdio: ["ignore", "ignore", "ignore", "ipc"],
      serialization: "advanced",
    });
    let antwort: KaefigAntwort<T> | null = null;
    const uhr = setTimeout(() => kind.kill("SIGKILL"), KAEFIG.sekunden * 1000);
    kind.on("message", (m) => {
      antwort = m as KaefigAntwort<T>;
    });
    const ende = () => {
      clearTimeout(uhr);
      fertig(antwort);
    };
    kind.on("exit", ende);
    kind.on("error", ende);
    kind.send(auftrag);
  });
}

/** The child's side: takes one job, answers once, exits. */
export async function kindLaeuft(): Promise<void> {
  const auftrag = await new Promise<unknown>((r) => process.once("message", r));
  const { pruefeDateiHier } = await import("./pruefen");
  const { DateiFehler } = await import("./xlsx-lesen");
  const { datei, optionen } = auftrag as Parameters<typeof pruefeDateiHier> extends [infer D, infer O]
    ? { datei: D; optionen: O }
    : never;
  let antwort: KaefigAntwort<unknown>;
  try {
    antwort = { ok: true, ergebnis: await pruefeDateiHier(datei, optionen) };
  } catch (e) {
    const dateiFehler = e instanceof DateiFehler;
    antwort = {
      ok: false,
      dateiFehler,
      meldung: e instanceof Error ? (dateiFehler ? e.message : `${e.name}: ${e.message}`) : String(e),
    };
  }
  await new Promise<void>((r) => process.send!(antwort, () => r()));
  process.disconnect();
}
