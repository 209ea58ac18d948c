/**
 * The task pane in real Chromium (Debian's, driven by playwright-core), in the browser preview: the
 * same pane on the fake Excel holding the example workbook. Screenshots go to test-artifacts/.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTEFAKTE, oeffne, weitereAktion } from "./browser-hilfen";

const vorschau = () => oeffne("?offline");

/** The DOM members used inside the page (the tests are typed without the DOM library). */
interface Kasten {
  getBoundingClientRect(): { width: number };
}
interface Knoten {
  getAttribute(name: string): string | null;
  querySelector(s: string): { textContent: string | null } | null;
}

describe("task pane in Chromium", () => {
  it("Finanzplan prüfen on the Ilm-Kreis example: counts, findings, a click selects the cell", async () => {
    const page = await vorschau();
    await expect.poll(() => page.getByTestId("siegel").innerText()).toContain("kein Siegel");
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect.poll(() => page.getByTestId("zaehler").innerText()).toContain("1 Fehler");
    await expect
      .poll(() => page.getByTestId("siegel").innerText())
      // Offline: computed here, so the seal is unsigned and says so; the counts are those of the check now.
      .toBe("⚠ nicht signiert (lokal geprüft) – Befunde jetzt: 1 Fehler, 2 Warnungen, 0 Hinweise");
    expect(await page.getByTestId("zaehler").innerText()).toMatch(
      /✖ 1 Fehler\s*⚠ 2 Warnungen\s*ℹ 0 Hinweise/,
    );
    expect(await page.getByTestId("quelle").innerText()).toContain("LSZ-2019 (2019.1)");
    expect(await page.getByTestId("ansage").innerText()).toBe(
      "Prüfung abgeschlossen: 1 Fehler, 2 Warnungen, 0 Hinweise.",
    );
    // The findings' buttons (K03's list item also holds its take-over).
    const befunde = page.getByTestId("befunde").getByRole("button", { name: / · / });
    expect(await befunde.count()).toBe(3);
    expect(await befunde.first().innerText()).toContain("M01 · Maßnahmen!D6");
    // The workbook beside the pane shows what was written: the status of Familienfreizeiten (row 6).
    expect(await page.locator('[data-testid="raster"] td[data-zelle="M6"]').innerText()).toBe("✖ Fehler");
    // The Prüfbericht sheet the check wrote, as the preview shows it.
    await page.getByRole("tab", { name: "Prüfbericht" }).click();
    // The summary page first (title, Kreis, year, counts, seal line, sums per year), then the findings.
    expect(await page.locator('[data-testid="raster"] td[data-zelle="A1"]').innerText()).toBe(
      "Prüfbericht LSZ-Finanzplan",
    );
    const kopf = await page
      .locator('[data-testid="raster"] td[data-zelle^="A"]')
      .evaluateAll((z) =>
        z.findIndex((e) => (e as unknown as { textContent: string }).textContent === "Schwere"),
      );
    const zeile = kopf + 2; // the first finding's sheet row
    expect(await page.locator(`[data-testid="raster"] td[data-zelle="B${zeile}"]`).innerText()).toBe("M01");
    expect(await page.locator(`[data-testid="raster"] td[data-zelle="E${zeile}"]`).innerText()).toBe("D6");
    await page.screenshot({ path: join(ARTEFAKTE, "pruefbericht-zusammenfassung.png") });
    expect(await page.locator(`[data-testid="raster"] td[data-zelle="B${zeile + 1}"]`).innerText()).toBe(
      "M09",
    );
    expect(await page.locator('[data-testid="raster"] td[data-zelle="A8"]').innerText()).toBe("Prüfsiegel");
    expect(await page.locator('[data-testid="raster"] td[data-zelle="B8"]').innerText()).toMatch(
      /^nicht signiert \(lokal geprüft\), vollständig auf dem ausgeblendeten Blatt „LSZ-Siegel“$/,
    );
    await befunde.first().click();
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as { lszVorschau: { auswahl: unknown } }).lszVorschau.auswahl,
        ),
      )
      .toEqual({ blatt: "Maßnahmen", adresse: "D6" });
    expect(await page.getByTestId("ansage").innerText()).toBe("Zelle Maßnahmen!D6 ausgewählt.");
    await page.screenshot({ path: join(ARTEFAKTE, "pane-finanzplan-pruefen.png") });
    await page.close();
  });

  it("shows the Ausschöpfung bar and the 70/30 split, and the Finanzplan chart in the workbook", async () => {
    const page = await vorschau();
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    const aus = page.getByTestId("ausschoepfung");
    await aus.waitFor();
    // The example plan draws its whole Förderhöchstbetrag, at the 70 % limit.
    expect(await aus.innerText()).toContain("Ausschöpfung 2019: 445.785 € von 445.785 € (100 %)");
    expect(await aus.innerText()).toContain(
      "Landesmittel 70 % · Eigenanteil 30 % der Bemessungsgrundlage (Land höchstens 70 %)",
    );
    const balken = aus.getByRole("progressbar");
    expect(await balken.getAttribute("aria-label")).toBe(
      "Ausschöpfung 2019: 445.785 € von 445.785 € (100 %)",
    );
    expect(await balken.getAttribute("aria-valuenow")).toBe("1");
    // The split bar: Landesmittel up to the 70 % mark, then the Eigenanteil.
    const teile = await aus
      .getByTestId("teilung")
      .locator("span")
      .evaluateAll((s) => s.map((e) => Math.round((e as unknown as Kasten).getBoundingClientRect().width)));
    const ganz = teile[0]! + teile[1]!;
    expect(Math.abs(teile[0]! / ganz - 0.7)).toBeLessThan(0.02);
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.locator("main").screenshot({ path: join(ARTEFAKTE, "pane-ausschoepfung.png") });
    // "Diagramm anzeigen" shows the add-in's sheet with the chart, drawn from its source cells.
    await page.getByTestId("diagramm-zeigen").click();
    const diagramme = page.getByTestId("vorschau-diagramm");
    await diagramme.first().waitFor();
    expect(await diagramme.count()).toBe(2);
    // First the year against its two limits (two lines), then the split per Handlungsfeld.
    const jahre = diagramme.nth(0);
    expect(await jahre.getAttribute("data-typ")).toBe("ColumnClustered");
    expect(await jahre.locator("polyline").count()).toBe(2); // Förderhöchstbetrag, 70 % of the base
    expect(await jahre.locator("svg").getAttribute("aria-label")).toBe(
      "Landesmittel je Jahr gegen Förderhöchstbetrag und 70 % der Bemessungsgrundlage (€) (1 Kategorie, 3 Reihen)",
    );
    const hf = diagramme.nth(1);
    expect(await hf.getAttribute("data-typ")).toBe("ColumnStacked");
    expect(await hf.locator("polyline").count()).toBe(0);
    await jahre.screenshot({ path: join(ARTEFAKTE, "vorschau-diagramm-finanzplan-jahre.png") });
    await hf.screenshot({ path: join(ARTEFAKTE, "vorschau-diagramm-finanzplan.png") });
    await page.close();
  });

  it("Förderhöchstbeträge berechnen writes 23 amounts adding up to 10.000.000 €", async () => {
    const page = await vorschau();
    await weitereAktion(page, "Förderhöchstbeträge berechnen");
    await expect
      .poll(() => page.getByTestId("ansage").innerText())
      .toContain("Verteilung abgeschlossen: 10.000.000,00 €");
    await page.getByRole("tab", { name: "Förderhöchstbeträge" }).click();
    expect(await page.locator('[data-testid="raster"] td[data-zelle="B17"]').innerText()).toBe("Ilm-Kreis");
    await page.screenshot({ path: join(ARTEFAKTE, "pane-foerderhoechstbetraege.png") });
    // Both charts on the result sheet: 23 bars of four parts, and the change to last year.
    const diagramme = page.getByTestId("vorschau-diagramm");
    expect(await diagramme.count()).toBe(2);
    expect(await diagramme.nth(0).getAttribute("data-typ")).toBe("BarStacked");
    expect(await diagramme.nth(0).locator("rect:has(title)").count()).toBe(23 * 4);
    expect(await diagramme.nth(1).getAttribute("data-typ")).toBe("BarClustered");
    expect(await diagramme.nth(1).locator("rect:has(title)").count()).toBe(23);
    // The largest amount is the top bar (the category axis is reversed, as in Excel).
    const oben = await diagramme
      .nth(0)
      .locator("rect:has(title)")
      .evaluateAll((r) =>
        r.map((e) => {
          const k = e as unknown as Knoten;
          return [k.getAttribute("y"), k.querySelector("title")!.textContent];
        }),
      );
    const erster = oben.sort((a, b) => Number(a[0]) - Number(b[0]))[0]![1]!;
    expect(erster.split(" · ")[0]).toBe(await page.locator('td[data-zelle="U3"]').innerText());
    await diagramme
      .nth(0)
      .screenshot({ path: join(ARTEFAKTE, "vorschau-diagramm-foerderhoechstbetraege.png") });
    await diagramme.nth(1).screenshot({ path: join(ARTEFAKTE, "vorschau-diagramm-veraenderung.png") });
    await page.close();
  });
});
