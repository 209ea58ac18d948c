/**
 * A rule never goes quiet, seen from the pane: one unreadable Landesmittel cell in the example
 * workbook gives its F07 at the cell and an F14 in the pane's list and on the Prüfbericht sheet.
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import { befundZeile, beispiel, spalteVon } from "./fake-hilfen";

describe("an unreadable cell in the pane's check", () => {
  it("F07 at the cell, F14 for the year rules it leaves open, both in the pane and on the Prüfbericht", async () => {
    const m = beispiel();
    const { zeile, spalte } = spalteVon(m, "Finanzplan", "Landesmittel");
    m.setze("Finanzplan", zeile + 1, spalte, "zweiundvierzigtausend");
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    if (e.art !== "ok") throw new Error(e.meldungen.join("; "));
    const regeln = e.befunde.map((b) => b.regel);
    expect(regeln).toContain("F07");
    const f14 = e.befunde.find((b) => b.regel === "F14")!;
    // The row as Excel numbers it, the row of the cell the finding selects (issue #27: „Finanzplan
    // Zeile 3“ for cell K4).
    expect(f14.meldung).toMatch(
      new RegExp(
        `^F01, F02, F13, M12 für 2019 nicht abschließend prüfbar: Finanzplan Zeile ${zeile + 1} \\(Landesmittel\\) unlesbar`,
      ),
    );
    expect(f14.blatt).toBe("Finanzplan");
    expect(f14.zelle).toMatch(new RegExp(`^[A-Z]+${zeile + 1}$`));
    const bericht = Array.from({ length: 10 }, (_, r) => [
      m.wert("Prüfbericht", befundZeile(m, r + 1), 2),
      m.wert("Prüfbericht", befundZeile(m, r + 1), 3),
    ]);
    expect(
      bericht.some(
        ([regel, meldung]) => regel === "F14" && String(meldung).includes("nicht abschließend prüfbar"),
      ),
    ).toBe(true);
  });
});
