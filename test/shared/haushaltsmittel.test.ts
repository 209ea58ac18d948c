/**
 * Haushaltsmittel from the Parameter sheet go through the one euro reader: whole euros in German
 * form are read, more than two decimals or text with a decimal point are said, never rounded.
 */
import { describe, expect, it } from "vitest";
import { verteilAnfrage } from "../../shared";
import { createGateway } from "../../addin/src/gateway/gateway";
import { beispiel } from "../addin/fake-hilfen";

async function mitHaushaltsmitteln(wert: string | number) {
  const m = beispiel();
  const p = m.tabellen.find((t) => t.blatt === "Parameter")!;
  for (let z = p.zeile + 1; z <= p.zeile + p.zeilen; z++)
    if (m.wert("Parameter", z, p.spalte) === "Haushaltsmittel (€)")
      m.setze("Parameter", z, p.spalte + 1, wert);
  return verteilAnfrage((await createGateway(m.api()).leseTabellen()).mappe);
}

describe("Haushaltsmittel from the workbook", () => {
  it("„10.000.000,- €“ is 10 Mio €", async () => {
    const a = await mitHaushaltsmitteln("10.000.000,- €");
    expect(a.ok && a.anfrage.haushaltsmittel_eur).toBe(10_000_000);
  });
  it("10.000.000,001 and „1.50“ are said, not rounded", async () => {
    const drei = await mitHaushaltsmitteln(10_000_000.001);
    expect(drei.ok).toBe(false);
    expect(!drei.ok && drei.meldungen[0]).toContain("mehr als zwei Nachkommastellen");
    const punkt = await mitHaushaltsmitteln("1.50");
    expect(!punkt.ok && punkt.meldungen[0]).toContain("mehrdeutig");
  });
});
