/**
 * One slip, one story, in the pane (issue #27: „One Landesmittel cell typed 99.999 instead of 9.000
 * gives F01, F02, F04 and F05 with three different amounts to cut … the row's own finding comes
 * third; the year findings point at the output sheet“). In the preview, the slip typed into
 * the example workbook: the row's own finding first, on the typed cell; the findings that follow
 * from it right below, indented under it, each selecting the same cell.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTEFAKTE, oeffne } from "./browser-hilfen";

interface Vorschau {
  lszVorschau: { nutzerAendert(blatt: string, zeile: number, spalte: number, wert: number): Promise<void> };
}

describe("a slip in the pane", () => {
  it("Landesmittel 99.999 for 9.000 in Finanzplan row 3: F04 first, then F01, F02, F05 under it, all at K3", async () => {
    const page = await oeffne("?offline");
    // Column 11 is Landesmittel (K); row 3 is Maßnahme 1.2, whose Landesmittel are 9.000 €.
    await page.evaluate(() =>
      (globalThis as unknown as Vorschau).lszVorschau.nutzerAendert("Finanzplan", 3, 11, 99999),
    );
    await page.getByRole("button", { name: "Finanzplan prüfen" }).click();
    const eintraege = page.getByTestId("befunde").locator("li");
    await expect.poll(() => eintraege.count()).toBeGreaterThan(4);
    const texte = await eintraege.allInnerTexts();
    const folge = await eintraege.evaluateAll((l) =>
      l.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute("data-folge")),
    );
    expect(texte.slice(0, 4).map((t) => /· (F\d\d) · ([^\n]+)/.exec(t)?.slice(1))).toEqual([
      ["F04", "Finanzplan!K3"],
      ["F01", "Finanzplan!K3"],
      ["F02", "Finanzplan!K3"],
      ["F05", "Finanzplan!K3"],
    ]);
    expect(folge.slice(0, 5)).toEqual([null, "true", "true", "true", null]);
    expect(texte[0]).toContain(
      "So beheben: in Finanzplan Zeile 3 Landesmittel von 99.999,00 € auf 9.000,00 € ändern",
    );
    for (const t of texte.slice(1, 4)) expect(t).toContain("Folgt aus Finanzplan Zeile 3");
    await eintraege.nth(3).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTEFAKTE, "ein-vertipper.png") });
  });
});
