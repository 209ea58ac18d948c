/**
 * The steps `npm run test:excel` runs inside desktop Excel (addin/src/e2e-lauf.ts), here on the fake
 * example workbook: every step reports what was expected, so a run in Excel that differs is a
 * difference of Excel's, not of the steps.
 */
import { describe, expect, it } from "vitest";
import { endeZuEnde } from "../../addin/src/e2e-lauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import { beispiel } from "./fake-hilfen";

describe("npm run test:excel's steps on the fake", () => {
  it("check, allocate, check again and the seal each give the expected value", async () => {
    const ergebnisse = await endeZuEnde(createGateway(beispiel().api()));
    expect(ergebnisse.map((e) => e.name)).toEqual([
      "Finanzplan prüfen",
      "Förderhöchstbeträge berechnen",
      "erneut prüfen: dieselben Befunde",
      "Prüfsiegel gelesen",
    ]);
    for (const e of ergebnisse) expect(e.wert, e.name).toBe(e.erwartet);
  });
});
