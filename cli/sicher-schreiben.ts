import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DateiFehler } from "./xlsx-lesen";

/** What is written: bytes, text, or a function that makes them (exceljs's writeBuffer). */
export type Inhalt = Uint8Array | string | (() => Promise<Uint8Array | string>);

/**
 * Writes to a temporary file beside the target and renames it into place. The temporary name is
 * random and the file is created exclusively without following a link (O_CREAT | O_EXCL |
 * O_NOFOLLOW), so nothing planted in the folder is written through; an existing link at the target is
 * replaced by the rename, never followed; an interrupted write leaves no half file.
 */
export async function schreibeSicher(ziel: string, inhalt: Inhalt): Promise<void> {
  const tmp = join(dirname(ziel), `.${basename(ziel)}.${randomBytes(12).toString("hex")}.tmp`);
  let angelegt = false;
  try {
    const daten = typeof inhalt === "function" ? await inhalt() : inhalt;
    const datei = await open(
      tmp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o644,
    );
    angelegt = true;
    try {
      await datei.writeFile(daten);
    } finally {
      await datei.close();
    }
    await rename(tmp, ziel);
  } catch (e) {
    if (angelegt) await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new DateiFehler(
      `${basename(ziel)}: kann nicht geschrieben werden (${code ?? (e instanceof Error ? e.message.slice(0, 80) : "unbekannt")})${code === "EBUSY" || code === "EPERM" ? " – ist die Datei in Excel geöffnet? Schließen und erneut prüfen" : ""}.`,
    );
  }
}
