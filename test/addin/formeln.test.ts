/**
 * Never a formula from user text: a region named like a formula goes into the allocation's table and
 * its chart block as text (the fake fails a write that Excel would turn into a formula), and the
 * Prüfbericht's links survive sheet names with either quote.
 */
import { describe, expect, it } from "vitest";
import { foerderhoechstbetraegeBerechnen } from "../../addin/src/ablauf";
import { createGateway, hyperlinkFormel } from "../../addin/src/gateway/gateway";
import { beispiel, spalteVon } from "./fake-hilfen";

describe("user text never becomes a formula", () => {
  it("a Kreis named '=HYPERLINK(…)' stays text in the Förderhöchstbeträge table and in the chart block", async () => {
    const m = beispiel();
    const { zeile, spalte } = spalteVon(m, "Indikatoren", "Name");
    const boese = '=HYPERLINK("http://example.invalid","klick")';
    m.setze("Indikatoren", zeile + 1, spalte, boese);
    const e = await foerderhoechstbetraegeBerechnen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art).toBe("ok");
    const blatt = m.abbild()["Förderhöchstbeträge"]!;
    const mitName = Object.values(blatt).filter((v) => v === boese);
    expect(mitName.length).toBeGreaterThanOrEqual(2); // the table and the chart's data block
  });

  it("HYPERLINK targets escape both quote kinds", () => {
    expect(hyperlinkFormel("Finanzplan", "K5")).toBe(`=HYPERLINK("#'Finanzplan'!K5","K5")`);
    expect(hyperlinkFormel("Kreis's Plan", "A1")).toBe(`=HYPERLINK("#'Kreis''s Plan'!A1","A1")`);
    expect(hyperlinkFormel('Finanz"plan', "A1")).toBe(`=HYPERLINK("#'Finanz""plan'!A1","A1")`);
  });
});
