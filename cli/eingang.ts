/**
 * What `lsz pruefen` checks of what it is given: regular `.xlsx` files, never a link, a folder, a
 * device or a FIFO (lstat, no following); everything left out is named with its reason, so that no
 * submission disappears unnoticed — except lsz's own outputs in a folder (checked copies, PDFs, the
 * report of this run), which are no submissions and are left out without a word.
 */
import { lstat, readdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";

export interface Eingang {
  dateien: string[];
  uebersprungen: { name: string; grund: string }[];
}

/** The names of lsz's own outputs: checked copies, allocations, Prüfbericht PDFs. */
const EIGENE_AUSGABE = /\.(geprueft\.xlsx|verteilung\.xlsx|verteilung\.csv|pruefbericht\.pdf)$/i;
const EIGENE = "eigene Ausgabe von lsz";

/** Why an entry of a folder is not checked; null when it is a workbook to check. */
function grund(
  name: string,
  art: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean },
  imOrdner: boolean,
): string | null {
  if (art.isSymbolicLink()) return "Verknüpfung (Symlink) – ihr wird nicht gefolgt";
  if (art.isDirectory()) return "Ordner";
  if (!art.isFile()) return "keine normale Datei (Gerät, FIFO oder Socket)";
  if (name.startsWith("~$")) return "Sperrdatei von Excel – die Mappe ist gerade geöffnet";
  if (imOrdner && EIGENE_AUSGABE.test(name)) return EIGENE;
  if (imOrdner && name.startsWith(".")) return "versteckte Datei";
  if (/\.xls$/i.test(name)) return "altes .xls-Format – bitte in Excel als .xlsx speichern";
  if (!/\.xlsx$/i.test(name)) return "keine .xlsx-Datei";
  return null;
}

/**
 * The files to check among the arguments (files and folders). `eigene`: further paths lsz writes in
 * this run (the report), left out of a folder like its other outputs.
 */
export async function eingangAus(
  argumente: readonly string[],
  eigene: readonly string[] = [],
): Promise<Eingang> {
  const eigenePfade = new Set(eigene.map((p) => resolve(p)));
  const dateien: string[] = [];
  const uebersprungen: Eingang["uebersprungen"] = [];
  for (const a of argumente) {
    const info = await lstat(a).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      uebersprungen.push({
        name: a,
        grund:
          info.code === "ENOENT"
            ? "nicht gefunden – Pfad prüfen"
            : `nicht lesbar (${info.code ?? "unbekannt"})`,
      });
      continue;
    }
    if (info.isDirectory()) {
      const eintraege = (await readdir(a, { withFileTypes: true })).sort((x, y) =>
        x.name < y.name ? -1 : 1,
      );
      for (const e of eintraege) {
        const g = grund(e.name, e, true);
        if (g === EIGENE || (e.isFile() && eigenePfade.has(resolve(a, e.name)))) continue;
        if (g === null) dateien.push(join(a, e.name));
        else uebersprungen.push({ name: join(basename(a), e.name), grund: g });
      }
      continue;
    }
    const g = grund(basename(a), info, false);
    if (g === null) dateien.push(a);
    else uebersprungen.push({ name: a, grund: g });
  }
  return { dateien, uebersprungen };
}
