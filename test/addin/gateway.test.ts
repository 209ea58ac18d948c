/**
 * The Office seam: the gateway and the pane's flow against the in-memory fake of the Excel API.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen } from "../../addin/src/ablauf";
import { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import type { Wert } from "../../addin/src/gateway/excel-api";
import { createGateway } from "../../addin/src/gateway/gateway";
import { FINANZPLAN, MASSNAHMEN, PARAMETER, parameterZeilen, type Rechendienst } from "../../shared";
import { beispiel, geaenderteEingaben } from "./fake-hilfen";

const wegDienst: Rechendienst = {
  health: async () => ({ art: "nicht_erreichbar", grund: "TypeError: Failed to fetch" }),
  allocation: async () => ({ art: "nicht_erreichbar", grund: "TypeError: Failed to fetch" }),
  validation: async () => ({ art: "nicht_erreichbar", grund: "TypeError: Failed to fetch" }),
};

describe("Finanzplan prüfen on the example workbook", () => {
  it("finds the example's findings, writes outputs, leaves input untouched, in 3 syncs", async () => {
    const m = beispiel();
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: wegDienst });
    expect(e.art).toBe("ok");
    if (e.art !== "ok") return;
    expect(e.anzahl).toEqual({ fehler: 1, warnung: 1, hinweis: 0 });
    expect(e.quelle).toEqual({ art: "lokal", grund: "TypeError: Failed to fetch" });
    expect(e.befunde.map((b) => `${b.regel} ${b.blatt}!${b.zelle}`)).toEqual([
      "M01 Maßnahmen!D6",
      "M09 Maßnahmen!B9",
    ]);
    expect(m.syncs).toBe(3);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
    // Outputs: status in the Prüfung column, computed values, the Prüfbericht with links.
    const pruefung = MASSNAHMEN.spalten.findIndex((s) => s.kopf === "Prüfung") + 1;
    expect(m.wert("Maßnahmen", 6, pruefung)).toBe("✖ Fehler");
    expect(m.wert("Maßnahmen", 2, pruefung)).toBe("✓ in Ordnung");
    const bg = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Bemessungsgrundlage (berechnet)") + 1;
    expect(m.wert("Finanzplan", 2, bg)).toBe(60000);
    expect(m.wert("Prüfbericht", 2, 2)).toBe("M01");
    expect(m.wert("Prüfbericht", 2, 5)).toBe("D6");
    expect(m.laeufe.map((l) => l.delayForCellEdit)).toEqual([true, true]);
    expect(m.laeufe[1]!.mergeUndoGroup).toBe(true);
  });

  it("a second run replaces its own output exactly", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    await finanzplanPruefen({ gateway: g, dienst: null });
    const erste = m.abbild();
    await finanzplanPruefen({ gateway: g, dienst: null });
    expect(m.abbild()).toEqual(erste);
  });

  it("uses mergeUndoGroup only where ExcelApi 1.20 exists", async () => {
    const m = beispiel();
    await finanzplanPruefen({ gateway: createGateway(m.api((v) => v !== "1.20")), dienst: null });
    expect(m.laeufe[1]).toEqual({ delayForCellEdit: true });
  });

  it("selecting a finding moves Excel's selection to its cell", async () => {
    const m = beispiel();
    await createGateway(m.api()).waehleZelle("Maßnahmen", "D6");
    expect(m.auswahl).toEqual({ blatt: "Maßnahmen", adresse: "D6" });
    expect(m.aktivesBlatt).toBe("Maßnahmen");
  });

  it("a workbook without the tables gets German messages naming the sheets", async () => {
    const m = new FakeArbeitsmappe();
    m.setze("Tabelle1", 1, 1, "Haushalt");
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e).toEqual({
      art: "fehler",
      meldungen: expect.arrayContaining([
        expect.stringContaining("Blatt „Maßnahmen“: die Tabelle tblMassnahmen"),
      ]),
    });
    expect(m.schreibvorgaenge).toEqual([]);
  });
});

describe("Förderhöchstbeträge berechnen on the example workbook", () => {
  it("writes the result sheet with 23 Kreise that add up to the budget", async () => {
    const m = beispiel();
    const vorher = m.abbild();
    const e = await foerderhoechstbetraegeBerechnen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art === "ok" && e.summe_eur).toBe(10_000_000);
    let summe = 0;
    for (let z = 2; z <= 24; z++) summe += m.wert("Förderhöchstbeträge", z, 3) as number;
    expect(summe).toBe(10_000_000);
    expect(m.wert("Förderhöchstbeträge", 17, 2)).toBe("Ilm-Kreis");
    expect(m.syncs).toBe(3);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  });
});

describe("property: random workbooks", () => {
  const zelle = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 100_000 }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.string({ maxLength: 8 }),
    fc.constantFrom("1.234,56 €", "viel", "HF 4", "neu", "ab 2. Halbjahr 2019", "2019"),
  );
  const eingabeM = MASSNAHMEN.spalten.filter((s) => !s.ausgabe);
  const eingabeF = FINANZPLAN.spalten.filter((s) => !s.ausgabe);

  it("inputs unchanged, a second run's output equals the first's, at most 3 syncs per run", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(FINANZPLAN.spalten as unknown as (typeof FINANZPLAN.spalten)[number][], {
          minLength: FINANZPLAN.spalten.length,
          maxLength: FINANZPLAN.spalten.length,
        }),
        fc.shuffledSubarray(MASSNAHMEN.spalten as unknown as (typeof MASSNAHMEN.spalten)[number][], {
          minLength: MASSNAHMEN.spalten.length,
          maxLength: MASSNAHMEN.spalten.length,
        }),
        fc.array(fc.array(zelle, { minLength: eingabeF.length, maxLength: eingabeF.length }), {
          maxLength: 40,
        }),
        fc.array(fc.array(zelle, { minLength: eingabeM.length, maxLength: eingabeM.length }), {
          maxLength: 20,
        }),
        fc.boolean(),
        async (fSpalten, mSpalten, fZeilen, mZeilen, extraSpalte) => {
          const m = new FakeArbeitsmappe();
          m.tabelle(
            PARAMETER.tabelle,
            PARAMETER.blatt,
            [...PARAMETER.kopf, "Hinweis"],
            parameterZeilen({
              foerderjahr: 2019,
              foerderstufe: "3",
              foerderhoechstbetrag_eur: 100000,
              fachplan_datum: "2018-01-01",
            }),
          );
          const baue = (
            spalten: readonly { schluessel: string; kopf: string; ausgabe?: boolean }[],
            eingabe: readonly { schluessel: string }[],
            zeilen: unknown[][],
          ) => {
            const kopf = spalten.map((s) => s.kopf);
            if (extraSpalte) kopf.splice(1, 0, "Notiz des Nutzers");
            const werte = zeilen.map((z) => {
              const r: unknown[] = spalten.map((s) =>
                s.ausgabe ? null : z[eingabe.findIndex((e) => e.schluessel === s.schluessel)],
              );
              if (extraSpalte) r.splice(1, 0, "eigene Notiz");
              return r;
            });
            return { kopf, werte: werte as Wert[][] };
          };
          const f = baue(fSpalten, eingabeF, fZeilen);
          const ms = baue(mSpalten, eingabeM, mZeilen);
          m.tabelle(FINANZPLAN.tabelle, FINANZPLAN.blatt, f.kopf, f.werte);
          m.tabelle(MASSNAHMEN.tabelle, MASSNAHMEN.blatt, ms.kopf, ms.werte, 3, 2); // not at A1
          const vorher = m.abbild();
          const g = createGateway(m.api());
          const e1 = await finanzplanPruefen({ gateway: g, dienst: null });
          expect(e1.art).toBe("ok");
          expect(m.syncs).toBeLessThanOrEqual(3);
          const erste = m.abbild();
          expect(geaenderteEingaben(m, vorher, erste)).toEqual([]);
          m.syncs = 0;
          await finanzplanPruefen({ gateway: g, dienst: null });
          expect(m.syncs).toBeLessThanOrEqual(3);
          expect(m.abbild()).toEqual(erste);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("10.000 Finanzplan rows: still 3 syncs, one write per output column", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    for (let r = 0; r < 10_000; r++) {
      FINANZPLAN.spalten.forEach((s, c) => {
        if (!s.ausgabe)
          m.setze(
            "Finanzplan",
            2 + r,
            c + 1,
            s.schluessel === "massnahme_nr"
              ? "1.1"
              : s.schluessel === "jahr"
                ? 2019
                : s.schluessel === "landesmittel"
                  ? 7
                  : s.schluessel === "personalausgaben"
                    ? 10
                    : s.schluessel === "eigenmittel_kreis"
                      ? 3
                      : null,
          );
      });
    }
    t.zeilen = 10_000;
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art).toBe("ok");
    expect(m.syncs).toBe(3);
    const spaltenSchreiben = m.schreibvorgaenge.filter((w) => w.blatt === "Finanzplan" && w.art === "values");
    expect(spaltenSchreiben).toHaveLength(FINANZPLAN.spalten.filter((s) => s.ausgabe).length);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  }, 60_000);
});
