import { describe, expect, it } from "vitest";
import { pruefe, validationRequestSchema } from "../../../shared";
import { ERFUNDENE_LANDESMITTEL, ilmAnfrage } from "../../hilfen/ilm";

describe("the Ilm-Kreis plan 2019 (real measures, made-up Finanzplan)", () => {
  const ergebnis = pruefe(validationRequestSchema.parse(ilmAnfrage()));

  it("the made-up Landesmittel use the Förderhöchstbetrag exactly", () => {
    expect(Object.values(ERFUNDENE_LANDESMITTEL).reduce((a, b) => a + b, 0)).toBe(445785);
  });

  it("gives exactly the findings its real quirks imply", () => {
    expect(
      ergebnis.befunde.map((b) => `${b.regel} ${b.schwere} ${b.tabelle}:${b.zeile}:${b.spalte}`),
    ).toEqual([
      // Familienfreizeiten (3.1): the plan states no Art
      "M01 fehler massnahmen:5:art",
      // Frauen- und Familienzentren in HF 3 (3.2) and HF 4 (4.2)
      "M09 warnung massnahmen:8:titel",
    ]);
    expect(ergebnis.befunde[0]!.meldung).toBe(
      "Maßnahme 3.1: Pflichtfeld Art ist leer (Bestandssicherung, Ausbau, neu, Bestandssicherung + Ausbau).",
    );
    expect(ergebnis.befunde[1]!.meldung).toBe(
      "Maßnahme 4.2 „Frauen- und Familienzentren“ (HF 4) hat denselben Titel wie Maßnahme 3.2 (HF 3): mögliche Doppelförderung.",
    );
  });

  it("HF 5 without a measure but with a reason gives no M10; without the reason it is a Fehler in Stufe 3", () => {
    expect(ergebnis.befunde.some((b) => b.regel === "M10")).toBe(false);
    const ohne = pruefe(
      validationRequestSchema.parse({ ...ilmAnfrage(), handlungsfelder_ohne_massnahme: [] }),
    );
    expect(ohne.befunde.filter((b) => b.regel === "M10")).toEqual([
      expect.objectContaining({
        schwere: "fehler",
        meldung:
          "Handlungsfeld 5 (Wohnumfeld und Lebensqualität) hat keine Maßnahme und keine Begründung; in Förderstufe 3 muss jedes Handlungsfeld geprüft sein. So beheben: eine Maßnahme eintragen oder auf dem Blatt „Parameter“ unter „Handlungsfeld ohne Maßnahme“ „5 – Wohnumfeld und Lebensqualität“ wählen und unter „Begründung“ eintragen, warum das Feld ohne Maßnahme bleibt.",
        // Where that is typed: the Begründungen table's first row (the request sent none).
        tabelle: "parameter",
        zeile: 1,
        spalte: "begruendungen.handlungsfeld",
      }),
    ]);
  });

  it("reads the plan's own words for Beginn", () => {
    const beginn = ergebnis.zeilen.massnahmen.map((m) => `${m.nr}:${m.beginn}`);
    expect(beginn).toEqual([
      "1.1:2019-02-01",
      "1.2:2019-04-01",
      "1.3:2019-04-01",
      "2.1:2019-09-01",
      "3.1:2019-03-01",
      "3.2:fortlaufend",
      "4.1:fortlaufend",
      "4.2:fortlaufend",
      "4.3:2019-07-01",
      "4.4:2019-09-01",
      "4.5:2019-07-01",
      "6.1:fortlaufend",
      "6.2:fortlaufend",
      "6.3:fortlaufend",
      "6.4:2019-07-01",
    ]);
  });

  it("sums the year: Landesmittel = Förderhöchstbetrag, ≤ 70 %, ≥ 30 %", () => {
    const s = ergebnis.summen["2019"]!;
    expect(s.landesmittel_eur).toBe(445785);
    expect(s.landesquote!).toBeLessThanOrEqual(0.7);
    expect(s.eigenanteilsquote!).toBeGreaterThanOrEqual(0.3);
    expect(s.nicht_ausgeschoepft_eur).toBe(0);
    // 445.785 € ÷ 70 % rounded up: 70 % of 636.835,71 € would allow only 445.784,99 €.
    expect(s.benoetigte_bemessungsgrundlage_eur).toBe(636835.72);
    expect(ergebnis.zeilen.finanzplan.every((z) => z.status === "ok")).toBe(true);
    expect(ergebnis.zeilen.massnahmen.map((m) => m.status).filter((s) => s !== "ok")).toEqual([
      "fehler",
      "warnung",
    ]);
  });
});
