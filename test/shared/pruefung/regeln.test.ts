/**
 * Every rule of the catalogue: a row that triggers it and a near miss that does not.
 */
import { describe, expect, it } from "vitest";
import { REGEL_CODES, PRUEFREGEL_CODES, REGELN } from "../../../shared";
import {
  codes,
  mitMassnahme,
  mitZeile,
  plan,
  pruefePlan,
  zeile,
  FINANZPLAN,
  MASSNAHMEN,
} from "../../hilfen/plan";
import { I10, VERTEILREGELN } from "../../../shared/allocation/regeln";

describe("the clean plan", () => {
  it("breaks no rule", () => {
    const e = pruefePlan();
    expect(e.befunde).toEqual([]);
    // Every result says how the Förderhöchstbetrag is read: per Förderjahr.
    expect(e.foerderhoechstbetrag_gilt).toBe("je_foerderjahr");
    expect(e.summen["2019"]).toMatchObject({
      landesmittel_eur: 100100,
      bemessungsgrundlage_eur: 143000,
      landesquote: 0.7,
      eigenanteil_eur: 42900,
    });
  });

  it("every code of the catalogue has a check (F, K and M here, I as the allocation's rule objects)", () => {
    // X: the xlsx reader of lsz pruefen; Z02: the cap on listed findings.
    const verteilung = new Set<string>([...VERTEILREGELN.map((r) => r.code), I10.code]);
    const ohne = REGEL_CODES.filter(
      (c) => !PRUEFREGEL_CODES.has(c) && !verteilung.has(c) && !c.startsWith("X") && c !== "Z02",
    );
    expect(ohne).toEqual([]);
    // Every I-code is a rule object of the allocation (none decided inline in the engine).
    expect(REGEL_CODES.filter((c) => c.startsWith("I") && !verteilung.has(c))).toEqual([]);
  });
});

describe("Finanzplan rules", () => {
  it("F04: a row that does not balance to the cent", () => {
    const e = mitZeile(2, { eigenmittel_kreis: 6000.01 });
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "F04",
        zeile: 3,
        spalte: "landesmittel",
        meldung:
          "Zeile nicht ausgeglichen: Gesamtausgaben 20.000,00 €, Finanzierung 20.000,01 € (Überdeckung 0,01 €) (Maßnahme 3.1, 2019).",
      }),
    ]);
    const ang = mitZeile(2, { gesamtausgaben: 20000.5 });
    expect(ang.befunde).toEqual([expect.objectContaining({ regel: "F04", spalte: "gesamtausgaben" })]);
    expect(mitZeile(2, { gesamtausgaben: "20.000,00" }).befunde).toEqual([]);
  });

  it("F05: one measure's Landesquote 70,01 % warns, 70,00 % passes; a setting makes it a Fehler", () => {
    const rows = [
      zeile("1.1", 7001, { personalausgaben: 10000, eigenmittel_kreis: 2999 }),
      zeile("2.1", 7000, { personalausgaben: 10000, eigenmittel_kreis: 3000 }),
    ];
    const e = pruefePlan({
      finanzplan: [...FINANZPLAN.slice(2), ...rows],
      kreis: { ...plan().kreis, foerderhoechstbetrag_eur: 200000 },
    });
    const f05 = e.befunde.filter((b) => b.regel === "F05");
    expect(f05).toEqual([
      expect.objectContaining({
        schwere: "warnung",
        zeile: 5,
        meldung:
          "Landesquote 70,01 % über 70 % (Maßnahme 1.1, 2019). So beheben: höchstens 7.000,00 € Landesmittel (1,00 € weniger) oder eine Bemessungsgrundlage von 10.001,43 €.",
      }),
    ]);
    const streng = pruefePlan({
      finanzplan: [...FINANZPLAN.slice(2), ...rows],
      einstellungen: { landesquote_je_massnahme: "fehler" },
    });
    expect(streng.befunde.find((b) => b.regel === "F05")!.schwere).toBe("fehler");
    expect(streng.einstellungen.landesquote_je_massnahme).toBe("fehler");
    const deutlich = mitZeile(0, { landesmittel: 14860, eigenmittel_kreis: 5140 });
    expect(deutlich.befunde.find((b) => b.regel === "F05")!.meldung).toBe(
      "Landesquote 74,3 % über 70 % (Maßnahme 1.1, 2019). So beheben: höchstens 14.000,00 € Landesmittel (860,00 € weniger) oder eine Bemessungsgrundlage von 21.228,58 €.",
    );
  });

  it("F06: Landesmittel on a row of Investitionen only; Investitionen counted in a typed Bemessungsgrundlage", () => {
    const nurInvest = {
      personalausgaben: null,
      investitionen: 20000,
      eigenmittel_kreis: 6000,
      landesmittel: 14000,
    };
    expect(codes(mitZeile(0, nurInvest))).toContain("F06");
    expect(codes(mitZeile(0, { ...nurInvest, landesmittel: 0, eigenmittel_kreis: 20000 }))).not.toContain(
      "F06",
    );
    // 20.000 € Personal + 5.000 € Investitionen, 5.000 € Drittmittel: Bemessungsgrundlage 15.000 €,
    // Landesmittel 10.500 € (70 %), Eigenmittel 9.500 €. Σ Landesmittel 96.600 €.
    const invest = { investitionen: 5000, drittmittel: 5000, landesmittel: 10500, eigenmittel_kreis: 9500 };
    const fhb = { kreis: { ...plan().kreis, foerderhoechstbetrag_eur: 96600 } };
    const e = mitZeile(0, { ...invest, bemessungsgrundlage: 20000 }, fhb);
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "F06",
        spalte: "bemessungsgrundlage",
        meldung:
          "Bemessungsgrundlage angegeben 20.000,00 € enthält die Investitionen (5.000,00 €); zuwendungsfähig ist nur 15.000,00 € (Maßnahme 1.1, 2019).",
      }),
    ]);
    expect(mitZeile(0, { ...invest, bemessungsgrundlage: 15000 }, fhb).befunde).toEqual([]);
  });

  it("F07: text, negative amounts, more than two decimals; German numbers are understood", () => {
    const e = mitZeile(1, { sachausgaben: "viel", drittmittel: -5, honorarausgaben: 0.005 });
    expect(e.befunde.filter((b) => b.regel === "F07").map((b) => b.meldung)).toEqual([
      "Sachausgaben (Maßnahme 2.1, 2019): „viel“ ist keine Zahl (z. B. 12000 oder 12.000,00 €).",
      "Honorarausgaben (Maßnahme 2.1, 2019): 0.005 hat mehr als zwei Nachkommastellen (Beträge auf den Cent, z. B. 445.785,00 €).",
      "Drittmittel (Maßnahme 2.1, 2019): -5 ist negativ.",
    ]);
    // The year's sums cover what can be read; F02 and F13 are decided (all Landesmittel readable),
    // F01 and F03 depend on the unreadable cells: said once for the year (F14), never skipped.
    expect(e.summen["2019"]!.vollstaendig).toBe(false);
    expect(e.summen["2019"]!.regeln_vollstaendig).toEqual(["F02", "F13", "M12"]);
    expect(e.summen["2019"]!.regeln_offen).toEqual(["F01", "F03"]);
    expect(codes(e).filter((c) => c !== "F07")).toEqual(["F14"]);
    expect(e.befunde.find((b) => b.regel === "F14")).toMatchObject({
      schwere: "warnung",
      zeile: 2,
      meldung:
        "F01, F03 für 2019 nicht abschließend prüfbar: Finanzplan Zeile 3 (Sachausgaben, Honorarausgaben, Drittmittel) unlesbar. Das Ergebnis von F01 (70 %-Grenze), F03 (Eigenanteil 30 %) hängt von diesen Zellen ab: sie als Betrag eintragen (z. B. 12000 oder 12.000,00 €) und erneut prüfen.",
    });
    expect(
      mitZeile(1, { personalausgaben: "20.000,00 €", landesmittel: "14.000", eigenmittel_kreis: "6000,00" })
        .befunde,
    ).toEqual([]);
    expect(codes(mitZeile(1, { sachausgaben: "12,345" }))).toEqual(["F07"]);
  });

  it("F08: Drittmittel above Gesamtausgaben; equal passes F08", () => {
    const e = mitZeile(0, { drittmittel: 20000.01, eigenmittel_kreis: 0, landesmittel: 0 });
    expect(codes(e)).toContain("F08");
    expect(codes(mitZeile(0, { drittmittel: 20000, eigenmittel_kreis: 0, landesmittel: 0 }))).not.toContain(
      "F08",
    );
  });

  it("F09: a year outside the Förderperiode; the last year inside passes", () => {
    expect(mitZeile(0, { jahr: 2022 }).befunde.find((b) => b.regel === "F09")!.meldung).toBe(
      "Jahr 2022 liegt außerhalb der Förderperiode 2019–2021 (LSZ-2019) (Maßnahme 1.1, 2022).",
    );
    expect(codes(mitZeile(0, { jahr: 2021 }))).not.toContain("F09");
    expect(codes(mitZeile(0, { jahr: "zwanzig" }))).toContain("F09");
    expect(pruefePlan({ foerderjahr: 2022 }).befunde[0]).toMatchObject({
      regel: "F09",
      tabelle: "parameter",
    });
  });

  it("F10: a Finanzplan row naming an unknown Maßnahme-Nr", () => {
    expect(mitZeile(0, { massnahme_nr: "9.9" }).befunde).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          regel: "F10",
          zeile: 1,
          meldung:
            "Maßnahme-Nr 9.9 steht nicht in der Maßnahmenliste (Maßnahme 9.9, 2019); gemeint ist wohl 1.1, die einzige Maßnahme ohne Finanzplanzeile.",
        }),
      ]),
    );
    // One typo, one finding: 1.1 is not also reported as a measure without a row (F11).
    expect(codes(mitZeile(0, { massnahme_nr: "9.9" }))).toEqual(["F10"]);
    // Excel turns "1.1" into the number 1.1: still the same measure.
    expect(mitZeile(0, { massnahme_nr: 1.1 }).befunde).toEqual([]);
  });

  it("F11: a Maßnahme without a Finanzplan row", () => {
    const e = pruefePlan({
      finanzplan: FINANZPLAN.slice(1),
      kreis: { ...plan().kreis, foerderhoechstbetrag_eur: 86100 },
    });
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "F11",
        schwere: "warnung",
        tabelle: "massnahmen",
        zeile: 1,
        meldung:
          "Maßnahme 1.1 „Sozialplanung“ hat keine Zeile im Finanzplan: eine Zeile je Förderjahr anlegen oder die Maßnahme streichen.",
      }),
    ]);
  });

  it("F12: Förderstufe 1 and 2 limits, Stufe 3 needs a Fachplan no older than 5 years", () => {
    const stufe = (foerderstufe: number, fachplan_datum: string | null = "2018-06-01") =>
      pruefePlan({ kreis: { ...plan().kreis, foerderstufe, fachplan_datum } });
    const s1 = stufe(1).befunde.filter((b) => b.regel === "F12");
    expect(s1.map((b) => b.zeile)).toEqual([1, 2, 3, 5]); // only 4.1 and 6.1 are Bestandssicherung
    const s2 = stufe(2).befunde.filter((b) => b.regel === "F12");
    expect(s2.map((b) => b.zeile)).toEqual([2, 3, 5]); // HF 1 planning is allowed in Stufe 2
    expect(s2[0]!.meldung).toBe(
      "Förderstufe 2 erlaubt nur Bestandssicherung und Planung (Handlungsfeld 1); Maßnahme 2.1 ist Ausbau in Handlungsfeld 2 und erhält 14.000,00 € Landesmittel (Maßnahme 2.1, 2019).",
    );
    expect(stufe(3, null).befunde).toEqual([
      expect.objectContaining({
        regel: "F12",
        meldung: "Förderstufe 3 ohne Datum des Fachplans: das Datum des vorgelegten Fachplans eintragen.",
      }),
    ]);
    expect(stufe(3, "31.12.2013").befunde[0]!.meldung).toBe(
      "Förderstufe 3: der Fachplan vom 31.12.2013 ist zu Beginn des Förderjahrs 2019 älter als 5 Jahre; für 2019 ist ein fortgeschriebener Fachplan nötig (nicht vor dem 01.01.2014).",
    );
    expect(stufe(3, "01.01.2014").befunde).toEqual([]);
  });
});

describe("Maßnahmen rules", () => {
  it("M01: every required field, one finding per empty cell", () => {
    const e = mitMassnahme(0, {
      nr: null,
      titel: " ",
      handlungsfeld: null,
      art: "",
      traeger: null,
      traegerart: null,
      beginn: null,
      sozialraum: "Arnstadt",
    });
    expect(e.befunde.filter((b) => b.regel === "M01").map((b) => b.spalte)).toEqual([
      "nr",
      "titel",
      "handlungsfeld",
      "art",
      "traeger",
      "traegerart",
      "beginn",
    ]);
    expect(e.befunde.find((b) => b.regel === "M01")!.meldung).toBe(
      "Zeile 2: Pflichtfeld Nr ist leer (z. B. „4.1“).",
    );
  });

  it("M02: Handlungsfeld not 1–6, in every usual spelling", () => {
    for (const ok of [
      4,
      "4",
      "HF 4",
      "HF4",
      "hf 4",
      "Handlungsfeld 4",
      "Beratung, Unterstützung und Information",
      "4 – Beratung, Unterstützung und Information",
    ]) {
      expect(codes(mitMassnahme(3, { handlungsfeld: ok })), String(ok)).toEqual([]);
    }
    expect(codes(mitMassnahme(0, { handlungsfeld: "Steuerung, Vernetzung, Nachhaltigkeit" }))).toEqual([]);
    expect(
      codes(mitMassnahme(0, { handlungsfeld: "Steuerung, Vernetzung, Nachhaltigkeit und Planung" })),
    ).toEqual([]);
    for (const falsch of ["HF 7", 0, "Bildung", "4 – Dialog der Generationen"]) {
      expect(codes(mitMassnahme(3, { handlungsfeld: falsch })), String(falsch)).toContain("M02");
    }
    expect(mitMassnahme(3, { handlungsfeld: "HF 7" }).befunde.find((b) => b.regel === "M02")!.meldung).toBe(
      "Maßnahme 4.1: Handlungsfeld „HF 7“ ist keins der Handlungsfelder 1–6, z. B. „4“, „HF 4“ oder „Beratung, Unterstützung und Information“; stehen Nummer und Name darin, müssen sie zusammenpassen (1 Steuerung, Vernetzung, Nachhaltigkeit und Planung; 2 Vereinbarkeit von Familie und Beruf sowie Mobilität; 3 Bildung im familiären Umfeld; 4 Beratung, Unterstützung und Information; 5 Wohnumfeld und Lebensqualität; 6 Dialog der Generationen).",
    );
  });

  it("M03: Art not one of the four", () => {
    expect(codes(mitMassnahme(1, { art: "Erweiterung" }))).toEqual(["M03"]);
    for (const ok of ["Ausbau", "neu", "Neu"]) expect(codes(mitMassnahme(1, { art: ok })), ok).toEqual([]);
    for (const ok of ["Bestandssicherung + Ausbau", "Bestandssicherung und Ausbau"])
      expect(codes(mitMassnahme(3, { art: ok })), ok).toEqual([]);
    // On a measure that is no Bestandsschutz institution, the Bestandssicherung part is M04.
    expect(codes(mitMassnahme(1, { art: "Bestandssicherung + Ausbau" }))).toEqual(["M04", "M04"]);
  });

  it("M04: Bestandssicherung without a Bestandsschutz category or without state money in 2017", () => {
    const e = mitMassnahme(3, { titel: "Jugendclub", bestandsschutz_kategorie: null });
    expect(e.befunde).toEqual([
      expect.objectContaining({ regel: "M04", spalte: "bestandsschutz_kategorie" }),
    ]);
    expect(mitMassnahme(3, { landeszuwendung_2017: "nein" }).befunde).toEqual([
      expect.objectContaining({
        regel: "M04",
        spalte: "landeszuwendung_2017",
        meldung:
          "Maßnahme 4.1: Bestandssicherung setzt Landesmittel im Jahr 2017 voraus; angegeben ist „nein“.",
      }),
    ]);
    // The category may be recognised from the title when the cell is empty.
    expect(mitMassnahme(3, { bestandsschutz_kategorie: null }).befunde).toEqual([]);
  });

  it("M05: Trägerart not an allowed Letztempfänger", () => {
    expect(codes(mitMassnahme(2, { traegerart: "Unternehmen" }))).toEqual(["M05"]);
    for (const ok of [
      "gemeinnütziger Träger",
      "Verband der Wohlfahrtspflege",
      "kirchlicher Träger",
      "kreisangehörige Stadt/Gemeinde",
      "kreisangehörige Gemeinde",
      "Stadt",
      "Gemeinde",
      "Landkreis",
      "kreisfreie Stadt",
      "Landratsamt",
      "Zuwendungsempfänger",
    ]) {
      expect(codes(mitMassnahme(2, { traegerart: ok })), ok).toEqual([]);
    }
  });

  it("M06: Beginn or Ende that cannot be read", () => {
    expect(mitMassnahme(2, { beginn: "irgendwann" }).befunde).toEqual([
      expect.objectContaining({ regel: "M06", spalte: "beginn" }),
    ]);
    expect(codes(mitMassnahme(2, { ende: "bald" }))).toEqual(["M06"]);
    expect(codes(mitMassnahme(2, { beginn: 43497 }))).toEqual([]); // Excel's date number for 01.02.2019
  });

  it("M07: Beginn or Ende outside the Förderperiode, or Ende before Beginn", () => {
    expect(mitMassnahme(2, { beginn: "31.12.2018" }).befunde[0]!.meldung).toBe(
      "Maßnahme 3.1: Beginn 31.12.2018 liegt außerhalb der Förderperiode 01.01.2019–31.12.2021 (LSZ-2019).",
    );
    expect(codes(mitMassnahme(2, { beginn: "01.01.2019" }))).toEqual([]);
    expect(codes(mitMassnahme(2, { ende: "01.01.2022" }))).toEqual(["M07"]);
    expect(codes(mitMassnahme(2, { ende: "Dezember 2021" }))).toEqual([]);
    expect(mitMassnahme(2, { beginn: "01.05.2019", ende: "30.04.2019" }).befunde[0]!.meldung).toBe(
      "Maßnahme 3.1: Ende 30.04.2019 liegt vor dem Beginn 01.05.2019.",
    );
  });

  it("M08: the same Nr twice", () => {
    const massnahmen = [...MASSNAHMEN, { ...MASSNAHMEN[2]!, titel: "Elternabende" }];
    const e = pruefePlan({ massnahmen });
    expect(e.befunde).toEqual([
      expect.objectContaining({
        regel: "M08",
        zeile: 7,
        meldung: "Maßnahme-Nr 3.1 steht doppelt (Zeilen 4 und 8).",
      }),
    ]);
  });

  it("M09: the same title ignoring case, dashes and spaces; different titles pass", () => {
    const doppelt = { ...MASSNAHMEN[3]!, nr: "3.2", handlungsfeld: 3, titel: "ERZIEHUNGS-BERATUNGSSTELLE " };
    expect(codes(pruefePlan({ massnahmen: [...MASSNAHMEN, doppelt] }))).toEqual(["M09", "F11"]);
    expect(
      codes(
        pruefePlan({ massnahmen: [...MASSNAHMEN, { ...doppelt, titel: "Erziehungsberatung Außenstelle" }] }),
      ),
    ).toEqual(["F11"]);
  });

  it("M09: umlauts as typed without them, no-break spaces and the dashes Word puts in count as the same", () => {
    // „Familienzentrum Süd“ typed once with ü and once as „ue“ (old keyboards, copied from e-mails), with a
    // no-break space and an en dash as Word's autocorrect writes them.
    const mit = {
      ...MASSNAHMEN[3]!,
      nr: "3.2",
      handlungsfeld: 3,
      titel: "Straßen\u00a0–\u00a0Sozialarbeit Süd",
    };
    const ohne = { ...mit, nr: "3.3", titel: "strassen-sozialarbeit sued" };
    const anders = { ...mit, nr: "3.4", titel: "Straßensozialarbeit Nord" };
    const befunde = pruefePlan({ massnahmen: [...MASSNAHMEN, mit, ohne, anders] }).befunde;
    expect(befunde.filter((b) => b.regel === "M09").map((b) => b.meldung)).toEqual([
      expect.stringContaining("Maßnahme 3.3 „strassen-sozialarbeit sued“"),
    ]);
  });

  it("M10: a Handlungsfeld without measure and reason — Fehler in Stufe 3, Hinweis otherwise", () => {
    const ohne5 = MASSNAHMEN.filter((m) => m.nr !== "5.1");
    const finanzplan = FINANZPLAN.filter((z) => z.massnahme_nr !== "5.1");
    const kreis = { ...plan().kreis, foerderhoechstbetrag_eur: 86100 };
    expect(pruefePlan({ massnahmen: ohne5, finanzplan, kreis }).befunde).toEqual([
      expect.objectContaining({ regel: "M10", schwere: "fehler" }),
    ]);
    expect(
      pruefePlan({ massnahmen: ohne5, finanzplan, kreis: { ...kreis, foerderstufe: 2 } }).befunde.find(
        (b) => b.regel === "M10",
      )!.schwere,
    ).toBe("hinweis");
    expect(
      pruefePlan({
        massnahmen: ohne5,
        finanzplan,
        kreis,
        handlungsfelder_ohne_massnahme: [{ handlungsfeld: "HF 5", begruendung: "kein Bedarf" }],
      }).befunde,
    ).toEqual([]);
    expect(
      codes(
        pruefePlan({
          massnahmen: ohne5,
          finanzplan,
          kreis,
          handlungsfelder_ohne_massnahme: [{ handlungsfeld: 5, begruendung: "  " }],
        }),
      ),
    ).toEqual(["M10"]);
  });

  it("M11: a company as Träger not marked gemeinnützig; gGmbH and a confirmed mark pass", () => {
    expect(mitMassnahme(2, { traeger: "Sozialwerk Thüringen GmbH" }).befunde).toEqual([
      expect.objectContaining({ regel: "M11", schwere: "warnung", spalte: "traeger" }),
    ]);
    expect(codes(mitMassnahme(2, { traeger: "Bildung & Beratung UG" }))).toEqual(["M11"]);
    expect(codes(mitMassnahme(2, { traeger: "Sozialwerk Thüringen gGmbH" }))).toEqual([]);
    expect(codes(mitMassnahme(2, { traeger: "Sozialwerk Thüringen GmbH", gemeinnuetzig: "ja" }))).toEqual([]);
    expect(codes(mitMassnahme(2, { traeger: "Tagespflege Agathe e. V." }))).toEqual([]);
  });

  it("K01: Kreis header missing or unreadable", () => {
    const e = pruefePlan({
      kreis: {
        schluessel: "16070",
        name: "Ilm-Kreis",
        foerderstufe: "vier",
        foerderhoechstbetrag_eur: null,
        fachplan_datum: "irgendwann",
      },
    });
    expect(e.befunde.map((b) => `${b.regel}:${b.spalte}`)).toEqual([
      "K01:foerderstufe",
      "K01:foerderhoechstbetrag_eur",
      "K01:fachplan_datum",
    ]);
    expect(codes(pruefePlan({ kreis: { ...plan().kreis, foerderstufe: "Stufe 3" } }))).toEqual([]);
  });
});

describe("results per row and per year", () => {
  it("each row gets its computed values and status, in the order sent", () => {
    const e = mitZeile(1, { landesmittel: 14860, eigenmittel_kreis: 5140 });
    expect(e.zeilen.finanzplan[1]).toMatchObject({
      status: "warnung",
      massnahme_nr: "2.1",
      gesamtausgaben_eur: 20000,
      zuwendungsfaehig_eur: 20000,
      bemessungsgrundlage_eur: 20000,
      landesmittel_eur: 14860,
      eigenanteil_eur: 5140,
    });
    expect(e.zeilen.finanzplan[1]!.landesquote).toBeCloseTo(0.743, 12);
    expect(e.zeilen.finanzplan[0]!.status).toBe("ok");
    expect(e.zeilen.massnahmen[1]).toMatchObject({
      nr: "2.1",
      handlungsfeld: 2,
      art: "Ausbau",
      traegerart: "wohlfahrtsverband",
      beginn: "2019-02-01",
      landesmittel_eur: 14860,
    });
    // Σ Landesmittel 100.960 €: above 70 % (F01), above the Förderhöchstbetrag (F02), Eigenanteil below 30 % (F03)
    expect(codes(e)).toEqual(["F05", "F01", "F02", "F03"]);
    expect(e.anzahl).toEqual({ fehler: 3, warnung: 1, hinweis: 0 });
  });

  it("a measure's Landesmittel: all its years on the first row of its Nr; a second row of the Nr, a Nr not in the list, a total row and an unreadable cell add nothing", () => {
    const massnahmen = [...MASSNAHMEN, { ...MASSNAHMEN[1]!, titel: "Zweite Zeile derselben Nr" }];
    const finanzplan = [
      ...FINANZPLAN,
      zeile("2.1", 700, { jahr: 2020 }), // a second year of 2.1: summed on its first row
      zeile("9.9", 7000), // no measure with this Nr (F10): shown nowhere
      zeile("Summe", 999_999), // a total row: no data row
      zeile("1.1", 0, { landesmittel: "siebentausend" }), // unreadable (F07): not guessed
    ];
    const e = pruefePlan({ foerderjahr: [2019, 2020], massnahmen, finanzplan });
    const je = e.zeilen.massnahmen.map((m) => [m.nr, m.landesmittel_eur]);
    expect(je).toEqual([
      ["1.1", 14000],
      ["2.1", 14700],
      ["3.1", 14000],
      ["4.1", 28000],
      ["5.1", 14000],
      ["6.1", 16100],
      ["2.1", null],
    ]);
    expect(codes(e)).toContain("F10");
    expect(codes(e)).toContain("F07");
  });

  it("several years are summed separately", () => {
    const finanzplan = [...FINANZPLAN, ...FINANZPLAN.map((z) => ({ ...z, jahr: 2020 }))];
    const e = pruefePlan({ foerderjahr: [2019, 2020], finanzplan });
    expect(Object.keys(e.summen)).toEqual(["2019", "2020"]);
    expect(e.summen["2020"]!.landesmittel_eur).toBe(100100);
    expect(e.befunde).toEqual([]);
  });

  it("every finding is German only (no English field) and has a severity its catalogue entry allows", () => {
    const e = pruefePlan({
      massnahmen: MASSNAHMEN.map((m) => ({ ...m, art: "x", traegerart: "y", beginn: "z" })),
    });
    expect(e.befunde.length).toBeGreaterThan(10);
    for (const b of e.befunde) {
      expect(Object.keys(b).sort()).toEqual(["meldung", "regel", "schwere", "spalte", "tabelle", "zeile"]);
      expect(b.meldung.length).toBeGreaterThan(10);
      expect(REGELN[b.regel].schweren).toContain(b.schwere);
    }
  });
});
