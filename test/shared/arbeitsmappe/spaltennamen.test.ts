/**
 * Amount columns and required fields come from the layout alone (issue 25): a new one is a type error
 * until the reader and the messages know it. The `@ts-expect-error` lines are the proof — `npm run
 * typecheck` fails if one of them stops being an error — and the cases below pin what the rules print.
 */
import { describe, expect, it } from "vitest";
import {
  BETRAGSFELDER,
  FINANZPLAN,
  FINANZPLAN_FELDNAME,
  MASSNAHME_PFLICHTFELDER,
  MASSNAHMEN,
  type BetragsfeldVon,
  type PflichtfeldVon,
} from "../../../shared/arbeitsmappe/layout";
import { BETRAGSROLLE, type Betragsrolle } from "../../../shared/pruefung/betraege";

/** The Finanzplan with one more amount column, as the next rule set might add it. */
interface MitFahrtkosten {
  spalten: readonly (
    (typeof FINANZPLAN.spalten)[number] | { schluessel: "fahrtkosten"; kopf: "Fahrtkosten"; typ: "euro" }
  )[];
}
/** The Maßnahmen with one more required column. */
interface MitPflichtAktenzeichen {
  spalten: readonly (
    | (typeof MASSNAHMEN.spalten)[number]
    | { schluessel: "aktenzeichen"; kopf: "Aktenzeichen"; typ: "text"; pflicht: true }
  )[];
}

describe("Betragsspalten aus dem Layout", () => {
  it("a new euro input column is an amount field the reader has no role for: a type error", () => {
    // @ts-expect-error the reader's roles lack "fahrtkosten"
    const rollen: Record<BetragsfeldVon<MitFahrtkosten>, Betragsrolle> = BETRAGSROLLE;
    // …and today's roles are exactly today's amount columns (the `satisfies` in lesen.ts keeps it so).
    expect(Object.keys(rollen).sort()).toEqual([...BETRAGSFELDER].sort());
  });

  it("an output column in euro is no amount field", () => {
    const ausgabe: BetragsfeldVon<typeof FINANZPLAN>[] = [
      // @ts-expect-error computed output columns are not read
      "gesamtausgaben_eur",
    ];
    expect(BETRAGSFELDER).not.toContain(ausgabe[0]);
  });

  it("the amount fields are the Finanzplan's nine amount columns, in column order", () => {
    // docs/regeln.md: four eligible expense types, Investitionen, and the four kinds of funding.
    expect(BETRAGSFELDER).toEqual([
      "personalausgaben",
      "sachausgaben",
      "verwaltungsausgaben",
      "honorarausgaben",
      "investitionen",
      "drittmittel",
      "eigenmittel_kreis",
      "anteil_gemeinden",
      "landesmittel",
    ]);
  });

  it("every amount field and each typed sum has the name a message gives it", () => {
    expect(BETRAGSFELDER.map((f) => FINANZPLAN_FELDNAME[f])).toEqual([
      "Personalausgaben",
      "Sachausgaben",
      "Verwaltungsausgaben",
      "Honorarausgaben",
      "Investitionen",
      "Drittmittel",
      "Eigenmittel Kreis",
      "Anteil Gemeinden",
      "Landesmittel",
    ]);
    expect(FINANZPLAN_FELDNAME.gesamtausgaben).toBe("Gesamtausgaben");
    expect(FINANZPLAN_FELDNAME.bemessungsgrundlage).toBe("Bemessungsgrundlage");
  });
});

describe("Pflichtfelder aus dem Layout", () => {
  it("a new required column needs its „what may stand there“: a type error until then", () => {
    const erlaubt: Record<PflichtfeldVon<typeof MASSNAHMEN>, string> = {
      nr: "",
      titel: "",
      handlungsfeld: "",
      art: "",
      traeger: "",
      traegerart: "",
      beginn: "",
    };
    // @ts-expect-error "aktenzeichen" has no text yet
    const neu: Record<PflichtfeldVon<MitPflichtAktenzeichen>, string> = erlaubt;
    expect(Object.keys(neu)).toHaveLength(MASSNAHME_PFLICHTFELDER.length);
  });

  it("the required fields are the columns the template marks", () => {
    expect(MASSNAHME_PFLICHTFELDER.map((p) => p.feld)).toEqual([
      "nr",
      "titel",
      "handlungsfeld",
      "art",
      "traeger",
      "traegerart",
      "beginn",
    ]);
  });
});
