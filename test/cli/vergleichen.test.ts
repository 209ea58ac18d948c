/** `lsz vergleichen ALT.xlsx NEU.xlsx`: the text table and the three report formats, without seals. */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { arbeitsordner, lsz } from "./hilfen";

describe("lsz vergleichen", () => {
  it("names the changed Landesmittel of a measure and year, and the year's totals; writes csv, json and xlsx", async () => {
    const ordner = await arbeitsordner();
    await lsz(["vorlage", "alt.xlsx", "--beispiel"], ordner);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "alt.xlsx"));
    const fp = wb.getWorksheet("Finanzplan")!;
    const kopf = fp.getRow(1).values as unknown[];
    const lm = kopf.indexOf("Landesmittel");
    const nr = String(fp.getCell(4, kopf.indexOf("Maßnahme-Nr.")).value);
    const vorher = Number(fp.getCell(4, lm).value);
    fp.getCell(4, lm).value = vorher + 1000;
    await wb.xlsx.writeFile(join(ordner, "neu.xlsx"));

    const r = await lsz(["vergleichen", "alt.xlsx", "neu.xlsx", "--bericht", "v.csv"], ordner);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Vergleich alt.xlsx → neu.xlsx: 0 neu, 0 entfallen, 0 geändert, 1 Beträge");
    const zeile = r.stdout.split("\n").find((z) => z.startsWith("Betrag") && z.includes("Landesmittel"))!;
    expect(zeile.split(/\s{2,}/)).toEqual([
      "Betrag",
      nr,
      "2019",
      "Landesmittel",
      expect.stringMatching(/€$/),
      expect.stringMatching(/€$/),
      "1.000,00 €",
    ]);
    expect(r.stdout).toMatch(/Summe\s+2019\s+Landesmittel\s+[\d.,]+ €\s+[\d.,]+ €\s+1\.000,00 €/);
    expect(await readFile(join(ordner, "v.csv"), "utf8")).toContain(`Betrag;${nr};2019;Landesmittel;`);

    await lsz(["vergleichen", "alt.xlsx", "neu.xlsx", "--bericht", "v.json"], ordner);
    const json = JSON.parse(await readFile(join(ordner, "v.json"), "utf8")) as {
      betraege: { landesmittel: number[] }[];
    };
    expect(json.betraege[0]!.landesmittel[1]! - json.betraege[0]!.landesmittel[0]!).toBe(100_000);

    await lsz(["vergleichen", "alt.xlsx", "neu.xlsx", "--bericht", "v.xlsx"], ordner);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(join(ordner, "v.xlsx"));
    expect(x.getWorksheet("Vergleich")!.getRow(1).values).toEqual([
      undefined,
      "Art",
      "Maßnahme",
      "Jahr",
      "Feld",
      "vorher",
      "nachher",
      "Differenz",
    ]);

    const falsch = await lsz(["vergleichen", "alt.xlsx"], ordner);
    expect(falsch.code).toBe(2);
    expect(falsch.stderr).toContain("Bitte zwei Arbeitsmappen angeben");
  }, 120_000);
});
