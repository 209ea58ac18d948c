/**
 * A report to file: `lsz pruefen --pdf` writes the Prüfbericht as PDF (summary page first) where
 * LibreOffice is installed and says so in German where it is not; the annotated example copy prints in
 * at most 10 pages (every sheet with a print setup: landscape, fit to width, header row repeated).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { xlsxAlsPdf } from "../../cli/pdf";
import { LIBREOFFICE, arbeitsordner, lsz } from "./hilfen";

/** Pages of a PDF: its page objects (LibreOffice writes them uncompressed). */
async function seiten(pdf: string): Promise<number> {
  const text = (await readFile(pdf)).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe("a report to file", () => {
  let ordner: string;
  beforeAll(async () => {
    ordner = await arbeitsordner();
    expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
  }, 120_000);

  it("without LibreOffice: the check is complete, the PDF is said to be missing and how to get it", async () => {
    const vorher = process.env["SOFFICE"];
    process.env["SOFFICE"] = "/gibt/es/nicht/soffice";
    try {
      const r = await lsz(["pruefen", "beispiel.xlsx", "--pdf"], ordner);
      expect(r.code).toBe(1); // the example's Fehler, as without --pdf
      expect(r.stdout).toContain("PDF nicht erzeugt: LibreOffice fehlt (soffice)");
      expect(r.stdout).toContain("apt-get install libreoffice-calc-nogui");
      expect(existsSync(join(ordner, "beispiel.pruefbericht.pdf"))).toBe(false);
    } finally {
      if (vorher === undefined) delete process.env["SOFFICE"];
      else process.env["SOFFICE"] = vorher;
    }
  }, 120_000);

  it.skipIf(!LIBREOFFICE)(
    "lsz pruefen --pdf writes the Prüfbericht as PDF; the annotated copy prints in at most 10 pages",
    async () => {
      const r = await lsz(["pruefen", "beispiel.xlsx", "--pdf"], ordner);
      expect(r.stdout).toContain("→ beispiel.geprueft.xlsx, beispiel.pruefbericht.pdf");
      const bericht = join(ordner, "beispiel.pruefbericht.pdf");
      expect((await readFile(bericht)).subarray(0, 5).toString()).toBe("%PDF-");
      // Summary and three findings: one landscape page.
      expect(await seiten(bericht)).toBe(1);
      const ganz = await xlsxAlsPdf(join(ordner, "beispiel.geprueft.xlsx"), join(ordner, "ganz.pdf"));
      expect(ganz).toEqual({ ok: true, pdf: join(ordner, "ganz.pdf") });
      const n = await seiten(join(ordner, "ganz.pdf"));
      expect(n).toBeGreaterThanOrEqual(6);
      expect(n).toBeLessThanOrEqual(10);
    },
    300_000,
  );
});
