/**
 * One slip, one story (issue #27, point 2). One mistyped amount in the example plan (the Ilm-Kreis
 * Finanzplan 2019, Landesmittel = Förderhöchstbetrag to the euro) — the issue's own 99.999 for 9.000,
 * a zero too many or too few, two digits swapped, one per money column the plan fills — and then:
 * the row's own finding first, on the cell that was mistyped; every other finding of the slip says it
 * follows from that row (as Excel numbers it: header row 1) and points at that cell, not at the
 * Übersicht; all of them advise the same one change, and that change, applied, leaves exactly the
 * findings the plan had before the slip.
 */
import { describe, expect, it } from "vitest";
import { createGateway } from "../../../addin/src/gateway/gateway";
import { aufteilungText } from "../../../addin/src/aufteilung";
import { pruefAnfrage, pruefAusgabe } from "../../../shared/arbeitsmappe";
import { FINANZPLAN, type Betragsfeld } from "../../../shared/arbeitsmappe/layout";
import { zellAdresse } from "../../../shared/arbeitsmappe/tabellen";
import { sortiereBefunde, type Befund } from "../../../shared/befund";
import { vertippt } from "../../../shared/pruefung/folgen";
import { BEHEBEN_FOLGE } from "../../../shared/regeln/katalog";
import { pruefe } from "../../../shared/pruefung/pruefe";
import { validationRequestSchema, type ValidationRequest } from "../../../shared/pruefung/schema";
import { beispiel } from "../../addin/fake-hilfen";

async function beispielAnfrage() {
  const { mappe } = await createGateway(beispiel().api()).leseTabellen();
  const p = pruefAnfrage(mappe);
  if (!p.ok) throw new Error("Beispiel nicht lesbar");
  return p;
}

function mit(anfrage: ValidationRequest, i: number, feld: Betragsfeld, wert: number) {
  const a = structuredClone(anfrage);
  (a.finanzplan[i] as Record<string, unknown>)[feld] = wert;
  return pruefe(validationRequestSchema.parse(a));
}

const ohneText = (b: Befund) => `${b.regel} ${b.tabelle}:${b.zeile}:${b.spalte}`;

// Row index as sent (0-based here), the field, what was meant and what was typed.
const VERTIPPER: [string, number, Betragsfeld, number, number][] = [
  ["Landesmittel 99.999 statt 9.000 (the issue's slip)", 1, "landesmittel", 9000, 99999],
  ["Landesmittel mit einer Null zu wenig", 4, "landesmittel", 12000, 1200],
  ["Eigenmittel Kreis mit einer Null zu viel", 4, "eigenmittel_kreis", 5143, 51430],
  ["Eigenmittel Kreis mit vertauschten Ziffern", 1, "eigenmittel_kreis", 3858, 3585],
  ["Personalausgaben mit einer Null zu viel", 4, "personalausgaben", 10286, 102860],
  ["Sachausgaben mit vertauschten Ziffern", 4, "sachausgaben", 6857, 6587],
];

describe("one slip in the example plan: one story", async () => {
  const p = await beispielAnfrage();
  const vorher = pruefe(validationRequestSchema.parse(p.anfrage)).befunde.map(ohneText);

  it("the example plan is what was meant: its amounts are the ones the slips replace", () => {
    for (const [, i, feld, gemeint] of VERTIPPER) expect(p.anfrage.finanzplan[i]![feld]).toBe(gemeint);
  });

  it.each(VERTIPPER)("%s", (_, i, feld, gemeint, getippt) => {
    const ergebnis = mit(p.anfrage, i, feld, getippt);
    const neu = sortiereBefunde(ergebnis.befunde.filter((b) => !vorher.includes(ohneText(b))));
    const zeile = i + 1; // as sent
    const excel = zeile + 1; // header in row 1
    expect(neu.length).toBeGreaterThan(0);

    // The row's own finding first, on the mistyped cell, with the one change.
    const [eigener, ...folgen] = neu;
    expect(eigener).toMatchObject({ regel: "F04", tabelle: "finanzplan", zeile, spalte: feld });
    expect(eigener!.folgt_aus).toBeUndefined();
    const behebung = { tabelle: "finanzplan", zeile, spalte: feld, wert_eur: gemeint };
    expect(eigener!.behebung).toEqual(behebung);
    expect(eigener!.meldung).toContain(`So beheben: in Finanzplan Zeile ${excel} `);

    // Every other finding follows from it, says so, and advises the same change — and no other amount.
    for (const b of folgen) {
      expect(b.folgt_aus).toEqual([{ tabelle: "finanzplan", zeile, spalte: feld }]);
      expect(b.meldung).toContain(`Folgt aus Finanzplan Zeile ${excel}: dort `);
      expect(b.behebung).toEqual(behebung);
      // Its own advice (an amount to cut, a base to reach) is gone: the row's change is the advice.
      const eigenes = b.meldung.slice(0, b.meldung.indexOf(" Folgt aus "));
      expect(eigenes).not.toMatch(
        /So beheben|kürzen|erhöhen|weniger|erreichen|höchstens [\d.,]+ € Landesmittel/,
      );
    }

    // No cause guessed that the row does not show.
    for (const b of neu) expect(b.meldung).not.toMatch(/z\. ?B\./);

    // The one change, applied, leaves the plan's findings before the slip and nothing else.
    const danach = mit(p.anfrage, i, feld, behebung.wert_eur);
    expect(danach.befunde.map(ohneText)).toEqual(vorher);
  });

  it("the issue's slip: F04 first, then F05, F01 and F02, each following from Finanzplan Zeile 3", () => {
    const ergebnis = mit(p.anfrage, 1, "landesmittel", 99999);
    const neu = sortiereBefunde(ergebnis.befunde).filter((b) => !vorher.includes(ohneText(b)));
    expect(neu.map((b) => b.regel)).toEqual(["F04", "F01", "F02", "F05"]);
    expect(neu[0]!.meldung).toBe(
      "Zeile nicht ausgeglichen: Gesamtausgaben 12.858,00 €, Finanzierung 103.857,00 € (Überdeckung 90.999,00 €) (Maßnahme 1.2, 2019). So beheben: in Finanzplan Zeile 3 Landesmittel von 99.999,00 € auf 9.000,00 € ändern; dann ist die Zeile ausgeglichen und die 3 Befunde, die daraus folgen, behoben.",
    );
    expect(neu[3]!.meldung).toBe(
      "Landesquote 777,7 % über 70 % (Maßnahme 1.2, 2019). Folgt aus Finanzplan Zeile 3: dort Landesmittel von 99.999,00 € auf 9.000,00 € ändern.",
    );
    expect(neu[1]!.meldung).toBe(
      "2019: Landesmittel 536.784,00 € sind 84,3 % der Bemessungsgrundlage 636.841,00 €; zulässig sind höchstens 70 % (445.788,70 €). Folgt aus Finanzplan Zeile 3: dort Landesmittel von 99.999,00 € auf 9.000,00 € ändern.",
    );
  });

  it("the Prüfbericht (and the pane, which lists its rows) shows that order and links the year findings to the typed cell", () => {
    const ergebnis = mit(p.anfrage, 1, "landesmittel", 99999);
    const bericht = pruefAusgabe(ergebnis, p.bezug).bericht.filter((z) => z.regel.startsWith("F"));
    const spalte = p.bezug.finanzplan.spalten.get("landesmittel")!;
    const zelle = zellAdresse(spalte, p.bezug.finanzplan.sheetZeilen[1]!);
    expect(zelle).toBe(`${zelle.replace(/\d+$/, "")}3`);
    // The consequences' advice is the row's: no rule advice of their own with its own amount.
    for (const z of bericht.slice(1)) expect(z.beheben).toBe(BEHEBEN_FOLGE);
    expect(bericht.map((z) => [z.regel, z.blatt, z.zelle, z.folge ?? false])).toEqual([
      ["F04", FINANZPLAN.blatt, zelle, false],
      ["F01", FINANZPLAN.blatt, zelle, true],
      ["F02", FINANZPLAN.blatt, zelle, true],
      ["F05", FINANZPLAN.blatt, zelle, true],
    ]);
  });

  it("a year finding of its own (no slip) still points at the Übersicht's sum", () => {
    // All Landesmittel of 1.2 moved to Eigenmittel: the row balances, the year is under the Förderhöchstbetrag.
    const a = structuredClone(p.anfrage);
    Object.assign(a.finanzplan[1]!, { landesmittel: 0, eigenmittel_kreis: 12858 });
    const ergebnis = pruefe(validationRequestSchema.parse(a));
    const f13 = pruefAusgabe(ergebnis, p.bezug).bericht.find((z) => z.regel === "F13")!;
    expect(f13.blatt).not.toBe(FINANZPLAN.blatt);
    expect(f13.folge).toBeUndefined();
  });
});

// The example fills four money columns. For the others, its row 2.1 (Landesmittel 38.000 €,
// Bemessungsgrundlage 54.286 €, as in the example) written out over every column: same Landesmittel,
// same Bemessungsgrundlage, more Eigenanteil — the plan's findings stay those of the example.
const VOLLE_ZEILE = {
  personalausgaben: 30000,
  sachausgaben: 12000,
  verwaltungsausgaben: 6000,
  honorarausgaben: 8000,
  investitionen: 3000,
  drittmittel: 1714,
  eigenmittel_kreis: 10000,
  anteil_gemeinden: 9286,
  landesmittel: 38000,
};
const VOLL: [string, Betragsfeld, number][] = [
  ["Verwaltungsausgaben mit einer Null zu viel", "verwaltungsausgaben", 60000],
  ["Honorarausgaben mit einer Null zu wenig", "honorarausgaben", 800],
  ["Investitionen mit einer Null zu viel", "investitionen", 30000],
  ["Drittmittel mit einer Null zu viel", "drittmittel", 17140],
  ["Anteil Gemeinden mit vertauschten Ziffern", "anteil_gemeinden", 9268],
];

describe("one slip in the columns the example leaves empty: one story", async () => {
  const p = await beispielAnfrage();
  const beispielBefunde = pruefe(validationRequestSchema.parse(p.anfrage)).befunde.map(ohneText);
  const anfrage = structuredClone(p.anfrage);
  expect(anfrage.finanzplan[3]!.massnahme_nr).toBe("2.1");
  Object.assign(anfrage.finanzplan[3]!, VOLLE_ZEILE);
  const vorher = pruefe(validationRequestSchema.parse(anfrage)).befunde.map(ohneText);

  it("the row written out changes none of the example's findings", () => {
    expect(vorher).toEqual(beispielBefunde);
  });

  it.each(VOLL)("%s", (_, feld, getippt) => {
    const ergebnis = mit(anfrage, 3, feld, getippt);
    const neu = sortiereBefunde(ergebnis.befunde.filter((b) => !vorher.includes(ohneText(b))));
    const behebung = { tabelle: "finanzplan", zeile: 4, spalte: feld, wert_eur: VOLLE_ZEILE[feld] };
    expect(neu[0]).toMatchObject({ regel: "F04", zeile: 4, spalte: feld, behebung });
    for (const b of neu.slice(1)) {
      expect(b.folgt_aus).toEqual([{ tabelle: "finanzplan", zeile: 4, spalte: feld }]);
      expect(b.meldung).toContain("Folgt aus Finanzplan Zeile 5: dort ");
      expect(b.behebung).toEqual(behebung);
    }
    expect(mit(anfrage, 3, feld, behebung.wert_eur).befunde.map(ohneText)).toEqual(vorher);
  });
  it("two cells that could equally be the slip: no change named, nothing guessed", () => {
    // Anteil Gemeinden 9.826 for 9.286 leaves 540 € too much; Drittmittel 1.174 instead of 1.714
    // would balance the row as well and is a swap of two digits too. The row's F04 says the gap only.
    const ergebnis = mit(anfrage, 3, "anteil_gemeinden", 9826);
    const neu = ergebnis.befunde.filter((b) => !vorher.includes(ohneText(b)));
    expect(neu.map((b) => b.regel)).toEqual(["F04"]);
    expect(neu[0]!.behebung).toBeUndefined();
    expect(neu[0]!.meldung).not.toContain("So beheben");
  });
});

describe("a typing slip, digit by digit", () => {
  it.each([
    [900000, 9000000, true], // a zero too many
    [1285800, 128580, true], // a zero too few
    [685700, 658700, true], // two neighbours swapped
    [385800, 395800, true], // one digit other
    [900000, 9999900, false], // 99.999 for 9.000: no slip of this kind
    [385800, 853800, false], // two digits apart swapped
    [100, 100, false],
  ])("%i → %i: %s", (alt, neu, erwartet) => {
    expect(vertippt(alt, neu)).toBe(erwartet);
  });
});

describe("no guessed cause", () => {
  it("the pane's split of the Bemessungsgrundlage says the sum, not a cause the row does not show", () => {
    expect(aufteilungText(0.87, 0.3, 0.7, "de")).not.toMatch(/z\. ?B\./);
    expect(aufteilungText(0.87, 0.3, 0.7, "en")).not.toMatch(/e\. ?g\./);
  });
});
