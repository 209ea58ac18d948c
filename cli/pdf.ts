/**
 * `lsz pruefen --pdf`: the Prüfbericht (its summary page, then the findings) as a PDF to file, made
 * by LibreOffice where it is installed (`soffice`, or the program named in $SOFFICE). Without it the
 * check is complete all the same; the user is told what is missing.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import type { Ausgabe } from "../shared/arbeitsmappe";
import { berichtBlatt } from "./annotieren";

type PdfErgebnis = { ok: true; pdf: string } | { ok: false; grund: string };

const OHNE_LIBREOFFICE =
  "PDF nicht erzeugt: LibreOffice fehlt (soffice). Installieren, z. B. „apt-get install libreoffice-calc-nogui“, dann erneut mit --pdf prüfen.";

/** Converts an xlsx file to PDF with LibreOffice headless; the PDF lands at `ziel`. */
export async function xlsxAlsPdf(xlsx: string, ziel: string): Promise<PdfErgebnis> {
  const ordner = await mkdtemp(join(tmpdir(), "lsz-pdf-"));
  try {
    const r = spawnSync(
      process.env["SOFFICE"] ?? "soffice",
      [
        `-env:UserInstallation=file://${ordner}/profil`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        ordner,
        xlsx,
      ],
      // German amounts, dates and page texts („445.785,00 €“, „04.12.2026“): LibreOffice takes its
      // locale from LANG (its own ICU data, no system locale needed); the user's own LANG is not.
      {
        encoding: "utf8",
        timeout: 180_000,
        env: { ...process.env, LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
      },
    );
    if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT")
      return { ok: false, grund: OHNE_LIBREOFFICE };
    if (r.status !== 0)
      return {
        ok: false,
        grund: `PDF nicht erzeugt: LibreOffice meldete einen Fehler (${(r.stderr || "").trim().slice(0, 160)}).`,
      };
    await rename(join(ordner, `${basename(xlsx).replace(/\.xlsx$/i, "")}.pdf`), ziel);
    return { ok: true, pdf: ziel };
  } catch (e) {
    return {
      ok: false,
      grund: `PDF nicht erzeugt (${e instanceof Error ? e.message.slice(0, 160) : "unbekannt"}).`,
    };
  } finally {
    await rm(ordner, { recursive: true, force: true });
  }
}

/** The Prüfbericht alone (a workbook of that one sheet, printed as set up) as `ziel`. */
export async function pruefberichtAlsPdf(ausgabe: Ausgabe, ziel: string): Promise<PdfErgebnis> {
  const ordner = await mkdtemp(join(tmpdir(), "lsz-bericht-"));
  try {
    const wb = new ExcelJS.Workbook();
    berichtBlatt(wb, ausgabe, []);
    const xlsx = join(ordner, "pruefbericht.xlsx");
    await wb.xlsx.writeFile(xlsx);
    return await xlsxAlsPdf(xlsx, ziel);
  } finally {
    await rm(ordner, { recursive: true, force: true });
  }
}
