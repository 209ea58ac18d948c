/**
 * One workbook, two readers, one finding (Z03): the example workbook with a Finanzplan amount that
 * shows #N/A (a VLOOKUP that found nothing) and a Beginn that shows #REF! (its source row deleted),
 * read by the add-in's gateway from the fake Excel — which returns the error's text in `values` and
 * "Error" in `valueTypes`, as Office.js documents (`Excel.RangeValueType.error`,
 * `ErrorCellValue.basicValue`) — and by lsz from the xlsx file, where exceljs gives `{ error: "#N/A" }`.
 * Both name the same cells with the same message.
 */
import ExcelJS from "exceljs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGateway } from "../../addin/src/gateway/gateway";
import { pruefAnfrage, pruefe, type Arbeitsmappe, type Befund } from "../../shared";
import { erzeugeArbeitsmappe } from "../../cli/vorlage";
import { leseDatei } from "../../cli/xlsx-lesen";
import { BEISPIEL, beispiel, spalteVon } from "../addin/fake-hilfen";
import { arbeitsordner } from "../cli/hilfen";

function z03(mappe: Arbeitsmappe): Pick<Befund, "tabelle" | "zeile" | "spalte" | "meldung">[] {
  const a = pruefAnfrage(mappe);
  if (!a.ok) throw new Error(a.meldungen.join("; "));
  return pruefe(a.anfrage)
    .befunde.filter((b) => b.regel === "Z03")
    .map(({ tabelle, zeile, spalte, meldung }) => ({ tabelle, zeile, spalte, meldung }));
}

describe("Excel error values through both readers", () => {
  it("the gateway (valueTypes) and lsz (exceljs) report the same Z03 findings", async () => {
    const m = beispiel();
    const lm = spalteVon(m, "Finanzplan", "Landesmittel");
    const beginn = spalteVon(m, "Maßnahmen", "Beginn");
    m.setzeFehler("Finanzplan", lm.zeile + 3, lm.spalte, "#N/A", "=VLOOKUP(A5,Quelle!A:B,2,FALSE)");
    m.setzeFehler("Maßnahmen", beginn.zeile + 2, beginn.spalte, "#REF!", "=#REF!");
    const imAddin = z03((await createGateway(m.api()).leseTabellen()).mappe);

    const wb = erzeugeArbeitsmappe(BEISPIEL);
    wb.getWorksheet("Finanzplan")!.getCell(lm.zeile + 3, lm.spalte).value = {
      formula: "VLOOKUP(A5,Quelle!A:B,2,FALSE)",
      result: { error: "#N/A" },
    } as ExcelJS.CellValue;
    wb.getWorksheet("Maßnahmen")!.getCell(beginn.zeile + 2, beginn.spalte).value = {
      error: "#REF!",
    } as ExcelJS.CellValue;
    const datei = join(await arbeitsordner(), "fehlerwerte.xlsx");
    await writeFile(datei, Buffer.from(await wb.xlsx.writeBuffer()));
    const inLsz = z03((await leseDatei(datei)).mappe);

    expect(imAddin).toHaveLength(2);
    expect(imAddin.map((b) => b.meldung.split(":")[0])).toEqual([
      "Excel-Fehler #NV (englisch #N/A) in „Landesmittel“ (Maßnahme 1.3, 2019, Zeile 3)",
      "Excel-Fehler #BEZUG! (englisch #REF!) in „Beginn“ (Maßnahme 1.2, Zeile 2)",
    ]);
    expect(inLsz).toEqual(imAddin);
  }, 60_000);

  it("a cell Excel calls an error keeps being one, whatever the text of another display language", async () => {
    const m = beispiel();
    const lm = spalteVon(m, "Finanzplan", "Landesmittel");
    m.setzeFehler("Finanzplan", lm.zeile + 1, lm.spalte, "#busy");
    const [b] = z03((await createGateway(m.api()).leseTabellen()).mappe);
    expect(b).toMatchObject({ tabelle: "finanzplan", zeile: 1, spalte: "landesmittel" });
    expect(b!.meldung).toContain("Excel-Fehler #BUSY!");
  });
});
