/**
 * The charts' numbers: what each chart shows, in which order, and that it adds up to the cent with the
 * result it is drawn from.
 */
import { describe, expect, it } from "vitest";
import {
  MAX_BALKEN,
  allocationRequestSchema,
  ausschoepfung,
  ausschoepfungText,
  ganzeProzent,
  diagrammBlock,
  diagrammQuelle,
  diagrammZellen,
  finanzplanDiagramm,
  finanzplanJahresDiagramm,
  verteile,
  verteilDiagramme,
  type Region,
} from "../../shared";
import { kreiseAlsRegionen } from "../hilfen/daten";
import { pruefePlan, zeile, FINANZPLAN } from "../hilfen/plan";

const cent = (x: number) => Math.round(x * 100);

function verteilung(regionen: Region[], teil: Record<string, unknown> = {}) {
  return verteile(
    allocationRequestSchema.parse({
      regelwerk: "LSZ-2019",
      foerderjahr: 2019,
      haushaltsmittel_eur: 10_000_000,
      stichtag: "31.12.2017",
      regionen,
      ...teil,
    }),
  );
}

describe("the ministry's chart: Förderhöchstbetrag per Kreis by indicator", () => {
  const e = verteilung(kreiseAlsRegionen());
  const [stapel, veraenderung] = verteilDiagramme(e);

  it("has a bar per Kreis, largest first, stacked by the four indicator parts", () => {
    expect(stapel!.typ).toBe("BarStacked");
    expect(stapel!.reihen).toEqual([
      "Bevölkerung",
      "Abhängigenquotient",
      "Mindestsicherung",
      "inverse Dichte",
    ]);
    expect(stapel!.kategorien).toHaveLength(23);
    const betrag = (name: string) => e.regionen.find((r) => r.name === name)!.foerderhoechstbetrag_eur!;
    const betraege = stapel!.kategorien.map(betrag);
    expect(betraege).toEqual([...betraege].sort((a, b) => b - a));
    expect(betrag(stapel!.kategorien[0]!)).toBe(
      Math.max(...e.regionen.map((r) => r.foerderhoechstbetrag_eur!)),
    );
    expect(stapel!.umgekehrt).toBe(true);
  });

  it("each bar adds up to the Kreis's amount, to the cent (but for the rounding difference)", () => {
    stapel!.kategorien.forEach((name, i) => {
      const r = e.regionen.find((x) => x.name === name)!;
      const summe = stapel!.werte[i]!.reduce((s, w) => s + cent(w), 0);
      expect(summe + cent(r.rundungsdifferenz_eur!)).toBe(cent(r.foerderhoechstbetrag_eur!));
    });
  });

  it("stands right of the result table, with the chart below it and an empty top-left cell", () => {
    expect(diagrammBlock(stapel!)).toBe("U1:Y25");
    expect(diagrammQuelle(stapel!, true)).toBe("U2:Y25");
    const zellen = diagrammZellen(stapel!);
    expect(zellen[1]![0]).toBe("");
    expect(zellen[0]![0]).toMatch(/^Diagrammdaten: Förderhöchstbetrag 2019/);
    expect(stapel!.platz.von).toBe("A27");
  });

  it("without last year's amounts the change chart is empty and says why", () => {
    expect(veraenderung!.kategorien).toEqual([]);
    expect(veraenderung!.fussnote).toMatch(/Kein Vorjahresbetrag/);
  });

  it("shows the Sockelbetrag as a series of its own and leaves out indicators weighted 0", () => {
    const mit = verteilung(kreiseAlsRegionen(), {
      verfahren: {
        sockelbetrag_eur: 100_000,
        gewichte: { bevoelkerung: 0.5, abhaengigenquotient: 0.5, mindestsicherung: 0, inverse_dichte: 0 },
      },
    });
    const [d] = verteilDiagramme(mit);
    expect(d!.reihen).toEqual(["Sockelbetrag", "Bevölkerung", "Abhängigenquotient"]);
    expect(d!.werte.every((w) => w[0] === 100_000)).toBe(true);
  });

  it(`shows at most ${MAX_BALKEN} bars and says how many it leaves out`, () => {
    const viele: Region[] = Array.from({ length: 120 }, (_, i) => ({
      schluessel: `G${String(i).padStart(3, "0")}`,
      name: `Gemeinde ${i}`,
      einwohner: 1000 + i * 38,
      unter_20: 200,
      von_20_bis_unter_65: 600 + i * 37,
      ab_65: 200 + i,
      mindestsicherung: 50 + i,
      flaeche_km2: 10 + (i % 7),
    }));
    const [d] = verteilDiagramme(verteilung(viele, { ebene: "frei" }));
    expect(d!.kategorien).toHaveLength(MAX_BALKEN);
    expect(d!.fussnote).toBe(`Das Diagramm zeigt ${MAX_BALKEN} von 120 Regionen (die höchsten Beträge).`);
  });

  it("charts the Kreise, not their sum, when one Kreis is split into Gemeinden", () => {
    const regionen: Region[] = [
      { schluessel: "K", name: "Kreis", einwohner: null },
      ...["A", "B", "C"].map((s, i) => ({
        schluessel: s,
        name: `Gemeinde ${s}`,
        gehoert_zu: "K",
        einwohner: 1000 * (i + 1),
        unter_20: 200 * (i + 1),
        von_20_bis_unter_65: 600 * (i + 1),
        ab_65: 200 * (i + 1),
        mindestsicherung: 50,
        flaeche_km2: 10,
      })),
    ] as Region[];
    const [d] = verteilDiagramme(verteilung(regionen, { ebene: "frei" }));
    expect(d!.kategorien).toEqual(["Gemeinde A", "Gemeinde B", "Gemeinde C"]); // fewer people on the same area: more per head
  });
});

describe("the change to last year", () => {
  const regionen = kreiseAlsRegionen().map((r, i) => ({ ...r, vorjahr_eur: i === 3 ? null : 400_000 }));
  const e = verteilung(regionen);
  const [, d] = verteilDiagramme(e);

  it("is the amount minus last year's, per Kreis that has one, largest gain first", () => {
    expect(d!.typ).toBe("BarClustered");
    expect(d!.kategorien).toHaveLength(22);
    d!.kategorien.forEach((name, i) => {
      const r = e.regionen.find((x) => x.name === name)!;
      expect(cent(d!.werte[i]![0]!)).toBe(cent(r.foerderhoechstbetrag_eur!) - 40_000_000);
    });
    const werte = d!.werte.map((w) => w[0]!);
    expect(werte).toEqual([...werte].sort((a, b) => b - a));
    expect(d!.fussnote).toBeNull();
  });

  it("stands below the first chart's data and the first chart", () => {
    const [stapel] = verteilDiagramme(e);
    expect(d!.zeile).toBe(diagrammZellen(stapel!).length + 2);
    expect(Number(/\d+$/.exec(d!.platz.von)![0])).toBeGreaterThan(Number(/\d+$/.exec(stapel!.platz.bis)![0]));
  });
});

describe("the Kreis's chart: Landesmittel, Eigenanteil and Drittmittel per Handlungsfeld and year", () => {
  it("sums per Handlungsfeld and year add up to the year's sums; no cap line in this view", () => {
    const finanzplan = [
      ...FINANZPLAN,
      zeile("1.1", 7000, { jahr: 2020, drittmittel: 1000, personalausgaben: 11000 }),
      zeile("2.1", 3500, { jahr: 2020 }),
    ];
    const e = pruefePlan({ finanzplan });
    const d = finanzplanDiagramm(e);
    expect(d.typ).toBe("ColumnStacked");
    expect(d.reihen).toEqual(["Landesmittel", "Eigenanteil", "Drittmittel"]);
    expect(d.linien).toBe(0);
    expect(d.kategorien).toEqual([
      "2019 · HF 1",
      "2019 · HF 2",
      "2019 · HF 3",
      "2019 · HF 4",
      "2019 · HF 5",
      "2019 · HF 6",
      "2020 · HF 1",
      "2020 · HF 2",
    ]);
    for (const jahr of [2019, 2020]) {
      const zeilen = d.werte.filter((_, i) => d.kategorien[i]!.startsWith(String(jahr)));
      const s = e.summen[String(jahr)]!;
      expect(zeilen.reduce((x, w) => x + cent(w[0]!), 0)).toBe(cent(s.landesmittel_eur));
      expect(zeilen.reduce((x, w) => x + cent(w[1]!), 0)).toBe(cent(s.eigenanteil_eur));
      expect(zeilen.reduce((x, w) => x + cent(w[2]!), 0)).toBe(cent(s.drittmittel_eur));
    }
    expect(d.werte[6]![2]).toBe(1000);
    expect(d.fussnote).toBeNull();
  });

  it("leaves out unreadable rows and counts them", () => {
    const finanzplan = FINANZPLAN.map((z, i) => (i === 0 ? { ...z, landesmittel: "viel" } : z));
    const e = pruefePlan({
      finanzplan,
      kreis: { schluessel: "16070", name: "Ilm-Kreis", foerderstufe: 3, foerderhoechstbetrag_eur: null },
    });
    const d = finanzplanDiagramm(e);
    expect(d.kategorien).toHaveLength(5);
    expect(d.reihen).toEqual(["Landesmittel", "Eigenanteil", "Drittmittel"]);
    expect(d.linien).toBe(0);
    expect(d.fussnote).toMatch(/^1 Zeile des Finanzplans .* fehlen\.$/);
    // The year view has no cap line then, and says why.
    const j = finanzplanJahresDiagramm(e);
    expect(j.reihen).toEqual(["Landesmittel", "70 % der Bemessungsgrundlage"]);
    expect(j.linien).toBe(1);
    expect(j.fussnote).toContain("Kein Förderhöchstbetrag im Blatt Parameter");
  });

  it("an empty Finanzplan gives an empty chart that says so", () => {
    const d = finanzplanDiagramm(pruefePlan({ finanzplan: [] }));
    expect(d.kategorien).toEqual([]);
    expect(d.fussnote).toMatch(/Keine Finanzplanzeile/);
  });
});

describe("the Kreis's chart per year: Landesmittel against the two limits", () => {
  it("one column per year; the Förderhöchstbetrag and 70 % of the Bemessungsgrundlage as lines, to the cent", () => {
    const finanzplan = [
      ...FINANZPLAN,
      zeile("1.1", 7000, { jahr: 2020, drittmittel: 1000, personalausgaben: 11000 }),
    ];
    const e = pruefePlan({ finanzplan });
    const d = finanzplanJahresDiagramm(e);
    expect(d.typ).toBe("ColumnClustered");
    expect(d.reihen).toEqual(["Landesmittel", "Förderhöchstbetrag", "70 % der Bemessungsgrundlage"]);
    expect(d.linien).toBe(2);
    expect(d.kategorien).toEqual(["2019", "2020"]);
    for (const [i, jahr] of ["2019", "2020"].entries()) {
      const s = e.summen[jahr]!;
      expect(d.werte[i]).toEqual([
        s.landesmittel_eur,
        100_100,
        Math.floor(s.bemessungsgrundlage_eur * 70) / 100,
      ]);
    }
  });
});

describe("Ausschöpfung", () => {
  it("is Landesmittel over Förderhöchstbetrag per year, in words as the pane shows it", () => {
    const e = pruefePlan({ finanzplan: FINANZPLAN.slice(1) });
    const [a] = ausschoepfung(e);
    expect(a).toMatchObject({ jahr: 2019, landesmittel_eur: 86_100, foerderhoechstbetrag_eur: 100_100 });
    expect(a!.anteil).toBeCloseTo(86_100 / 100_100, 12);
    expect(a!.landesquote).toBeCloseTo(0.7, 12);
    expect(ausschoepfungText(a!)).toBe("Ausschöpfung 2019: 86.100 € von 100.100 € (86 %)");
    expect(ausschoepfungText(a!, "en")).toBe("Utilisation 2019: €86,100 of €100,100 (86%)");
    expect(a!.landesquote_max).toBe(0.7);
  });

  it("never rounds a percentage across the limit", () => {
    expect(ganzeProzent(0.996)).toBe(99);
    expect(ganzeProzent(1)).toBe(100);
    expect(ganzeProzent(1.002)).toBe(101);
    expect(ganzeProzent(0.92)).toBe(92);
  });
});
