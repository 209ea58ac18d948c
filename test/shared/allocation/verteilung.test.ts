import { nichtEndlicheZahlen } from "../../hilfen/endlich";
import { describe, expect, it } from "vitest";
import { allocationRequestSchema, verteile, type AllocationRequest, type Region } from "../../../shared";

/**
 * The worked example, computed by hand:
 *
 *             Einw.  u20  20–65  65+   MS   km²
 *   A         1000   200   600   200  100   10
 *   B         2000   300  1400   300  100   40
 *   C         1000   100   500   400   50   50
 *
 * Indicators: Abhängigenquotient A = 400/600 = 2/3, B = 600/1400 = 3/7, C = 500/500 = 1;
 * Mindestsicherungsquote A = 0,10, B = 0,05, C = 0,05; km²/Einw. A = 0,01, B = 0,02, C = 0,05.
 * Shares (Summe der Kreiswerte): Bevölkerung 1/4, 1/2, 1/4; Abhängigenquotient Σ = 44/21 →
 * 14/44, 9/44, 21/44; Mindestsicherung Σ = 0,2 → 1/2, 1/4, 1/4; inverse Dichte Σ = 0,08 → 1/8, 1/4, 5/8.
 * Anteil gesamt = ¼ Σ shares: A = ¼(0,875 + 7/22) = 0,2982954…, B = ¼(1 + 9/44) = 0,3011363…,
 * C = ¼(1,125 + 21/44) = 0,4005681….
 * 100.000 € → quotas 29.829,545… / 30.113,636… / 40.056,818…; floors 29.829 + 30.113 + 40.056 = 99.998;
 * the 2 remaining euros go to the largest remainders C (,818) and B (,636):
 * A = 29.829 €, B = 30.114 €, C = 40.057 €.
 * Per indicator, A: 6.250,00 + 7.954,55 + 12.500,00 + 3.125,00 = 29.829,55 → Rundung −0,55;
 *                B: 12.500,00 + 5.113,64 + 6.250,00 + 6.250,00 = 30.113,64 → +0,36;
 *                C: 6.250,00 + 11.931,82 + 6.250,00 + 15.625,00 = 40.056,82 → +0,18.
 */
const A: Region = {
  schluessel: "A",
  name: "Aland",
  einwohner: 1000,
  unter_20: 200,
  von_20_bis_unter_65: 600,
  ab_65: 200,
  mindestsicherung: 100,
  flaeche_km2: 10,
};
const B: Region = {
  schluessel: "B",
  name: "Bland",
  einwohner: 2000,
  unter_20: 300,
  von_20_bis_unter_65: 1400,
  ab_65: 300,
  mindestsicherung: 100,
  flaeche_km2: 40,
};
const C: Region = {
  schluessel: "C",
  name: "Cland",
  einwohner: 1000,
  unter_20: 100,
  von_20_bis_unter_65: 500,
  ab_65: 400,
  mindestsicherung: 50,
  flaeche_km2: 50,
};

function anfrage(teil: Partial<AllocationRequest> = {}): AllocationRequest {
  return allocationRequestSchema.parse({
    regelwerk: "LSZ-2019",
    foerderjahr: 2019,
    haushaltsmittel_eur: 100000,
    ebene: "frei",
    regionen: [A, B, C],
    ...teil,
  });
}

describe("verteile: the worked example", () => {
  const e = verteile(anfrage());

  it("computes every indicator value", () => {
    const [a, b, c] = e.regionen;
    expect(a!.indikatoren.abhaengigenquotient).toBeCloseTo(2 / 3, 12);
    expect(b!.indikatoren.abhaengigenquotient).toBeCloseTo(3 / 7, 12);
    expect(c!.indikatoren.abhaengigenquotient).toBe(1);
    expect(a!.indikatoren.jugendquotient).toBeCloseTo(1 / 3, 12);
    expect(a!.indikatoren.mindestsicherungsquote).toBe(0.1);
    expect(b!.indikatoren.km2_je_einwohner).toBe(0.02);
  });

  it("computes every share", () => {
    const [a, b, c] = e.regionen;
    expect(a!.anteile.bevoelkerung).toBe(0.25);
    expect(b!.anteile.abhaengigenquotient).toBeCloseTo(9 / 44, 12);
    expect(c!.anteile.abhaengigenquotient).toBeCloseTo(21 / 44, 12);
    expect(a!.anteile.mindestsicherung).toBeCloseTo(0.5, 12);
    expect(c!.anteile.inverse_dichte).toBeCloseTo(0.625, 12);
    expect(a!.anteil_gesamt).toBeCloseTo(0.25 * (0.875 + 7 / 22), 12);
    expect(c!.anteil_gesamt).toBeCloseTo(0.25 * (1.125 + 21 / 44), 12);
  });

  it("rounds by largest remainder to whole euros that add up to the budget", () => {
    expect(e.berechnet).toBe(true);
    expect(e.regionen.map((r) => r.foerderhoechstbetrag_eur)).toEqual([29829, 30114, 40057]);
    expect(e.summe_eur).toBe(100000);
  });

  it("explains each amount by indicator, to the cent, with the rounding difference", () => {
    const [a, b, c] = e.regionen;
    expect(a!.betraege_je_indikator_eur).toEqual({
      bevoelkerung: 6250,
      abhaengigenquotient: 7954.55,
      mindestsicherung: 12500,
      inverse_dichte: 3125,
    });
    expect(a!.rundungsdifferenz_eur).toBe(-0.55);
    expect(b!.betraege_je_indikator_eur).toEqual({
      bevoelkerung: 12500,
      abhaengigenquotient: 5113.64,
      mindestsicherung: 6250,
      inverse_dichte: 6250,
    });
    expect(b!.rundungsdifferenz_eur).toBe(0.36);
    expect(c!.betraege_je_indikator_eur.abhaengigenquotient).toBe(11931.82);
    expect(c!.rundungsdifferenz_eur).toBe(0.18);
  });

  it("names the rule set and the settings it used", () => {
    expect(e.regelwerk).toBe("LSZ-2019");
    expect(e.regelwerk_version).toBe("2019.1");
    expect(e.verfahren).toEqual({
      normierung: "summe_der_kreiswerte",
      gewichte: {
        bevoelkerung: 0.25,
        abhaengigenquotient: 0.25,
        mindestsicherung: 0.25,
        inverse_dichte: 0.25,
      },
      sockelbetrag_eur: 0,
      rundung: "euro",
    });
    expect(e.befunde).toEqual([]);
  });
});

describe("verteile: settings", () => {
  it("bevoelkerungsgewichtet: Mindestsicherung by recipients, inverse Dichte by area", () => {
    const e = verteile(anfrage({ verfahren: { normierung: "bevoelkerungsgewichtet" } }));
    const [a, b, c] = e.regionen;
    expect(a!.anteile.mindestsicherung).toBeCloseTo(100 / 250, 12);
    expect(c!.anteile.inverse_dichte).toBeCloseTo(50 / 100, 12);
    expect(b!.anteile.bevoelkerung).toBe(0.5);
    // Abhängigenquotient × Einwohner: 666,67 / 857,14 / 1000
    const s = (2 / 3) * 1000 + (3 / 7) * 2000 + 1000;
    expect(b!.anteile.abhaengigenquotient).toBeCloseTo(((3 / 7) * 2000) / s, 12);
    expect(e.summe_eur).toBe(100000);
  });

  it("Sockelbetrag is taken off the top, equally per region", () => {
    const e = verteile(anfrage({ verfahren: { sockelbetrag_eur: 10000 } }));
    // 70.000 € by the same shares: 20.880,68 / 21.079,545 / 28.039,77; floors sum to 69.998;
    // the 2 euros go to C (,77) and A (,68): 20.881 / 21.079 / 28.040, plus 10.000 each.
    expect(e.regionen.map((r) => r.sockelbetrag_eur)).toEqual([10000, 10000, 10000]);
    expect(e.regionen.map((r) => r.foerderhoechstbetrag_eur)).toEqual([30881, 31079, 38040]);
    expect(e.summe_eur).toBe(100000);
  });

  it("rounding to cents", () => {
    const e = verteile(anfrage({ haushaltsmittel_eur: 1000.01, verfahren: { rundung: "cent" } }));
    expect(e.regionen.map((r) => r.foerderhoechstbetrag_eur)).toEqual([298.3, 301.14, 400.57]);
    expect(e.summe_eur).toBe(1000.01);
  });

  it("a weight of 0 makes that indicator's inputs optional (Gemeinde level: Einwohner and Fläche)", () => {
    const gemeinden: Region[] = [
      { schluessel: "16070004", name: "Arnstadt", einwohner: 27304, flaeche_km2: 103.26 },
      { schluessel: "16070029", name: "Ilmenau", einwohner: 38911, flaeche_km2: 200.61 },
      { schluessel: "16070048", name: "Stadtilm", einwohner: 8165, flaeche_km2: 105.69 },
    ];
    const e = verteile(
      anfrage({
        haushaltsmittel_eur: 20000,
        regionen: gemeinden,
        verfahren: { gewichte: { bevoelkerung: 0.5, inverse_dichte: 0.5 } },
      }),
    );
    expect(e.befunde).toEqual([]);
    expect(e.berechnet).toBe(true);
    expect(e.summe_eur).toBe(20000);
    expect(e.regionen[0]!.anteile.mindestsicherung).toBeNull();
    expect(e.regionen[0]!.betraege_je_indikator_eur.mindestsicherung).toBe(0);
  });

  it("regions may form a hierarchy: leaves get shares, parents the sum", () => {
    const e = verteile(
      anfrage({
        regionen: [
          { schluessel: "P", name: "Pland", einwohner: 3000, flaeche_km2: 50 },
          { ...A, gehoert_zu: "P" },
          { ...B, gehoert_zu: "P" },
          C,
        ],
      }),
    );
    expect(e.befunde).toEqual([]);
    const [p, a, b, c] = e.regionen;
    expect(p!.ist_summe).toBe(true);
    expect(a!.foerderhoechstbetrag_eur).toBe(29829);
    expect(p!.foerderhoechstbetrag_eur).toBe(a!.foerderhoechstbetrag_eur! + b!.foerderhoechstbetrag_eur!);
    expect(p!.anteil_gesamt).toBeCloseTo(a!.anteil_gesamt! + b!.anteil_gesamt!, 12);
    expect(e.summe_eur).toBe(100000);
    expect(c!.foerderhoechstbetrag_eur).toBe(40057);
  });
});

describe("verteile: bad input becomes findings, never an exception, NaN or Infinity", () => {
  function befundeFuer(teil: Partial<AllocationRequest>) {
    const e = verteile(anfrage(teil));
    expect(nichtEndlicheZahlen(e)).toEqual([]);
    return e;
  }

  it("text where a count belongs (I04), naming region and field; amounts stay null", () => {
    const e = befundeFuer({ regionen: [{ ...A, einwohner: "viele" }, B, C] });
    expect(e.berechnet).toBe(false);
    expect(e.summe_eur).toBeNull();
    expect(e.regionen.every((r) => r.foerderhoechstbetrag_eur === null)).toBe(true);
    expect(e.befunde).toContainEqual(
      expect.objectContaining({
        regel: "I04",
        schwere: "fehler",
        tabelle: "regionen",
        zeile: 1,
        spalte: "einwohner",
        meldung: "Aland (A): Einwohner „viele“ ist keine Zahl.",
      }),
    );
  });

  it("German number text is understood", () => {
    const e = befundeFuer({ regionen: [{ ...A, einwohner: "1.000", flaeche_km2: "10,00" }, B, C] });
    expect(e.befunde).toEqual([]);
    expect(e.regionen[0]!.foerderhoechstbetrag_eur).toBe(29829);
  });

  it("missing count with a weight > 0, zero inhabitants, negative area", () => {
    const e = befundeFuer({
      regionen: [
        { ...A, mindestsicherung: null },
        { ...B, einwohner: 0 },
        { ...C, flaeche_km2: -5 },
      ],
    });
    const texte = e.befunde.map((b) => `${b.regel} ${b.zeile} ${b.spalte}`);
    expect(texte).toContain("I04 1 mindestsicherung");
    expect(texte).toContain("I04 2 einwohner");
    expect(texte).toContain("I04 3 flaeche_km2");
    expect(e.befunde.find((b) => b.zeile === 3)!.meldung).toBe(
      "Cland (C): Fläche (km²) muss größer als 0 sein (ist -5).",
    );
  });

  it("a fractional count", () => {
    const e = befundeFuer({ regionen: [{ ...A, ab_65: 200.5, einwohner: 1000.5 }, B, C] });
    expect(e.befunde.filter((b) => b.regel === "I04").map((b) => b.spalte)).toEqual(["einwohner", "ab_65"]);
  });

  it("a key twice (I11 on a free level)", () => {
    const e = befundeFuer({ regionen: [A, B, { ...C, schluessel: "A" }] });
    expect(e.befunde).toContainEqual(
      expect.objectContaining({
        regel: "I11",
        zeile: 3,
        meldung: "Cland (A) steht doppelt in der Regionstabelle (Zeilen 1 und 3).",
      }),
    );
    expect(e.berechnet).toBe(false);
  });

  it("weights not adding up to 100 %, and a negative weight (I07)", () => {
    const e = befundeFuer({
      verfahren: {
        gewichte: {
          bevoelkerung: 0.5,
          abhaengigenquotient: 0.25,
          mindestsicherung: -0.05,
          inverse_dichte: 0.25,
        },
      },
    });
    expect(e.befunde.map((b) => b.meldung)).toEqual([
      "Gewicht Mindestsicherung ist negativ (-5 %).",
      "Die Gewichte ergeben 95 % statt 100 % (50 % + 25 % + -5 % + 25 %).",
    ]);
    expect(e.befunde.every((b) => b.regel === "I07" && b.tabelle === "parameter")).toBe(true);
  });

  it("Sockelbetrag × regions above the budget (I07)", () => {
    const e = befundeFuer({ verfahren: { sockelbetrag_eur: 40000 } });
    expect(e.befunde[0]!.meldung).toBe(
      "Sockelbetrag 40.000,00 € × 3 Regionen = 120.000,00 € übersteigt die Haushaltsmittel 100.000,00 €.",
    );
  });

  it("a budget in cents with euro rounding (I12)", () => {
    const e = befundeFuer({ haushaltsmittel_eur: 100000.5 });
    expect(e.befunde[0]).toMatchObject({ regel: "I12", spalte: "haushaltsmittel_eur" });
  });

  it("an indicator that is 0 everywhere cannot distribute", () => {
    const e = befundeFuer({ regionen: [A, B, C].map((r) => ({ ...r, mindestsicherung: 0 })) });
    expect(e.befunde.some((b) => b.regel === "I04" && b.zeile === null)).toBe(true);
    expect(e.berechnet).toBe(false);
  });

  it("unknown or circular parents (I11)", () => {
    const e = befundeFuer({
      regionen: [
        { ...A, gehoert_zu: "B" },
        { ...B, gehoert_zu: "A" },
        { ...C, gehoert_zu: "X" },
      ],
    });
    const i11 = e.befunde.filter((b) => b.regel === "I11").map((b) => b.meldung);
    expect(i11).toContain("Cland (C) gehört zu „X“, aber diese Region steht nicht in der Tabelle.");
    expect(i11.some((m) => m.startsWith("Zirkuläre Zuordnung: Aland (A) → Bland (B)"))).toBe(true);
  });

  it("age groups not adding up (I02) and Mindestsicherung above Einwohner (I03)", () => {
    const e = befundeFuer({
      regionen: [
        { ...A, ab_65: 201 },
        { ...B, mindestsicherung: 2001 },
        {
          ...C,
          mindestsicherung_sgb2: 30,
          mindestsicherung_hlu: 5,
          mindestsicherung_grundsicherung: 10,
          mindestsicherung_asylblg: 4,
        },
      ],
    });
    expect(e.befunde.map((b) => `${b.regel}:${b.zeile}`)).toEqual(
      expect.arrayContaining(["I02:1", "I03:2", "I03:3"]),
    );
    expect(e.befunde.find((b) => b.regel === "I02")!.meldung).toBe(
      "Aland (A): Altersgruppen 200 + 600 + 201 = 1.001, aber Einwohner 1.000 (Differenz 1).",
    );
  });

  it("implausible quotas are warnings and do not block (I05)", () => {
    const e = befundeFuer({ regionen: [{ ...A, mindestsicherung: 5 }, B, C] });
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "I05",
        schwere: "warnung",
        meldung:
          "Aland (A): Mindestsicherungsquote 0,5 % liegt außerhalb des plausiblen Bereichs 1 % bis 30 %.",
      }),
    ]);
    expect(e.berechnet).toBe(true);
  });

  it("Stichtag not 31.12. of the year before last (I06)", () => {
    const e = befundeFuer({ stichtag: "31.12.2018" });
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "I06",
        schwere: "warnung",
        meldung:
          "Indikatorentabelle: Stichtag 31.12.2018 statt 31.12.2017 (31.12. des vorletzten Jahres vor dem Förderjahr 2019).",
      }),
    ]);
    expect(befundeFuer({ stichtag: "2017-12-31" }).befunde).toEqual([]);
  });

  it("a change of more than 20 % against last year (I10), and not at 20 %", () => {
    // B gets 30.114 €: from 25.095 € that is exactly +20 % (no Hinweis), from 25.094 € it is +20,005 %.
    const e = befundeFuer({
      regionen: [
        { ...A, vorjahr_eur: 20000 },
        { ...B, vorjahr_eur: 25095 },
        { ...C, vorjahr_eur: "40.057,00 €" },
      ],
    });
    const i10 = e.befunde.filter((b) => b.regel === "I10");
    expect(i10).toHaveLength(1);
    expect(e.regionen[1]!.veraenderung_vorjahr).toBeCloseTo(0.2, 12);
    const knapp = befundeFuer({ regionen: [A, { ...B, vorjahr_eur: 25094 }, C] });
    expect(knapp.befunde.map((b) => `${b.regel}:${b.zeile}`)).toEqual(["I10:2"]);
    expect(i10[0]!.meldung).toBe(
      "Aland (A): 29.829,00 € statt 20.000,00 € im Vorjahr (+49,1 %), Änderung über 20 %.",
    );
  });

  it("Förderjahr outside the rule set's period", () => {
    const e = befundeFuer({ foerderjahr: 2023 });
    expect(e.befunde[0]).toMatchObject({ regel: "F09", tabelle: "parameter" });
  });
});
