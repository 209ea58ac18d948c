/**
 * Undo groups that Excel accepts. From ExcelApi 1.20 the write runs with `mergeUndoGroup`, and
 * Microsoft's „Undo capabilities in Excel add-ins“ says a grouped run that calls an API without undo
 * support throws UndoNotSupported. Its table „Unsupported APIs“ lists, among others:
 * WorksheetProtection.protect / unprotect (no undo anywhere), Worksheet.visibility (none on Windows
 * and Mac), NamedItem.comment (none on the web). The fake refuses them as listed, per platform.
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen } from "../../addin/src/ablauf";
import { ExcelFehler } from "../../addin/src/fake/fake-excel";
import { createGateway } from "../../addin/src/gateway/gateway";
import { EXCEL_FEHLER, excelFehlerText } from "../../addin/src/gateway/fehler";
import { beispiel } from "./fake-hilfen";

describe("a write Excel can undo in one step", () => {
  for (const plattform of ["web", "windows", "mac"] as const)
    it(`checks twice and allocates on ${plattform}: no grouped run touches protection, visibility or a name's comment`, async () => {
      const m = beispiel();
      m.plattform = plattform;
      const g = createGateway(m.api());
      for (const aktion of [finanzplanPruefen, foerderhoechstbetraegeBerechnen, finanzplanPruefen])
        expect((await aktion({ gateway: g, dienst: null })).art).toBe("ok");
      // The writes ran as a group, and the add-in's sheets are protected and the seal hidden all the same.
      expect(m.laeufe.some((o) => o.mergeUndoGroup)).toBe(true);
      expect(m.schutz.has("Prüfbericht")).toBe(true);
      expect(m.ausgeblendet.has("LSZ-Siegel")).toBe(true);
    });

  it("the fake refuses what Excel refuses in a group (so the old single run fails here)", async () => {
    const m = beispiel();
    m.plattform = "windows";
    const api = m.api();
    await expect(
      api.run({ mergeUndoGroup: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("Finanzplan").visibility = "Hidden";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
    await expect(
      api.run({ mergeUndoGroup: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("Finanzplan").protection.protect();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
    // Without the group the same calls are fine.
    await api.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("Finanzplan").protection.protect();
      await ctx.sync();
    });
    expect(m.schutz.has("Finanzplan")).toBe(true);
  });

  it("UndoNotSupported and the other codes the seam can meet have a German sentence", () => {
    for (const code of [
      "UndoNotSupported",
      "NonBlankCellOffSheet",
      "InvalidOrTimedOutSession",
      "EmptyChartSeries",
      "OperationCellsExceedLimit",
    ]) {
      expect(EXCEL_FEHLER[code], code).toMatch(/erneut|prüfen|öffnen/);
      expect(excelFehlerText(new ExcelFehler(code, "x")).text).toBe(EXCEL_FEHLER[code]);
    }
  });
});
