import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DateiFehler } from "./xlsx-lesen";

/**
 * Writes to a temporary file beside the target and renames it into place: an existing link at the
 * target is replaced, never written through; an interrupted write leaves no half file.
 */
export async function schreibeSicher(ziel: string, schreibe: (pfad: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(ziel), `.${basename(ziel)}.${process.pid}.tmp`);
  try {
    await schreibe(tmp);
    await rename(tmp, ziel);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new DateiFehler(
      `${basename(ziel)}: kann nicht geschrieben werden (${code ?? (e instanceof Error ? e.message.slice(0, 80) : "unbekannt")})${code === "EBUSY" || code === "EPERM" ? " – ist die Datei in Excel geöffnet? Schließen und erneut prüfen" : ""}.`,
    );
  }
}
