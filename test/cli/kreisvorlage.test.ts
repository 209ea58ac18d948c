/**
 * A template for one Kreis (issue 27, point 7): `lsz vorlage DATEI --kreis 16070 --verteilung v.xlsx`
 * carries the Kreis's name, key and its own Förderhöchstbetrag from the ministry's allocation, no
 * other Kreis's data; the example plan typed into it is checked without K03 (which the full template,
 * with all 23 Kreise's indicators in it, raises — test/shared/k03.test.ts).
 */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FOERDERHOECHSTBETRAEGE, INDIKATOREN_TABELLE, PARAMETER } from "../../shared";
import { KREISE_THUERINGEN_2019 } from "../../shared/kreise";
import { arbeitsordner, lsz } from "./hilfen";

let ordner: string;

async function mappe(datei: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ordner, datei));
  return wb;
}

/** The Parameter sheet's value for a label, as the template wrote it. */
function parameter(wb: ExcelJS.Workbook, angabe: string): ExcelJS.CellValue {
  const ws = wb.getWorksheet(PARAMETER.blatt)!;
  for (let r = 2; r <= PARAMETER.zeilen.length + 1; r++)
    if (ws.getCell(r, 1).value === angabe) return ws.getCell(r, 2).value;
  throw new Error(`Parameter ${angabe} fehlt`);
}

/** The Ilm-Kreis's Förderhöchstbetrag in the allocation lsz verteilen wrote. */
async function betragInVerteilung(): Promise<number> {
  const ws = (await mappe("v.xlsx")).getWorksheet(FOERDERHOECHSTBETRAEGE.blatt)!;
  for (let r = 2; r <= ws.rowCount; r++)
    if (String(ws.getCell(r, 1).value) === "16070") return Number(ws.getCell(r, 3).value);
  throw new Error("16070 fehlt in der Verteilung");
}

beforeAll(async () => {
  ordner = await arbeitsordner();
  expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
  const v = await lsz(
    ["verteilen", "beispiel.xlsx", "--haushaltsmittel", "10000000", "--ausgabe", "v.xlsx"],
    ordner,
  );
  expect(v.code).toBe(0);
}, 180_000);

describe("lsz vorlage --kreis", () => {
  it("fills the Kreis's name, key, year and its own amount; no other Kreis's data", async () => {
    const r = await lsz(["vorlage", "ilm.xlsx", "--kreis", "16070", "--verteilung", "v.xlsx"], ordner);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Vorlage für Ilm-Kreis (16070), Förderjahr 2019");
    const wb = await mappe("ilm.xlsx");
    const betrag = await betragInVerteilung();
    // The example's indicators give the Ilm-Kreis 453.863 € of 10 Mio. € (test/shared/k03.test.ts).
    expect(betrag).toBe(453863);
    expect(parameter(wb, "Kreisschlüssel")).toBe("16070");
    expect(parameter(wb, "Kreis")).toBe("Ilm-Kreis");
    expect(parameter(wb, "Förderjahr")).toBe(2019);
    expect(parameter(wb, "Förderhöchstbetrag (€)")).toBe(betrag);
    expect(parameter(wb, "Förderstufe")).toBeNull(); // the Kreis chooses it from the list
    expect(wb.getWorksheet(INDIKATOREN_TABELLE.blatt)).toBeUndefined();
    expect(wb.getWorksheet(FOERDERHOECHSTBETRAEGE.blatt)).toBeUndefined();
    // No other Kreis's key anywhere (the hidden dropdown list holds names only).
    const andere = new Set(
      KREISE_THUERINGEN_2019.filter((k) => k.schluessel !== "16070").map((k) => k.schluessel),
    );
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => expect(andere.has(String(c.value)), `${ws.name}!${c.address}`).toBe(false)),
      ),
    );
  }, 120_000);

  it("the example plan typed into it is checked without K03", async () => {
    const wb = await mappe("ilm.xlsx");
    const quelle = await mappe("beispiel.xlsx");
    // Type the plan: the Maßnahmen, the Finanzplan and the Parameter fields the Kreis fills in.
    for (const blatt of ["Maßnahmen", "Finanzplan"]) {
      const von = quelle.getWorksheet(blatt)!;
      const nach = wb.getWorksheet(blatt)!;
      for (let r = 2; r <= von.rowCount; r++)
        for (let c = 1; c <= von.columnCount; c++) nach.getCell(r, c).value = von.getCell(r, c).value;
    }
    const par = wb.getWorksheet(PARAMETER.blatt)!;
    const vonPar = quelle.getWorksheet(PARAMETER.blatt)!;
    for (let r = 2; r <= PARAMETER.zeilen.length + 1; r++) {
      const angabe = par.getCell(r, 1).value;
      if (angabe === "Förderstufe" || angabe === "Datum des Fachplans")
        par.getCell(r, 2).value = vonPar.getCell(r, 2).value;
      for (const c of [5, 6]) par.getCell(r, c).value = vonPar.getCell(r, c).value; // Handlungsfelder ohne Maßnahme
    }
    await wb.xlsx.writeFile(join(ordner, "ilm-ausgefuellt.xlsx"));

    const r = await lsz(["pruefen", "ilm-ausgefuellt.xlsx", "--bericht", "k.json"], ordner);
    expect(r.stdout).toContain("ilm-ausgefuellt.xlsx: Ilm-Kreis");
    const bericht = JSON.parse(await readFile(join(ordner, "k.json"), "utf8")) as {
      dateien: {
        status: string;
        kreisschluessel: string;
        foerderhoechstbetrag_eur: number;
        befunde: { regel: string }[];
      }[];
    };
    const d = bericht.dateien[0]!;
    expect(d.status).toBe("geprueft");
    expect(d.kreisschluessel).toBe("16070");
    expect(d.foerderhoechstbetrag_eur).toBe(453863);
    expect(d.befunde.map((b) => b.regel)).not.toContain("K03");
    expect(d.befunde.map((b) => b.regel)).not.toContain("K02");
    // The same plan in the full template (all Kreise's indicators, 445.785 € typed) does raise K03.
    const voll = await lsz(["pruefen", "beispiel.xlsx", "--bericht", "voll.json"], ordner);
    expect(voll.code).toBe(1);
    expect(await readFile(join(ordner, "voll.json"), "utf8")).toContain('"regel": "K03"');
  }, 180_000);

  it("a Kreis that is no Zuwendungsempfänger of the year: exit 2, the allowed ones named", async () => {
    // Eisenach (16056) joined the Wartburgkreis in 2021: no Zuwendungsempfänger of 2022.
    const r = await lsz(["vorlage", "eisenach.xlsx", "--kreis", "16056", "--foerderjahr", "2022"], ordner);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--kreis „16056“ ist im Förderjahr 2022 kein Zuwendungsempfänger nach LSZ-2022",
    );
    expect(r.stderr).toContain("16063 Wartburgkreis");
    const gotha = await lsz(["vorlage", "gotha.xlsx", "--kreis", "Gotha", "--foerderjahr", "2022"], ordner);
    expect(gotha.code).toBe(0);
    const wb = await mappe("gotha.xlsx");
    expect(parameter(wb, "Kreisschlüssel")).toBe("16067");
    expect(parameter(wb, "Förderhöchstbetrag (€)")).toBeNull(); // no allocation given
  }, 120_000);
});
