/**
 * One record per indicator: every other place derives from it. These tests fail where a new indicator
 * would still need a hand elsewhere (a count without a column to type it in, a weight without its
 * Parameter row), and show the derived places with the 2017 programme's four indicators.
 */
import { describe, expect, it } from "vitest";
import { INDIKATOR, INDIKATOREN, gewichtSchluessel } from "../../shared/allocation/indikatoren";
import { regionSchema, verfahrenErgebnisSchema } from "../../shared/allocation/schema";
import { STANDARD_VERFAHREN } from "../../shared/allocation/verteilung";
import { verteilDiagramme } from "../../shared/arbeitsmappe/diagramme";
import {
  ERGEBNIS_SPALTEN,
  FOERDERHOECHSTBETRAEGE,
  INDIKATOREN_TABELLE,
  PARAMETER,
} from "../../shared/arbeitsmappe/layout";
import { verteilAnfrage } from "../../shared/arbeitsmappe/anfragen";
import { verteile } from "../../shared";
import { createGateway } from "../../addin/src/gateway/gateway";
import { beispiel } from "../addin/fake-hilfen";

describe("one record per indicator", () => {
  it("the four indicators of the programme (Bevölkerung, Abhängigenquotient, Mindestsicherung, inverse Dichte)", () => {
    expect(INDIKATOREN).toEqual([
      "bevoelkerung",
      "abhaengigenquotient",
      "mindestsicherung",
      "inverse_dichte",
    ]);
    expect(STANDARD_VERFAHREN.gewichte).toEqual({
      bevoelkerung: 0.25,
      abhaengigenquotient: 0.25,
      mindestsicherung: 0.25,
      inverse_dichte: 0.25,
    });
  });

  it("every count an indicator needs has a column on the Indikatoren sheet and a field in the request", () => {
    const spalten = new Set(INDIKATOREN_TABELLE.spalten.map((s) => s.schluessel));
    for (const k of INDIKATOREN)
      for (const f of INDIKATOR[k].benoetigt) {
        expect(spalten.has(f), `${k}: Spalte ${f}`).toBe(true);
        expect(Object.keys(regionSchema.shape), `${k}: Feld ${f}`).toContain(f);
      }
  });

  it("every weight has its Parameter row (label from the record) and its field in the response", () => {
    for (const k of INDIKATOREN) {
      const zeile = PARAMETER.zeilen.find((z) => z.schluessel === gewichtSchluessel(k));
      expect(zeile?.angabe, k).toBe(INDIKATOR[k].gewichtAngabe);
      expect(Object.keys(verfahrenErgebnisSchema.shape.gewichte.shape)).toContain(k);
    }
  });

  it("the result sheet has for each indicator its € part, its value and its share, in one column list", () => {
    expect(FOERDERHOECHSTBETRAEGE.kopf).toEqual(ERGEBNIS_SPALTEN.map((s) => s.kopf));
    for (const k of INDIKATOREN) {
      const kurz = INDIKATOR[k].kurz;
      expect(FOERDERHOECHSTBETRAEGE.kopf).toContain(`Betrag ${kurz} (€)`);
      expect(FOERDERHOECHSTBETRAEGE.kopf).toContain(`Anteil ${kurz}`);
      expect(FOERDERHOECHSTBETRAEGE.kopf).toContain(INDIKATOR[k].wertKopf);
    }
    expect(new Set(FOERDERHOECHSTBETRAEGE.kopf).size).toBe(FOERDERHOECHSTBETRAEGE.kopf.length);
  });

  it("the example workbook: a weight typed on the Parameter sheet reaches the request; the chart has a series per weighted indicator", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === PARAMETER.tabelle)!;
    let zeile = 0;
    for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++)
      if (m.wert("Parameter", z, 1) === INDIKATOR.mindestsicherung.gewichtAngabe) zeile = z;
    expect(zeile).toBeGreaterThan(0);
    m.setze("Parameter", zeile, 2, 0);
    const a = verteilAnfrage((await createGateway(m.api()).leseTabellen()).mappe);
    if (!a.ok) throw new Error(a.meldungen.join("; "));
    expect(a.anfrage.verfahren?.gewichte).toEqual({
      bevoelkerung: 0.25,
      abhaengigenquotient: 0.25,
      mindestsicherung: 0,
      inverse_dichte: 0.25,
    });
    const stapel = verteilDiagramme(verteile(a.anfrage))[0]!;
    expect(stapel.reihen).toEqual(["Bevölkerung", "Abhängigenquotient", "inverse Dichte"]);
    expect(stapel.farben).toEqual([
      INDIKATOR.bevoelkerung.farbe,
      INDIKATOR.abhaengigenquotient.farbe,
      INDIKATOR.inverse_dichte.farbe,
    ]);
  });
});
