/**
 * The charts through the Office seam: the fake Excel records every chart call (type, source range,
 * number of series) and holds the charts as Excel would, so a re-run can be shown to update in place.
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import {
  DIAGRAMM_NAMEN,
  FINANZPLAN_UEBERSICHT,
  FOERDERHOECHSTBETRAEGE,
  INDIKATOREN_TABELLE,
} from "../../shared";
import { beispiel, geaenderteEingaben } from "./fake-hilfen";

const FHB = FOERDERHOECHSTBETRAEGE.blatt;
const UEB = FINANZPLAN_UEBERSICHT.blatt;
const jetzt = () => "2026-11-22T10:00:00.000Z";

describe("Förderhöchstbeträge berechnen: two charts on the result sheet", () => {
  it("adds a stacked bar chart per Kreis and the change chart, still in 5 syncs", async () => {
    const m = beispiel();
    const vorher = m.abbild();
    const e = await foerderhoechstbetraegeBerechnen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art).toBe("ok");
    expect(m.syncs).toBe(5);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
    expect(m.diagrammAufrufe).toEqual([
      { art: "add", blatt: FHB, name: "Diagramm 1", typ: "BarStacked", quelle: "U2:Y25", serien: 4 },
      { art: "add", blatt: FHB, name: "Diagramm 2", typ: "BarClustered", quelle: "U28:V51", serien: 1 },
    ]);
    const [stapel, veraenderung] = m.diagramme.get(FHB)!;
    expect(stapel).toMatchObject({
      name: DIAGRAMM_NAMEN.foerderhoechstbetraege,
      titel: "Förderhöchstbetrag 2019 je Region nach Indikatoren (€)",
      legende: "Bottom",
      umgekehrt: true,
      zahlenformat: '#,##0 "€"',
      platz: { von: "A27", bis: expect.stringMatching(/^I\d+$/) },
    });
    expect(stapel!.serien.map((s) => s.farbe)).toEqual(["#0072B2", "#E69F00", "#009E73", "#CC79A7"]);
    expect(veraenderung!.name).toBe(DIAGRAMM_NAMEN.veraenderung);
    // What the chart draws: names and parts of the result sheet, largest Förderhöchstbetrag first.
    const daten = m.werteIn(FHB, stapel!.quelle);
    expect(daten[0]).toEqual(["", "Bevölkerung", "Abhängigenquotient", "Mindestsicherung", "inverse Dichte"]);
    const tabelle = new Map(
      Array.from({ length: 23 }, (_, i) => [m.wert(FHB, i + 2, 2), m.wert(FHB, i + 2, 3) as number]),
    );
    const reihenfolge = daten.slice(1).map((z) => tabelle.get(z[0]!)!);
    expect(reihenfolge).toHaveLength(23);
    expect(reihenfolge).toEqual([...reihenfolge].sort((a, b) => b - a));
    daten.slice(1).forEach((z, i) => {
      const zeile = [...tabelle.keys()].indexOf(z[0]!) + 2;
      expect(z.slice(1)).toEqual([6, 7, 8, 9].map((s) => m.wert(FHB, zeile, s)));
      expect(i).toBeLessThan(23);
    });
  });

  it("a re-run updates both charts in place: no second chart, same data", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await foerderhoechstbetraegeBerechnen({ gateway: g, dienst: null });
    const erste = structuredClone(m.diagramme.get(FHB));
    const zellen = m.abbild();
    await foerderhoechstbetraegeBerechnen({ gateway: g, dienst: null });
    expect(m.diagramme.get(FHB)).toEqual(erste);
    expect(m.abbild()).toEqual(zellen);
    expect(m.diagrammAufrufe.map((a) => `${a.art} ${a.name}`)).toEqual([
      "add Diagramm 1",
      "add Diagramm 2",
      `setData ${DIAGRAMM_NAMEN.foerderhoechstbetraege}`,
      `setData ${DIAGRAMM_NAMEN.veraenderung}`,
    ]);
    // A fresh pane (a new gateway) on the same workbook finds the charts by name, too.
    await foerderhoechstbetraegeBerechnen({ gateway: createGateway(m.api()), dienst: null });
    expect(m.diagramme.get(FHB)).toHaveLength(2);
    expect(m.diagrammAufrufe.filter((a) => a.art === "add")).toHaveLength(2);
  });

  it("removes the change chart when last year's amounts are gone, and says why in its data block", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await foerderhoechstbetraegeBerechnen({ gateway: g, dienst: null });
    const t = m.tabellen.find((x) => x.name === INDIKATOREN_TABELLE.tabelle)!;
    const spalte = t.spalte + INDIKATOREN_TABELLE.spalten.findIndex((s) => s.schluessel === "vorjahr_eur");
    for (let z = 1; z <= t.zeilen; z++) m.setze(INDIKATOREN_TABELLE.blatt, t.zeile + z, spalte, null);
    await foerderhoechstbetraegeBerechnen({ gateway: g, dienst: null });
    expect(m.diagramme.get(FHB)!.map((d) => d.name)).toEqual([DIAGRAMM_NAMEN.foerderhoechstbetraege]);
    expect(m.diagrammAufrufe.at(-1)).toEqual({
      art: "delete",
      blatt: FHB,
      name: DIAGRAMM_NAMEN.veraenderung,
    });
    expect(m.wert(FHB, 29, 21)).toMatch(/^Kein Vorjahresbetrag/); // under the block's caption and header
  });
});

describe("Finanzplan prüfen: the Kreis's charts", () => {
  it("per year: Landesmittel against the Förderhöchstbetrag and 70 % of the Bemessungsgrundlage (lines); per Handlungsfeld as a second view", async () => {
    const m = beispiel();
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e.art === "ok" && e.diagramm).toEqual({ blatt: UEB, zelle: "H1" });
    expect(m.syncs).toBe(5);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
    expect(m.diagrammAufrufe.map((a) => [a.art, a.typ, a.serien])).toEqual([
      ["add", "ColumnClustered", 3],
      ["add", "ColumnStacked", 3],
    ]);
    const [jahre, hf] = m.diagramme.get(UEB)!;
    expect(jahre!.serien.map((s) => s.typ)).toEqual(["ColumnClustered", "LineMarkers", "LineMarkers"]);
    const daten = m.werteIn(UEB, jahre!.quelle);
    expect(daten[0]).toEqual(["", "Landesmittel", "Förderhöchstbetrag", "70 % der Bemessungsgrundlage"]);
    // Σ Landesmittel of the years = the Finanzplan's Landesmittel column; the cap on every year.
    const fp = m.tabellen.find((t) => t.name === "tblFinanzplan")!;
    let landesmittel = 0;
    for (let z = 1; z <= fp.zeilen; z++)
      landesmittel += Math.round(Number(m.wert("Finanzplan", fp.zeile + z, 11)) * 100);
    expect(daten.slice(1).reduce((s, z) => s + Math.round((z[1] as number) * 100), 0)).toBe(landesmittel);
    expect(daten.slice(1).every((z) => z[2] === 445_785)).toBe(true);
    // The Ausschöpfung per year stands under the year chart's numbers.
    const ab = daten.length + 3;
    expect(m.wert(UEB, ab, 1)).toBe("Jahr");
    expect(m.wert(UEB, ab + 1, 2)).toBe(daten[1]![1]);
    // The second view: Landesmittel, Eigenanteil, Drittmittel per Handlungsfeld and year, no cap line.
    expect(hf!.serien.map((s) => s.typ)).toEqual(["ColumnStacked", "ColumnStacked", "ColumnStacked"]);
    expect(m.werteIn(UEB, hf!.quelle)[0]).toEqual(["", "Landesmittel", "Eigenanteil", "Drittmittel"]);
    expect(hf!.platz?.von).toBe("H22");
  });

  it("a year over the cap shows a column above the line (125 % of the Förderhöchstbetrag)", async () => {
    const m = beispiel();
    m.setze("Parameter", 7, 2, 445_785 * 0.8); // the cap lowered: the plan draws 125 % of it
    await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    const [jahre] = m.diagramme.get(UEB)!;
    const [, z2019] = m.werteIn(UEB, jahre!.quelle);
    expect((z2019![1] as number) / (z2019![2] as number)).toBeCloseTo(1.25, 2);
  });

  it("a re-run updates the chart in place", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    const erste = structuredClone(m.diagramme.get(UEB));
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    expect(m.diagramme.get(UEB)).toEqual(erste);
    expect(m.diagrammAufrufe.map((a) => a.art)).toEqual(["add", "add", "setData", "setData"]);
  });
});
