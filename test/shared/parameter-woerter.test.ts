/**
 * Parameter values as the ministry writes them (German words in the template and its dropdowns), the
 * API's keys from older workbooks still read; the severity of a rule is the rule set's, not a row of the
 * Kreis's Parameter sheet.
 */
import { describe, expect, it } from "vitest";
import { createGateway } from "../../addin/src/gateway/gateway";
import { LISTEN, PARAMETER, pruefAnfrage, verteilAnfrage } from "../../shared";
import { pruefe } from "../../shared/pruefung/pruefe";
import { validationRequestSchema } from "../../shared/pruefung/schema";
import { beispiel } from "../addin/fake-hilfen";

/** The example with a Parameter value set (or a row added at the end) by its label. */
async function mitParameter(angabe: string, wert: string) {
  const m = beispiel();
  const t = m.tabellen.find((x) => x.name === PARAMETER.tabelle)!;
  let zeile = 0;
  for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++) if (m.wert("Parameter", z, 1) === angabe) zeile = z;
  if (zeile === 0) {
    zeile = t.zeile + t.zeilen + 1;
    t.zeilen++;
    m.setze("Parameter", zeile, 1, angabe);
  }
  m.setze("Parameter", zeile, 2, wert);
  return (await createGateway(m.api()).leseTabellen()).mappe;
}

describe("Parameter values in German", () => {
  it("the dropdowns offer German words", () => {
    expect(LISTEN.normierungen).toEqual(["Summe der Kreiswerte", "bevölkerungsgewichtet"]);
    expect(LISTEN.rundungen).toEqual(["auf volle Euro", "auf Cent"]);
    expect(Object.keys(LISTEN)).not.toContain("schweren");
  });

  it.each([
    ["Summe der Kreiswerte", "summe_der_kreiswerte"],
    ["bevölkerungsgewichtet", "bevoelkerungsgewichtet"],
    ["Bevoelkerungsgewichtet", "bevoelkerungsgewichtet"],
    ["summe_der_kreiswerte", "summe_der_kreiswerte"], // an older workbook's key
  ])("Normierung „%s“ is read as %s", async (wert, schluessel) => {
    const a = verteilAnfrage(await mitParameter("Normierung", wert));
    expect(a.ok && a.anfrage.verfahren?.normierung).toBe(schluessel);
    expect(a.ok && a.hinweise).toEqual([]);
  });

  it.each([
    ["auf volle Euro", "euro"],
    ["auf Cent", "cent"],
    ["cent", "cent"],
  ])("Rundung „%s“ is read as %s", async (wert, schluessel) => {
    const a = verteilAnfrage(await mitParameter("Rundung", wert));
    expect(a.ok && a.anfrage.verfahren?.rundung).toBe(schluessel);
  });

  it("an unknown word is not silently dropped: a Hinweis lists the allowed values", async () => {
    const a = verteilAnfrage(await mitParameter("Rundung", "kaufmännisch"));
    expect(a.ok && a.hinweise).toEqual([
      "Rundung „kaufmännisch“ ist unbekannt und wird nicht verwendet; erlaubt: „auf volle Euro“ oder „auf Cent“.",
    ]);
  });
});

describe("the severity of the 70 % rule is the rule set's", () => {
  it("an old template's row „… über 70 % ist: fehler“ changes nothing and is said once", async () => {
    const a = pruefAnfrage(await mitParameter("Landesquote einer Maßnahme über 70 % ist", "fehler"));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.anfrage.einstellungen).toBeUndefined();
    expect(a.hinweise).toContain(
      "Die Angabe „Landesquote einer Maßnahme über 70 % ist“ im Parameterblatt wird nicht mehr verwendet: wie schwer eine Regel wiegt, legt das Regelwerk des Ministeriums fest, nicht das Parameterblatt.",
    );
    const e = pruefe(validationRequestSchema.parse(a.anfrage));
    expect(e.einstellungen.landesquote_je_massnahme).toBe("warnung"); // LSZ-2019's own
    expect(PARAMETER.zeilen.map((z) => z.angabe)).not.toContain("Landesquote einer Maßnahme über 70 % ist");
  });
});
