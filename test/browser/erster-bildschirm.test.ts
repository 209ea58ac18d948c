/**
 * The pane's first screen after a check (issue #27, measured by a Kreis officer in the preview at
 * 350 px and on a 1366×700 laptop): the counts and the first finding in view without scrolling, the
 * ministry's allocation folded under „Weitere Aktionen“ in a Kreis's workbook, K03's take-over beside
 * its finding and explained, no „€“ alone on a line, every count named by its action. Also the
 * preview's workbook as a German Excel shows it and its charts whole. Screenshots of each state go to
 * test-artifacts/, axe runs on each.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTEFAKTE, oeffne, pruefeAxe, weitereAktion } from "./browser-hilfen";

/** A 1366×700 laptop (Excel's pane beside the grid), and a task pane of 350 and of 320 px. */
const ANSICHTEN = [
  { name: "laptop-1366x700", width: 1366, height: 700 },
  { name: "pane-350", width: 350, height: 700 },
  { name: "pane-320", width: 320, height: 700 },
] as const;

/** Whether the element lies wholly inside the viewport as the page opened (no scrolling). */
async function imBild(page: Page, testId: string, nr = 0) {
  const kasten = await page.getByTestId(testId).nth(nr).boundingBox();
  const ansicht = page.viewportSize()!;
  expect(kasten, testId).not.toBeNull();
  return (
    kasten!.y >= 0 &&
    kasten!.x >= 0 &&
    kasten!.y + kasten!.height <= ansicht.height &&
    kasten!.x + kasten!.width <= ansicht.width
  );
}

/** The page scrolls sideways (the pane does not fit its width). */
const seitlich = (page: Page) =>
  page.evaluate(
    "document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth + 1",
  ) as Promise<boolean>;

/**
 * The texts of every button in the pane that has a line holding nothing but „€“ (with its bracket):
 * each character's line box, grouped by its top.
 */
const EINSAMER_EURO = `[...document.querySelectorAll("main button")].filter((b) => {
  const zeilen = new Map();
  const gang = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
  for (let n = gang.nextNode(); n; n = gang.nextNode())
    for (let i = 0; i < n.data.length; i++) {
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      const k = r.getClientRects()[0];
      if (!k) continue;
      const oben = Math.round(k.top);
      zeilen.set(oben, (zeilen.get(oben) ?? "") + n.data[i]);
    }
  return [...zeilen.values()].some((z) => /^[\\s()]*€[\\s()]*$/.test(z));
}).map((b) => b.textContent)`;

async function pruefe(page: Page) {
  await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
  await page.getByTestId("befunde").waitFor();
}

describe("the pane's first screen after a check", () => {
  for (const a of ANSICHTEN)
    it(`${a.name}: counts and first finding in view, the ministry's action folded, K03 beside its finding`, async () => {
      const page = await oeffne("?offline", a);
      await pruefe(page);
      expect(await imBild(page, "zaehler")).toBe(true);
      // The first finding: its button (what, where) and what to do.
      const erster = await page.getByTestId("befunde").getByRole("listitem").first().boundingBox();
      expect(erster!.y + erster!.height).toBeLessThanOrEqual(a.height);
      expect(await seitlich(page)).toBe(false);
      // The example workbook is a Kreis plan beside the indicators: the allocation is not a big button.
      const verteilen = page.getByRole("button", { name: "Förderhöchstbeträge berechnen" });
      expect(await verteilen.isVisible()).toBe(false);
      expect(await page.getByTestId("weitere-aktionen").getAttribute("open")).toBeNull();
      expect(await page.getByTestId("aktionen").getByRole("button").first().innerText()).toBe(
        "Finanzplan prüfen",
      );
      // K03's take-over in the K03 finding's own list item, with the one sentence of what it does.
      const k03 = page.getByTestId("befunde").getByRole("listitem").filter({ hasText: "K03 · Parameter!B7" });
      const knopf = k03.getByRole("button", { name: "Betrag des Ministeriums übernehmen (453.863,00 €)" });
      expect(await knopf.count()).toBe(1);
      const satz = await k03.getByTestId("uebernahme-erklaert").innerText();
      expect(satz).toBe(
        "Der Knopf trägt den Förderhöchstbetrag aus der Verteilung in dieser Arbeitsmappe (453.863,00 €) in Parameter!B7 ein, wo jetzt 445.785,00 € steht; „Rückgängig“ stellt 445.785,00 € wieder her.",
      );
      expect(satz.split(/[.!?](?:\s|$)/).filter((x) => x.trim()).length).toBe(1);
      expect(await knopf.getAttribute("aria-describedby")).toBe(
        await k03.getByTestId("uebernahme-erklaert").getAttribute("id"),
      );
      // No „€“ alone on a line in any button, however narrow the pane.
      expect(await page.evaluate(EINSAMER_EURO)).toEqual([]);
      // The result's heading names its action; so do the counts and the findings' heading.
      expect(await page.getByRole("heading", { level: 2, name: /^Ergebnis der Prüfung vom/ }).count()).toBe(
        1,
      );
      expect(await page.getByTestId("zaehler-titel").innerText()).toBe("Befunde dieser Prüfung:");
      expect(await page.getByRole("heading", { name: "Befunde der Prüfung" }).count()).toBe(1);
      await page.screenshot({ path: join(ARTEFAKTE, `erster-bildschirm-${a.name}.png`) });
      await pruefeAxe(page, `erster Bildschirm ${a.name}`);
      await page.close();
    }, 60_000);

  it("a Kreis's own workbook: the check alone as primary; the allocation folded with its sentence", async () => {
    const page = await oeffne("?offline&rolle=kreis", ANSICHTEN[1]);
    await expect.poll(() => page.getByTestId("rolle").innerText()).toContain("Finanzplan eines Kreises");
    const knoepfe = page.getByTestId("aktionen").getByRole("button");
    expect(await knoepfe.first().innerText()).toBe("Finanzplan prüfen");
    expect(await page.getByRole("button", { name: "Förderhöchstbeträge berechnen" }).isVisible()).toBe(false);
    await page.getByText("Weitere Aktionen", { exact: true }).click();
    const verteilen = page.getByRole("button", { name: "Förderhöchstbeträge berechnen" });
    expect(await verteilen.isVisible()).toBe(true);
    expect(await verteilen.getAttribute("class")).not.toContain("primary");
    expect(await page.getByTestId("weitere-aktionen").innerText()).toContain(
      "Aufgabe des Ministeriums: berechnet aus der Indikatorentabelle die Förderhöchstbeträge aller Kreise",
    );
    await page.screenshot({ path: join(ARTEFAKTE, "erster-bildschirm-kreis-weitere-aktionen.png") });
    await pruefeAxe(page, "Kreis, Weitere Aktionen offen");
    await page.close();

    // The ministry's workbook the other way round: the allocation primary, the check folded.
    const ministerium = await oeffne("?offline&rolle=ministerium", ANSICHTEN[1]);
    await expect
      .poll(() => ministerium.getByTestId("aktionen").getByRole("button").first().innerText())
      .toBe("Förderhöchstbeträge berechnen");
    await ministerium.close();
  }, 60_000);

  it("after an allocation and after an edit: the seal's counts and the result's each say what they count", async () => {
    const page = await oeffne("?offline", ANSICHTEN[0]);
    await pruefe(page);
    await weitereAktion(page, "Förderhöchstbeträge berechnen");
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: /^Ergebnis der Verteilung vom/ }).count())
      .toBe(1);
    // The fold closed again as the allocation started: its result is on the first screen.
    expect(await page.getByTestId("weitere-aktionen").getAttribute("open")).toBeNull();
    expect(await imBild(page, "zaehler")).toBe(true);
    // The seal (the workbook now: 1 Fehler) under its heading; the allocation's „0 Fehler“ under its own.
    const siegel = page.getByRole("region", { name: "Prüfsiegel der Arbeitsmappe (Stand jetzt)" });
    expect(await siegel.innerText()).toContain("Befunde jetzt: 1 Fehler");
    expect(await page.getByTestId("zaehler-titel").innerText()).toBe(
      "Befunde der Verteilung (nur Indikatorentabelle, nicht der Finanzplan):",
    );
    expect(await page.getByRole("group", { name: /^Befunde der Verteilung/ }).innerText()).toContain(
      "0 Fehler",
    );
    expect(await page.getByRole("heading", { name: "Befunde der Verteilung" }).count()).toBe(1);
    await page.screenshot({ path: join(ARTEFAKTE, "erster-bildschirm-nach-verteilung.png") });
    await pruefeAxe(page, "nach der Verteilung");

    // A check, then the officer's own edit: the seal counts now, the stale result says it counted then.
    await pruefe(page);
    await page.evaluate(
      "lszVorschau.nutzerAendert('Maßnahmen', 3, 4, null).then(() => lszVorschau.nutzerAendert('Maßnahmen', 4, 4, null))",
    );
    await expect.poll(() => page.getByTestId("veraltet").count()).toBe(1);
    expect(await page.getByTestId("zaehler-titel").innerText()).toBe(
      "Befunde bei dieser Prüfung (vor der Änderung):",
    );
    expect(await page.getByTestId("siegel-bereich").innerText()).toMatch(
      /^Prüfsiegel der Arbeitsmappe \(Stand jetzt\)\s/,
    );
    await page.screenshot({ path: join(ARTEFAKTE, "erster-bildschirm-nach-aenderung.png") });
    await pruefeAxe(page, "nach einer Änderung");
    await page.close();
  }, 60_000);
});

/** The text and the computed background of a preview grid cell. */
async function zelle(page: Page, adresse: string) {
  const td = page.locator(`[data-testid="raster"] td[data-zelle="${adresse}"]`);
  return {
    text: await td.innerText(),
    farbe: await td.evaluate(
      (e) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
        ).getComputedStyle(e).backgroundColor,
    ),
  };
}

describe("the preview's workbook as a German Excel shows it", () => {
  it("values through their number format, the grey output columns grey and in view", async () => {
    const page = await oeffne("?offline", ANSICHTEN[0]);
    const links = () =>
      page.getByTestId("mappe").evaluate((e) => (e as unknown as { scrollLeft: number }).scrollLeft);
    // Before a check the grey columns are empty: the grid stays at column A.
    expect(await links()).toBe(0);
    await pruefe(page);
    await page.getByRole("tab", { name: "Finanzplan", exact: true }).click();
    expect(await links()).toBeGreaterThan(0);
    // Finanzplan row 2: the share the check computed, under "0.0%" (German Excel: „70,0%“), grey.
    const kopf = await page
      .locator('[data-testid="raster"] td')
      .filter({ hasText: /^Landesquote \(berechnet\)$/ });
    const spalte = ((await kopf.getAttribute("data-zelle")) ?? "").replace(/\d+$/, "");
    expect(await zelle(page, `${spalte}2`)).toEqual({ text: "70,0%", farbe: "rgb(237, 237, 237)" });
    // An input amount under '#,##0.00 "€"', not grey.
    expect(await zelle(page, "C2")).toEqual({ text: "60.000,00 €", farbe: "rgba(0, 0, 0, 0)" });
    // The grey columns are scrolled into view in the grid beside the pane.
    const rahmen = (await page.getByTestId("mappe").boundingBox())!;
    const k = (await kopf.boundingBox())!;
    expect(k.x).toBeGreaterThanOrEqual(rahmen.x);
    expect(k.x + k.width).toBeLessThanOrEqual(rahmen.x + rahmen.width);
    await page.screenshot({ path: join(ARTEFAKTE, "vorschau-raster-finanzplan.png") });
    // Parameter: the Fachplan's date as a German date, the Förderhöchstbetrag in euros.
    await page.getByRole("tab", { name: "Parameter", exact: true }).click();
    const texte = await page.locator('[data-testid="raster"] td[data-zelle^="B"]').allInnerTexts();
    expect(texte).toContain("15.11.2018");
    expect(texte).toContain("445.785,00 €");
    expect(texte.join(" ")).not.toMatch(/\d{4}-\d{2}-\d{2}|0\.\d{6}/);
    await page.close();
  }, 60_000);

  for (const a of [ANSICHTEN[0], ANSICHTEN[1]])
    it(`${a.name}: the chart titles whole, both limit lines visible, distinct and named`, async () => {
      const page = await oeffne("?offline", a);
      await pruefe(page);
      await page.getByTestId("diagramm-zeigen").click();
      const jahre = page.getByTestId("vorschau-diagramm").first();
      await jahre.waitFor();
      const titel = jahre.locator("figcaption");
      expect(await titel.innerText()).toBe(
        "Landesmittel je Jahr gegen Förderhöchstbetrag und 70 % der Bemessungsgrundlage (€)",
      );
      const [breit, sichtbar] = (await titel.evaluate((e) => {
        const x = e as unknown as { scrollWidth: number; clientWidth: number };
        return [x.scrollWidth, x.clientWidth];
      })) as [number, number];
      expect(breit).toBeLessThanOrEqual(sichtbar);
      // Both limits, the same amount in the example: drawn distinct (width, dash), each named at its end.
      const linien = await jahre.locator("[data-linie]").evaluateAll((gs) =>
        gs.map((g) => {
          const e = g as unknown as {
            getAttribute(n: string): string | null;
            querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null };
          };
          const p = e.querySelector("polyline");
          return {
            name: e.getAttribute("data-linie"),
            text: e.querySelector("text").textContent,
            breite: Number(p.getAttribute("stroke-width")),
            strich: p.getAttribute("stroke-dasharray"),
          };
        }),
      );
      expect(linien.map((l) => [l.name, l.text])).toEqual([
        ["Förderhöchstbetrag", "Förderhöchstbetrag"],
        ["70 % der Bemessungsgrundlage", "70 % der Bemessungsgrundlage"],
      ]);
      // The later line, dashed and narrower, lies on the earlier: both show where they coincide.
      expect(linien[0]!.breite).toBeGreaterThan(linien[1]!.breite);
      expect(linien[0]!.strich).toBeNull();
      expect(linien[1]!.strich).not.toBeNull();
      await jahre.screenshot({ path: join(ARTEFAKTE, `vorschau-diagramm-grenzen-${a.name}.png`) });
      await page.close();
    }, 60_000);
});
