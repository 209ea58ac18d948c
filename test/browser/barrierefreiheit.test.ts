/**
 * BITV 2.0 / EN 301 549 (WCAG 2.1 A/AA) for the task pane, in Debian's Chromium: axe-core over every
 * state of the pane, a keyboard-only walk, forced colours and 200 % zoom in a narrow pane.
 * Screenshots go to test-artifacts/.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTEFAKTE, oeffne, pruefeAxe, weitereAktion } from "./browser-hilfen";

describe("Barrierefreiheit of the task pane", () => {
  it("axe: 0 WCAG 2.1 A/AA violations at start, running, results, error and offline", async () => {
    const start = await oeffne("?offline");
    await pruefeAxe(start, "Start");
    await start.close();

    const laufend = await oeffne("?verzoegerung=4000");
    await laufend.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await laufend.getByRole("progressbar").waitFor();
    await pruefeAxe(laufend, "läuft");
    await laufend.close();

    const ergebnis = await oeffne("?offline");
    await ergebnis.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await ergebnis.getByTestId("befunde").waitFor();
    await pruefeAxe(ergebnis, "Ergebnis (offline)");
    await weitereAktion(ergebnis, "Förderhöchstbeträge berechnen");
    await expect.poll(() => ergebnis.getByTestId("ansage").innerText()).toContain("Verteilung abgeschlossen");
    await pruefeAxe(ergebnis, "Verteilung");
    await ergebnis.close();

    const fehler = await oeffne("?offline&leer");
    await fehler.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await expect
      .poll(() => fehler.getByTestId("ansage").innerText())
      .toBe("Der Finanzplan kann nicht geprüft werden");
    await pruefeAxe(fehler, "Fehler");
    await fehler.close();

    const dunkel = await oeffne("?offline&dunkel");
    await dunkel.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await dunkel.getByTestId("befunde").waitFor();
    await pruefeAxe(dunkel, "dunkles Thema");
    await dunkel.screenshot({ path: join(ARTEFAKTE, "pane-dunkel.png") });
    await dunkel.close();
  });

  it("keyboard only: Tab to the action, Enter runs the check, arrow keys walk the findings, Enter selects the cell", async () => {
    const page = await oeffne("?offline");
    // The focused element's text, when it is a button (the page body contains every text).
    const fokus = () =>
      page.evaluate(() => {
        const el = (
          globalThis as unknown as {
            document: { activeElement: { tagName: string; textContent: string } | null };
          }
        ).document.activeElement;
        return el?.tagName === "BUTTON" ? el.textContent.trim() : "";
      });
    for (let i = 0; i < 10 && (await fokus()) !== "Finanzplan prüfen"; i++) await page.keyboard.press("Tab");
    expect(await fokus()).toBe("Finanzplan prüfen");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByTestId("ansage").innerText())
      .toBe("Prüfung abgeschlossen: 1 Fehler, 2 Warnungen, 0 Hinweise.");
    for (let i = 0; i < 10 && !(await fokus()).includes("M01"); i++) await page.keyboard.press("Tab");
    expect(await fokus()).toContain("M01 · Maßnahmen!D6");
    await page.keyboard.press("ArrowDown");
    expect(await fokus()).toContain("M09 · Maßnahmen!B9");
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as { lszVorschau: { auswahl: unknown } }).lszVorschau.auswahl,
        ),
      )
      .toEqual({ blatt: "Maßnahmen", adresse: "B9" });
    expect(await page.getByTestId("ansage").innerText()).toBe("Zelle Maßnahmen!B9 ausgewählt.");
    // The focus is visible: Fluent draws an outline on the focused button.
    const umriss = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { activeElement: Element | null };
        getComputedStyle(e: Element, p?: string): { outlineStyle: string; borderColor: string };
      };
      const el = g.document.activeElement!;
      return [g.getComputedStyle(el).outlineStyle, g.getComputedStyle(el, "::after").borderColor];
    });
    expect(umriss.join(" ")).not.toBe("none ");
    await page.close();
  });

  it("forced colours (Windows high contrast) and 200 % zoom in a narrow pane", async () => {
    const page = await oeffne("?offline", { width: 640, height: 900, zoom: 2 });
    await page.emulateMedia({ forcedColors: "active" });
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    await page.getByTestId("befunde").waitFor();
    await pruefeAxe(page, "hoher Kontrast, 200 %");
    // At 200 % in a 320-px pane nothing scrolls sideways: the pane reflows.
    const breite = await page.evaluate(() => {
      const main = (
        globalThis as unknown as {
          document: { querySelector(s: string): { scrollWidth: number; clientWidth: number } | null };
        }
      ).document.querySelector("main")!;
      return [main.scrollWidth, main.clientWidth];
    });
    expect(breite[0]).toBeLessThanOrEqual(breite[1]! + 1);
    await page.screenshot({ path: join(ARTEFAKTE, "pane-hoher-kontrast-200-prozent.png") });
    // The 70/30 split stays visible in forced colours: its segments take system colours of their own.
    const farben = await page
      .getByTestId("teilung")
      .locator("span")
      .evaluateAll((s) =>
        s.map(
          (e) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
            ).getComputedStyle(e).backgroundColor,
        ),
      );
    expect(farben).toHaveLength(3);
    expect(new Set(farben.slice(0, 2)).size).toBe(2);
    expect(farben.slice(0, 2)).not.toContain("rgba(0, 0, 0, 0)");
    await page
      .getByTestId("ausschoepfung")
      .screenshot({ path: join(ARTEFAKTE, "pane-ausschoepfung-hoher-kontrast.png") });
    await page.close();
  });
});
