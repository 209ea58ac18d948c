/**
 * The ministry's desk (issue 27, point 5): a folder of returned workbooks — two Kreise, one of them
 * twice, and the outputs of an earlier run. lsz names who has not submitted (the rule set's
 * Zuwendungsempfänger of the Förderjahr, shared/kreise.ts), which of the double files counts, the
 * Landesmittel against the Haushaltsmittel; its summary fits 100 columns; its own outputs are no
 * submissions; an empty folder or a wrong path is a German sentence.
 */
import ExcelJS from "exceljs";
import { copyFile, mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { berichtSchema } from "../../cli/bericht-schema";
import { KREISE_THUERINGEN_2019 } from "../../shared/kreise";
import { arbeitsordner, lsz } from "./hilfen";

let ordner: string;
let eingang: string;
let r: Awaited<ReturnType<typeof lsz>>;

/** The example workbook as another Kreis returned it. */
async function alsKreis(ziel: string, schluessel: string, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ordner, "beispiel.xlsx"));
  const ws = wb.getWorksheet("Parameter")!;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "Kreisschlüssel") row.getCell(2).value = schluessel;
    if (row.getCell(1).value === "Kreis") row.getCell(2).value = name;
  });
  await wb.xlsx.writeFile(ziel);
}

beforeAll(async () => {
  ordner = await arbeitsordner();
  expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
  eingang = join(ordner, "eingang");
  await mkdir(eingang);
  await alsKreis(join(eingang, "gotha.xlsx"), "16067", "Gotha");
  await copyFile(join(ordner, "beispiel.xlsx"), join(eingang, "ilm-alt.xlsx"));
  await copyFile(join(ordner, "beispiel.xlsx"), join(eingang, "ilm.xlsx"));
  await utimes(join(eingang, "ilm-alt.xlsx"), new Date("2026-03-01"), new Date("2026-03-01"));
  await utimes(join(eingang, "ilm.xlsx"), new Date("2026-03-05"), new Date("2026-03-05"));
  // What an earlier run left in the inbox.
  await copyFile(join(ordner, "beispiel.xlsx"), join(eingang, "ilm.geprueft.xlsx"));
  await writeFile(join(eingang, "ilm.pruefbericht.pdf"), "%PDF-1.4");
  await writeFile(join(eingang, "bericht.json"), "{}");
  r = await lsz(
    ["pruefen", eingang, "--haushaltsmittel", "10000000", "--bericht", join(eingang, "bericht.json")],
    ordner,
  );
}, 300_000);

describe("lsz pruefen on the ministry's inbox", () => {
  it("says each file before checking it, and leaves its own outputs out without a word", () => {
    expect(r.code).toBe(1); // the example's Fehler
    const vor = r.stdout.indexOf("[1/3] gotha.xlsx …");
    expect(vor).toBeGreaterThanOrEqual(0);
    expect(r.stdout.indexOf("[1/3] gotha.xlsx: Gotha")).toBeGreaterThan(vor);
    expect(r.stdout).toContain("[3/3] ilm.xlsx …");
    expect(r.stdout).not.toContain("Nicht geprüft");
    expect(r.stdout).not.toContain("geprueft.xlsx (");
    expect(r.stdout).not.toContain("pruefbericht.pdf (");
    expect(r.stdout).not.toContain("keine .xlsx-Datei");
  });

  it("names the Kreise that have not submitted, the double submission, the sum against the Haushaltsmittel", () => {
    const fehlend = KREISE_THUERINGEN_2019.filter((k) => !["16067", "16070"].includes(k.schluessel));
    const text = r.stdout.replace(/\n {2}/g, " "); // the desk's sentences are wrapped at 100 columns
    expect(text).toContain(`Nicht eingereicht (Förderjahr 2019, LSZ-2019: ${fehlend.length} Kreise):`);
    for (const k of fehlend) expect(text).toContain(`${k.name} (${k.schluessel})`);
    expect(text).not.toContain("Gotha (16067)");
    expect(text).toContain(
      "Doppelt eingereicht: Ilm-Kreis – gezählt wird die neueste Datei ilm.xlsx; nicht gezählt: ilm-alt.xlsx (älter).",
    );
    // Gotha and the newer Ilm-Kreis file, 445.785 € each; the older file is not counted twice.
    expect(text).toContain(
      "Σ Landesmittel aller gezählten Einreichungen: 891.570,00 € von 10.000.000,00 € Haushaltsmitteln (8,92 %).",
    );
    expect(r.stdout).toMatch(/ilm-alt\.xlsx\s+Ilm-Kreis.*doppelt – nicht gezählt/);
  });

  it("the summary and the desk fit 100 columns; no advice names the add-in's pane", async () => {
    const zusammenfassung = r.stdout.slice(r.stdout.indexOf("\nDatei "));
    for (const zeile of zusammenfassung.split("\n")) expect(zeile.length, zeile).toBeLessThanOrEqual(100);
    expect(r.stdout).not.toContain("Aufgabenbereich");
    expect(await readFile(join(eingang, "bericht.json"), "utf8")).not.toContain("Aufgabenbereich");
  });

  it("the JSON report follows its versioned schema and says the same", async () => {
    const bericht = berichtSchema.parse(JSON.parse(await readFile(join(eingang, "bericht.json"), "utf8")));
    expect(bericht.schema_version).toBe(1);
    expect(bericht.dateien.map((d) => d.datei.split("/").pop())).toEqual([
      "gotha.xlsx",
      "ilm-alt.xlsx",
      "ilm.xlsx",
    ]);
    expect(bericht.einreichungen).toMatchObject({
      foerderjahr: 2019,
      regelwerk: "LSZ-2019",
      landesmittel_eur: 891570,
      haushaltsmittel_eur: 10000000,
    });
    expect(bericht.einreichungen.fehlend).toHaveLength(21);
    expect(bericht.einreichungen.doppelt).toEqual([
      {
        kreis: "Ilm-Kreis",
        verwendet: join(eingang, "ilm.xlsx"),
        nicht_verwendet: [join(eingang, "ilm-alt.xlsx")],
      },
    ]);
  });
});

describe("nothing to check", () => {
  it("an empty folder and a wrong path: one German sentence each, exit 2", async () => {
    const leer = join(ordner, "leer");
    await mkdir(leer);
    const a = await lsz(["pruefen", leer], ordner);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`In „${leer}“ liegt keine Arbeitsmappe (.xlsx) zum Prüfen.`);
    expect(a.stdout).not.toContain("Datei  ");
    const b = await lsz(["pruefen", "gibtsnicht"], ordner);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("„gibtsnicht“ gibt es nicht – bitte den Pfad prüfen");
  }, 60_000);
});
