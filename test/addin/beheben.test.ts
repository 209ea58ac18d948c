/**
 * Every finding says what to do: the rule's „So beheben“ (with the rule set's limits) on the
 * Prüfbericht and in the pane, and year rules point at the cell that shows the year's sum.
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import { FINANZPLAN_UEBERSICHT, PRUEFBERICHT, REGELWERKE } from "../../shared";
import { BEHEBEN, REGEL_CODES, behebenText } from "../../shared/regeln/katalog";
import { befundZeile, beispiel, spalteVon } from "./fake-hilfen";

describe("So beheben", () => {
  it("every rule has one, and the limits come from the rule set (a 75/25 rule set says 75 %)", () => {
    for (const c of REGEL_CODES) expect(BEHEBEN[c].length, c).toBeGreaterThan(20);
    const rw = REGELWERKE["LSZ-2019"];
    expect(behebenText("F01", rw)).toContain("höchstens 70 % der Bemessungsgrundlage");
    const anders = { ...rw, grenzen: { ...rw.grenzen, landesquote_max: 0.75, eigenanteil_min: 0.25 } };
    expect(behebenText("F01", anders)).toContain("höchstens 75 % der Bemessungsgrundlage");
    expect(behebenText("F03", anders)).toContain("mindestens 25 % der Bemessungsgrundlage");
  });

  it("the Prüfbericht has a column „So beheben“ beside each finding", async () => {
    const m = beispiel();
    await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    const spalte = PRUEFBERICHT.kopf.indexOf("So beheben") + 1;
    expect(m.wert("Prüfbericht", befundZeile(m, 0), spalte)).toBe("So beheben");
    expect(m.wert("Prüfbericht", befundZeile(m, 1), 2)).toBe("M01");
    expect(m.wert("Prüfbericht", befundZeile(m, 1), spalte)).toBe(BEHEBEN.M01);
  });

  it("F01 points at the year's Landesquote on the Übersicht, not at a table header", async () => {
    const m = beispiel();
    // One Finanzplan row takes far more Landesmittel (and stays balanced): the year is above 70 %.
    const lm = spalteVon(m, "Finanzplan", "Landesmittel").spalte;
    const ek = spalteVon(m, "Finanzplan", "Eigenmittel Kreis").spalte;
    const lmAlt = Number(m.wert("Finanzplan", 2, lm));
    const ekAlt = Number(m.wert("Finanzplan", 2, ek));
    m.setze("Finanzplan", 2, lm, lmAlt + ekAlt);
    m.setze("Finanzplan", 2, ek, 0);
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art).toBe("ok");
    if (e.art !== "ok") return;
    const f01 = e.befunde.find((b) => b.regel === "F01");
    expect(f01).toBeDefined();
    expect(f01!.blatt).toBe(FINANZPLAN_UEBERSICHT.blatt);
    const [, spalte, zeile] = /^([A-Z])(\d+)$/.exec(f01!.zelle!)!;
    expect(spalte).toBe("E");
    // That cell holds the year and its Landesquote, as written by the same check.
    expect(m.wert(FINANZPLAN_UEBERSICHT.blatt, Number(zeile), 1)).toBe(2019);
    expect(Number(m.wert(FINANZPLAN_UEBERSICHT.blatt, Number(zeile), 5))).toBeGreaterThan(0.7);
    expect(m.wert(FINANZPLAN_UEBERSICHT.blatt, Number(zeile) - 1 - 0, 5)).not.toBe("");
  });
});

describe("a report to file (add-in)", () => {
  it("the Prüfbericht begins with its summary; every sheet the check writes has a print setup; the add-in's sheets are protected without password; the seal sheet is hidden", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await finanzplanPruefen({ gateway: g, dienst: null });
    expect(m.wert("Prüfbericht", 1, 1)).toBe("Prüfbericht LSZ-Finanzplan");
    expect(m.wert("Prüfbericht", 2, 2)).toBe("Ilm-Kreis (16070)");
    const kopf = befundZeile(m, 0);
    expect(m.druck.get("Prüfbericht")).toEqual({
      ausrichtung: "Landscape",
      breiteSeiten: 1,
      titelZeilen: `$${kopf}:$${kopf}`,
      kopf: "&A",
      kopfRechts: "&D",
      fuss: "Seite &P von &N",
    });
    expect(m.druck.get(FINANZPLAN_UEBERSICHT.blatt)?.ausrichtung).toBe("Landscape");
    for (const blatt of ["Prüfbericht", "LSZ-Siegel", FINANZPLAN_UEBERSICHT.blatt])
      expect(m.schutz.get(blatt), blatt).toEqual({ passwort: null, optionen: {} });
    expect(m.ausgeblendet.has("LSZ-Siegel")).toBe(true);
    expect(m.wert("LSZ-Siegel", 1, 1)).toBe("Prüfsiegel");
    // A second run lifts its own protection, writes and protects again: same sheets, same result.
    const erste = m.abbild();
    await finanzplanPruefen({ gateway: g, dienst: null });
    expect(Object.keys(m.abbild())).toEqual(Object.keys(erste));
    expect(m.schutz.get("Prüfbericht")).toEqual({ passwort: null, optionen: {} });
  });
});
