/**
 * K03: the Förderhöchstbetrag the check uses (Parameter sheet) against what the allocation in the same
 * workbook computes for the Kreis. The example: the ministry's 445.785 € (2019, real) in the Parameter
 * sheet; the example's indicators (Mindestsicherung made up) give the Ilm-Kreis 453.863 €.
 */
import { describe, expect, it } from "vitest";
import { createGateway } from "../../addin/src/gateway/gateway";
import { INDIKATOREN_TABELLE, pruefAnfrage } from "../../shared";
import { pruefe } from "../../shared/pruefung/pruefe";
import { validationRequestSchema } from "../../shared/pruefung/schema";
import { beispiel } from "../addin/fake-hilfen";

async function pruefungDesBeispiels(aendere: (m: ReturnType<typeof beispiel>) => void = () => {}) {
  const m = beispiel();
  aendere(m);
  const a = pruefAnfrage((await createGateway(m.api()).leseTabellen()).mappe);
  if (!a.ok) throw new Error(a.meldungen.join("; "));
  return { anfrage: a.anfrage, ergebnis: pruefe(validationRequestSchema.parse(a.anfrage)) };
}

describe("K03 Förderhöchstbetrag against the allocation in the same workbook", () => {
  it("names both amounts and the difference, at the Parameter cell, as a Warnung", async () => {
    const { anfrage, ergebnis } = await pruefungDesBeispiels();
    expect(anfrage.kreis.foerderhoechstbetrag_verteilung_eur).toBe(453863);
    const k03 = ergebnis.befunde.filter((b) => b.regel === "K03");
    expect(k03).toHaveLength(1);
    expect(k03[0]).toMatchObject({
      schwere: "warnung",
      tabelle: "parameter",
      spalte: "foerderhoechstbetrag_eur",
    });
    expect(k03[0]!.meldung).toBe(
      "Förderhöchstbetrag im Parameterblatt 445.785,00 €, die Verteilung in dieser Arbeitsmappe ergibt für Ilm-Kreis 453.863,00 € (8.078,00 € mehr). Geprüft wurde mit 445.785,00 €. Gilt der Betrag des Ministeriums, ihn im Parameterblatt als Förderhöchstbetrag (€) eintragen und erneut prüfen.",
    );
    // The check still measures the plan against the Parameter sheet's amount.
    expect(ergebnis.summen["2019"]!.foerderhoechstbetrag_eur).toBe(445785);
  });

  it("equal amounts: no finding", async () => {
    const { ergebnis } = await pruefungDesBeispiels((m) => m.setze("Parameter", 7, 2, 453863));
    expect(ergebnis.befunde.some((b) => b.regel === "K03")).toBe(false);
  });

  it("a Kreis workbook without indicators (the Kreise's usual case): nothing to compare, no finding", async () => {
    const { anfrage, ergebnis } = await pruefungDesBeispiels((m) => {
      m.tabellen = m.tabellen.filter((t) => t.name !== INDIKATOREN_TABELLE.tabelle);
    });
    expect(anfrage.kreis.foerderhoechstbetrag_verteilung_eur).toBeUndefined();
    expect(ergebnis.befunde.some((b) => b.regel === "K03")).toBe(false);
  });
});
