/**
 * One workbook, two readers, the same rows: Finanzplan rows pasted right below the table, outside it.
 * Excel widens a table by itself only for a row typed right below it with AutoCorrect's „Include new
 * rows and columns in table“ on, not for pasted rows (Microsoft support, „Resize a table by adding or
 * removing rows and columns“). The add-in reads the table object (Office.js) and names those rows; lsz
 * reads the same file's table part (exceljs) and must see the same rows — else a seal made in the pane
 * would be judged „geändert“ at the ministry for rows nobody changed, and the two verdicts differ.
 */
import ExcelJS from "exceljs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGateway } from "../../addin/src/gateway/gateway";
import { FINANZPLAN, pruefAnfrage, pruefe, type Arbeitsmappe } from "../../shared";
import { erzeugeArbeitsmappe } from "../../cli/vorlage";
import { leseDatei } from "../../cli/xlsx-lesen";
import { BEISPIEL, beispiel } from "../addin/fake-hilfen";
import { arbeitsordner } from "../cli/hilfen";

/** Three Finanzplan rows for a Maßnahme 6.2–6.4 (no such Maßnahme: checked, they would be findings). */
const GEPASTET = [0, 1, 2].map((r) => [`6.${r + 2}`, 2019, 1200 * (r + 1)] as const);

function befunde(mappe: Arbeitsmappe): string[] {
  const a = pruefAnfrage(mappe);
  if (!a.ok) throw new Error(a.meldungen.join("; "));
  return pruefe(a.anfrage).befunde.map((b) => `${b.regel} ${b.meldung}`);
}

describe("rows pasted below a table, through both readers", () => {
  it("neither the add-in nor lsz checks them; both name them in the same words", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    const unten = t.zeile + t.zeilen + 1;
    GEPASTET.forEach((zeile, r) => zeile.forEach((v, s) => m.setze(t.blatt, unten + r, t.spalte + s, v)));
    const imAddin = await createGateway(m.api()).leseTabellen();

    const wb = erzeugeArbeitsmappe(BEISPIEL);
    const ws = wb.getWorksheet(t.blatt)!;
    const ref = (ws.getTables()[0] as unknown as { table: { tableRef: string } }).table.tableRef;
    expect(ws.getTables().length).toBeGreaterThan(0);
    GEPASTET.forEach((zeile, r) => zeile.forEach((v, s) => (ws.getCell(unten + r, t.spalte + s).value = v)));
    const datei = join(await arbeitsordner(), "darunter.xlsx");
    await writeFile(datei, Buffer.from(await (wb as ExcelJS.Workbook).xlsx.writeBuffer()));
    const inLsz = await leseDatei(datei);

    // The same plan: the pasted rows are in neither reading, so the findings agree.
    expect(inLsz.mappe.finanzplan!.werte.length).toBe(t.zeilen);
    expect(befunde(inLsz.mappe)).toEqual(befunde(imAddin.mappe));
    expect(befunde(inLsz.mappe).some((b) => b.includes("6.2"))).toBe(false);
    // The same words: the add-in's notice is lsz's X08, at the first pasted row.
    const hinweis = imAddin.hinweise.find((h) => h.includes("unter der Tabelle"));
    expect(hinweis).toContain(`Zeilen ${unten}–${unten + 2} auf dem Blatt „${t.blatt}“`);
    const x08 = inLsz.auffaelligkeiten.filter((a) => a.regel === "X08");
    expect(x08).toEqual([
      { regel: "X08", schwere: "warnung", blatt: t.blatt, zelle: `A${unten}`, meldung: hinweis },
    ]);
    expect(ref).toMatch(/^A1:/);
  }, 60_000);

  it("a hand-made sheet without a table part is read by its headers down to its last row, as before", async () => {
    const wb = erzeugeArbeitsmappe(BEISPIEL);
    const ws = wb.getWorksheet(FINANZPLAN.blatt)!;
    const name = (ws.getTables()[0] as unknown as { table: { name: string } }).table.name;
    ws.removeTable(name);
    const unten = ws.actualRowCount + 1;
    GEPASTET.forEach((zeile, r) => zeile.forEach((v, s) => (ws.getCell(unten + r, 1 + s).value = v)));
    const datei = join(await arbeitsordner(), "ohne-tabelle.xlsx");
    await writeFile(datei, Buffer.from(await wb.xlsx.writeBuffer()));
    const inLsz = await leseDatei(datei);
    expect(inLsz.auffaelligkeiten.filter((a) => a.regel === "X08")).toEqual([]);
    expect(befunde(inLsz.mappe).some((b) => b.includes("6.2"))).toBe(true);
  }, 60_000);
});
