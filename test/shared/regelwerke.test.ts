/**
 * A rule set is data: its limits reach every text that names them, and a mistake in a new one (periods
 * that overlap or leave a gap, limits no plan can meet) fails when the module loads — not in one
 * user's check. The limits of the documents: „bis zu 70 Prozent …“, „Eigenanteil … 30 Prozent“
 * (Fachplan Ilm-Kreis 2019, 1.2).
 */
import { describe, expect, it } from "vitest";
import { regelnText } from "../../shared/arbeitsmappe";
import { BEHEBEN, REGELN, REGEL_CODES, mitGrenzen, regelTitel } from "../../shared/regeln/katalog";
import { regelkatalog } from "../../shared/regeln/ausgabe";
import { REGELWERKE, gepruefteRegelwerke, regelwerkFuerJahr, type Regelwerk } from "../../shared/regelwerke";

const LSZ2019 = REGELWERKE["LSZ-2019"];
const mitPeriode = (id: string, von: number, bis: number | null, grenzen = {}): Regelwerk =>
  ({
    ...LSZ2019,
    id,
    foerderperiode: { von, bis },
    grenzen: { ...LSZ2019.grenzen, ...grenzen },
  }) as unknown as Regelwerk;

describe("the rule set's limits in every text", () => {
  it("the titles say the documents' limits for the rule sets in force", () => {
    expect(regelTitel("F01", LSZ2019.grenzen)).toBe(
      "Landesmittel über 70 % der Bemessungsgrundlage (je Förderjahr)",
    );
    expect(regelTitel("F03", LSZ2019.grenzen)).toBe(
      "Eigenanteil unter 30 % der Bemessungsgrundlage (je Förderjahr)",
    );
    expect(regelTitel("F05", REGELWERKE["LSZ-2022"].grenzen, "en")).toBe(
      "State quota of one measure above 70%",
    );
    expect(regelTitel("I10", LSZ2019.grenzen)).toContain("mehr als 20 %");
  });

  it("a 75/25 rule set changes titles, advice and the template's Anleitung with it", () => {
    const anders = mitPeriode("LSZ-2025", 2025, null, { landesquote_max: 0.75, eigenanteil_min: 0.25 });
    expect(regelTitel("F01", anders.grenzen)).toContain("über 75 % der Bemessungsgrundlage");
    expect(regelTitel("F03", anders.grenzen, "en")).toContain("below 25% of the assessment base");
    expect(regelnText(anders)).toContain("höchstens 75 % der Bemessungsgrundlage");
    expect(regelnText(anders)).toContain("Eigenanteil mindestens 25 %");
  });

  it("no catalogue title or advice writes a limit literally, and every placeholder is known", () => {
    for (const c of REGEL_CODES) {
      for (const text of [REGELN[c].titel, REGELN[c].titel_en, BEHEBEN[c]]) {
        expect(text, c).not.toMatch(/\b(70|30) ?%/);
        expect(mitGrenzen(text, LSZ2019.grenzen), c).not.toMatch(/[{}]/);
      }
    }
    expect(() => mitGrenzen("über {landesquote}", LSZ2019.grenzen)).toThrow(/Unbekannter Platzhalter/);
  });

  it("GET /rules gives each rule set's titles with its own limits", () => {
    for (const w of regelkatalog().regelwerke) {
      const f01 = w.regeln.find((r) => r.code === "F01")!;
      expect(f01.titel).toContain(`über ${Math.round(w.grenzen.landesquote_max * 100)} %`);
      expect(f01.titel_en).not.toContain("{");
    }
  });
});

describe("rule sets are checked when they load", () => {
  it("the rule sets in force pass, and each year has its rule set without a name written in the code", () => {
    expect(gepruefteRegelwerke(REGELWERKE)).toBe(REGELWERKE);
    expect(regelwerkFuerJahr(2016).id).toBe("LSZ-2019"); // before the first period: the first
    expect(regelwerkFuerJahr(2021).id).toBe("LSZ-2019");
    expect(regelwerkFuerJahr(2022).id).toBe("LSZ-2022");
    expect(regelwerkFuerJahr(2040).id).toBe("LSZ-2022"); // open-ended
  });

  it("overlapping periods, a gap, an open end before the last, and limits no plan can meet are refused in German", () => {
    const a = mitPeriode("A", 2019, 2021);
    expect(() => gepruefteRegelwerke({ A: a, B: mitPeriode("B", 2021, null) })).toThrow(
      "A und B: Förderperioden überschneiden sich",
    );
    expect(() => gepruefteRegelwerke({ A: a, B: mitPeriode("B", 2023, null) })).toThrow(
      "Lücke zwischen den Förderperioden (2022–2022)",
    );
    expect(() =>
      gepruefteRegelwerke({ A: mitPeriode("A", 2019, null), B: mitPeriode("B", 2022, null) }),
    ).toThrow("überschneiden sich");
    expect(() =>
      gepruefteRegelwerke({ A: mitPeriode("A", 2019, null, { landesquote_max: 0.8, eigenanteil_min: 0.3 }) }),
    ).toThrow("zusammen mehr als 100 %");
    expect(() => gepruefteRegelwerke({ A: mitPeriode("B", 2019, null) })).toThrow("A: trägt die Kennung B");
    expect(() => gepruefteRegelwerke({ A: mitPeriode("A", 2021, 2019) })).toThrow(
      "endet (2019) vor ihrem Beginn",
    );
    expect(
      gepruefteRegelwerke({ A: a, B: mitPeriode("B", 2022, 2024), C: mitPeriode("C", 2025, null) }),
    ).toBeTruthy();
  });
});
