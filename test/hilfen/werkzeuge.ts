/**
 * Which outside programs the tests find on this machine. LibreOffice is the independent reader of
 * our xlsx files; its round-trip tests run where `soffice` exists and are skipped, visibly, elsewhere.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export function aufPfad(programm: string): boolean {
  return (process.env["PATH"] ?? "").split(delimiter).some((ordner) => {
    try {
      accessSync(join(ordner, programm), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const LIBREOFFICE = aufPfad("soffice");

/** The one line the test summary prints when the LibreOffice checks were skipped. */
export const LIBREOFFICE_FEHLT =
  "LibreOffice-Prüfungen übersprungen: soffice fehlt, daher nicht geprüft, ob LibreOffice Vorlage, " +
  "Beispiel, geprüfte Kopien und Verteilungsausgabe so liest, wie lsz sie schreibt " +
  "(nachholen: apt-get install libreoffice-calc-nogui, dann npm test).";

/** .ci/run sets LSZ_LIBREOFFICE_PFLICHT=1: there a missing LibreOffice fails instead of skipping. */
export const LIBREOFFICE_PFLICHT = process.env["LSZ_LIBREOFFICE_PFLICHT"] === "1";

/** pdftotext (poppler-utils): reads the words and their boxes from a rendered PDF. */
export const PDFTOTEXT = aufPfad("pdftotext");
