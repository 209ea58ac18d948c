/**
 * The finance officer's day in the pane (Chromium, browser preview on the fake Excel): check the plan,
 * compute the Förderhöchstbeträge in the same workbook, edit a cell, look. The pane always says which
 * result it shows, never "alles in Ordnung" beside an open Fehler, and the seal follows the edit at
 * once (Excel's onChanged events), naming the row as Excel numbers it.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTEFAKTE, oeffne, weitereAktion } from "./browser-hilfen";

interface Vorschau {
  lszVorschau: { nutzerAendert(blatt: string, zeile: number, spalte: number, wert: unknown): Promise<void> };
}

describe("check → allocate → edit → look", () => {
  it("never 'alles in Ordnung' with a Fehler open; the seal goes stale at the edit, naming Excel's row", async () => {
    const page = await oeffne("?offline");
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect.poll(() => page.getByTestId("zaehler").innerText()).toContain("1 Fehler");
    expect(await page.getByTestId("ergebnis-vom").innerText()).toMatch(
      /^Ergebnis der Prüfung vom \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr$/,
    );

    await weitereAktion(page, "Förderhöchstbeträge berechnen");
    await expect
      .poll(() => page.getByTestId("ergebnis-vom").innerText())
      .toMatch(/^Ergebnis der Verteilung vom/);
    expect(await page.locator("main").innerText()).not.toContain("alles in Ordnung");
    expect(await page.getByTestId("siegel").innerText()).toMatch(/– Befunde jetzt: 1 Fehler, 2 Warnungen/);

    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect
      .poll(() => page.getByTestId("ergebnis-vom").innerText())
      .toMatch(/^Ergebnis der Prüfung vom/);
    // The user changes the Landesmittel of the Finanzplan's row 6 (Excel's row number) in Excel.
    await page.evaluate(() =>
      (globalThis as unknown as Vorschau).lszVorschau.nutzerAendert("Finanzplan", 6, 11, 12345),
    );
    // In the officer's own pane the edit is theirs: said neutrally, never „verfälscht“ (issue 26).
    await expect
      .poll(() => page.getByTestId("siegel").innerText())
      .toContain("⚠ Finanzplan!K6 seit der Prüfung geändert – bitte neu prüfen");
    expect(await page.getByTestId("siegel").innerText()).not.toContain("verfälscht");
    // The plan's memory: the changed cell with its value at the check and now.
    expect(await page.getByTestId("siegel-aenderungen").innerText()).toMatch(
      /^Änderungen seit der Prüfung vom \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr\s+Finanzplan!K6: [\d.]+,\d{2}\s€ → 12\.345,00\s€$/,
    );
    expect(await page.getByTestId("veraltet").innerText()).toContain("das Ergebnis gilt nicht mehr");
    await page.screenshot({ path: join(ARTEFAKTE, "pane-live-siegel.png") });
    await page.close();
  }, 60_000);

  it("an edit while the check writes marks its result possibly stale; the seal line then names the cell", async () => {
    const page = await oeffne("?offline");
    // The user types into K6 while the add-in writes (issue 26: between the look and the end of the write).
    await page.evaluate(() => {
      const m = (
        globalThis as unknown as {
          lszVorschau: Vorschau["lszVorschau"] & { schreibStoerung: (() => null) | null };
        }
      ).lszVorschau;
      let einmal = true;
      m.schreibStoerung = () => {
        if (einmal) {
          einmal = false;
          void m.nutzerAendert("Finanzplan", 6, 11, 12345);
        }
        return null;
      };
    });
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect
      .poll(() => page.getByTestId("siegel-waehrend").innerText())
      .toBe(
        "⚠ Während das Ergebnis entstand, geändert: Finanzplan!K6 – es ist möglicherweise veraltet. Bitte erneut starten.",
      );
    await expect
      .poll(() => page.getByTestId("siegel").innerText())
      .toContain("⚠ Finanzplan!K6 seit der Prüfung geändert – bitte neu prüfen");
    await page.close();
  }, 60_000);

  it("K03: the ministry's Förderhöchstbetrag taken over into the Parameter cell on a click, and undone", async () => {
    const page = await oeffne("?offline");
    const zelle = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as { lszVorschau: { wert(b: string, z: number, s: number): unknown } }
        ).lszVorschau.wert("Parameter", 7, 2),
      );
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect.poll(() => page.getByTestId("zaehler").innerText()).toContain("2 Warnungen");
    expect(await page.getByTestId("befunde").innerText()).toContain("K03 · Parameter!B7");
    expect(await zelle()).toBe(445785);
    await page.getByRole("button", { name: "Betrag des Ministeriums übernehmen (453.863,00 €)" }).click();
    await expect.poll(zelle).toBe(453863);
    expect(await page.getByTestId("uebernahme").innerText()).toContain(
      "Förderhöchstbetrag in Parameter!B7 von 445.785,00 € auf 453.863,00 € geändert – bitte erneut prüfen.",
    );
    await expect
      .poll(() => page.getByTestId("siegel").innerText())
      .toContain("⚠ Parameter!B7 seit der Prüfung geändert");
    await page.getByRole("button", { name: "Rückgängig" }).click();
    await expect.poll(zelle).toBe(445785);
    await page.getByRole("button", { name: "Jetzt neu prüfen" }).first().click();
    await expect
      .poll(() => page.getByTestId("siegel").innerText())
      .toMatch(/^⚠ nicht signiert \(lokal geprüft\)/);
    await page.close();
  }, 60_000);

  it("every finding says what to do and links to its rule in „Welche Regeln gelten?“", async () => {
    const page = await oeffne("?offline");
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect.poll(() => page.getByTestId("zaehler").innerText()).toContain("1 Fehler");
    const erster = page.getByTestId("befunde").getByRole("button").first();
    expect(await erster.innerText()).toContain("So beheben: Das Pflichtfeld ausfüllen");
    expect(await page.getByTestId("regeln").getAttribute("open")).toBeNull();
    await page.getByRole("link", { name: "Regel M01 erklären" }).click();
    expect(await page.getByTestId("regeln").getAttribute("open")).not.toBeNull();
    const regel = page.locator("#regel-M01");
    expect(await regel.isVisible()).toBe(true);
    expect(await regel.innerText()).toContain("M01 · Fehler ·");
    expect(await page.locator("#regel-F01").innerText()).toContain(
      "Wortlaut: „Abzüglich der Drittmittel finanziert das Land über die Richtlinie bis zu 70 Prozent",
    );
    await page.screenshot({ path: join(ARTEFAKTE, "pane-regelliste.png") });
    await page.close();
  }, 60_000);
});
