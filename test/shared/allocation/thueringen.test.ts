/**
 * The 23 Kreise of 2017 (real population and area; Mindestsicherung MADE UP, see test/hilfen/daten.ts).
 */
import { describe, expect, it } from "vitest";
import { allocationRequestSchema, formatZahl, verteile } from "../../../shared";
import { kreiseAlsRegionen, leseKreise2017 } from "../../hilfen/daten";

describe("allocation over the 23 Kreise of Thüringen", () => {
  const anfrage = allocationRequestSchema.parse({
    regelwerk: "LSZ-2019",
    foerderjahr: 2019,
    haushaltsmittel_eur: 10_000_000,
    stichtag: "31.12.2017",
    regionen: kreiseAlsRegionen(),
  });
  const e = verteile(anfrage);

  it("reads the real data: 2.151.205 inhabitants, 16.202,39 km²", () => {
    const kreise = leseKreise2017();
    expect(kreise).toHaveLength(23);
    expect(kreise.reduce((s, k) => s + k.einwohner, 0)).toBe(2_151_205);
    expect(Math.round(kreise.reduce((s, k) => s + k.flaeche_km2, 0) * 100)).toBe(1_620_239);
  });

  it("gives 23 amounts that add up to exactly 10.000.000 €, each explained", () => {
    expect(e.befunde).toEqual([]);
    expect(e.berechnet).toBe(true);
    expect(e.regionen).toHaveLength(23);
    expect(e.regionen.reduce((s, r) => s + r.foerderhoechstbetrag_eur!, 0)).toBe(10_000_000);
    expect(e.summe_eur).toBe(10_000_000);
    for (const r of e.regionen) {
      expect(Number.isInteger(r.foerderhoechstbetrag_eur)).toBe(true);
      const teile = Object.values(r.betraege_je_indikator_eur).reduce<number>(
        (s, x) => s + Math.round(x! * 100),
        0,
      );
      expect(teile + Math.round(r.rundungsdifferenz_eur! * 100)).toBe(r.foerderhoechstbetrag_eur! * 100);
      for (const a of Object.values(r.anteile)) expect(a).toBeGreaterThan(0);
    }
    // Each indicator distributes a quarter of the budget (up to the rounding of the parts to cents).
    for (const k of ["bevoelkerung", "abhaengigenquotient", "mindestsicherung", "inverse_dichte"] as const) {
      const summe = e.regionen.reduce((s, r) => s + r.betraege_je_indikator_eur[k]!, 0);
      expect(Math.abs(summe - 2_500_000)).toBeLessThan(0.2);
    }
  });

  it("reproduces the published Ilm-Kreis Abhängigenquotient 27,9 + 43,7 per 100", () => {
    const ilm = e.regionen.find((r) => r.schluessel === "16070")!;
    expect(formatZahl(ilm.indikatoren.jugendquotient! * 100, "de", 1)).toBe("27,9");
    expect(formatZahl(ilm.indikatoren.altenquotient! * 100, "de", 1)).toBe("43,7");
    expect(formatZahl(ilm.indikatoren.abhaengigenquotient! * 100, "de", 1)).toBe("71,6");
  });

  it("the population share is the share of the inhabitants", () => {
    const erfurt = e.regionen.find((r) => r.schluessel === "16051")!;
    expect(erfurt.anteile.bevoelkerung).toBeCloseTo(212_988 / 2_151_205, 14);
    expect(erfurt.betraege_je_indikator_eur.bevoelkerung).toBe(
      Math.round((2_500_000 * 212_988 * 100) / 2_151_205) / 100,
    );
  });

  it("with LSZ-2022 the same table has one Kreis too many: Eisenach", () => {
    const e22 = verteile({ ...anfrage, regelwerk: "LSZ-2022", foerderjahr: 2024, stichtag: undefined });
    // Every row's Stichtag 2017-12-31 is also wrong for 2024 (expected 31.12.2022).
    expect(e22.befunde.filter((b) => b.regel === "I06")).toHaveLength(23);
    expect(e22.befunde.find((b) => b.regel === "I06")!.meldung).toBe(
      "Erfurt, kreisfreie Stadt (16051): Stichtag 31.12.2017 statt 31.12.2022 (31.12. des vorletzten Jahres vor dem Förderjahr 2024).",
    );
    expect(e22.befunde.filter((b) => b.regel !== "I06")).toEqual([
      expect.objectContaining({
        regel: "I01",
        schwere: "warnung",
        zeile: 6,
        meldung:
          "Eisenach, kreisfreie Stadt (16056): Kreisschlüssel 16056 ist kein Zuwendungsempfänger im Förderjahr 2024 (LSZ-2022, 22 Kreise).",
      }),
    ]);
  });

  it("a Kreis missing is a Fehler that names it", () => {
    const ohneIlm = verteile({
      ...anfrage,
      regionen: anfrage.regionen.filter((r) => r.schluessel !== "16070"),
    });
    expect(ohneIlm.berechnet).toBe(false);
    expect(ohneIlm.befunde).toEqual([
      expect.objectContaining({
        regel: "I01",
        schwere: "fehler",
        zeile: null,
        meldung:
          "Ilm-Kreis (16070) fehlt in der Regionstabelle; im Förderjahr 2019 sind 23 Kreise Zuwendungsempfänger (LSZ-2019).",
      }),
    ]);
  });
});
