/**
 * The task pane in real Chromium (Debian's, driven by playwright-core), in the browser preview: the
 * same pane on the fake Excel holding the example workbook. Screenshots go to test-artifacts/.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTEFAKTE, oeffne } from "./browser-hilfen";

const vorschau = () => oeffne("?offline");

describe("task pane in Chromium", () => {
  it("Finanzplan prüfen on the Ilm-Kreis example: counts, findings, a click selects the cell", async () => {
    const page = await vorschau();
    await expect.poll(() => page.getByTestId("siegel").innerText()).toContain("kein Siegel");
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect.poll(() => page.getByTestId("zaehler").innerText()).toContain("1 Fehler");
    await expect
      .poll(() => page.getByTestId("siegel").innerText())
      .toMatch(/🔒 Siegel gültig: geprüft mit LSZ-2019 am \d{2}\.\d{2}\.\d{4}, seitdem unverändert/);
    expect(await page.getByTestId("zaehler").innerText()).toMatch(/✖ 1 Fehler\s*⚠ 1 Warnung\s*ℹ 0 Hinweise/);
    expect(await page.getByTestId("quelle").innerText()).toContain("LSZ-2019 (2019.1)");
    expect(await page.getByTestId("ansage").innerText()).toBe(
      "Prüfung abgeschlossen: 1 Fehler, 1 Warnung, 0 Hinweise.",
    );
    const befunde = page.getByTestId("befunde").getByRole("button");
    expect(await befunde.count()).toBe(2);
    expect(await befunde.first().innerText()).toContain("M01 · Maßnahmen!D6");
    // The workbook beside the pane shows what was written: the status of Familienfreizeiten (row 6).
    expect(await page.locator('[data-testid="raster"] td[data-zelle="M6"]').innerText()).toBe("✖ Fehler");
    // The Prüfbericht sheet the check wrote, as the preview shows it.
    await page.getByRole("tab", { name: "Prüfbericht" }).click();
    expect(await page.locator('[data-testid="raster"] td[data-zelle="B2"]').innerText()).toBe("M01");
    expect(await page.locator('[data-testid="raster"] td[data-zelle="E2"]').innerText()).toBe("D6");
    expect(await page.locator('[data-testid="raster"] td[data-zelle="B3"]').innerText()).toBe("M09");
    expect(await page.locator('[data-testid="raster"] td[data-zelle="H5"]').innerText()).toBe("SHA-256");
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

  it("Förderhöchstbeträge berechnen writes 23 amounts adding up to 10.000.000 €", async () => {
    const page = await vorschau();
    await page.getByRole("button", { name: "Förderhöchstbeträge berechnen" }).click();
    await expect
      .poll(() => page.getByTestId("ansage").innerText())
      .toContain("Verteilung abgeschlossen: 10.000.000,00 €");
    await page.getByRole("tab", { name: "Förderhöchstbeträge" }).click();
    expect(await page.locator('[data-testid="raster"] td[data-zelle="B17"]').innerText()).toBe("Ilm-Kreis");
    await page.screenshot({ path: join(ARTEFAKTE, "pane-foerderhoechstbetraege.png") });
    await page.close();
  });
});
