/**
 * The Office seam: the gateway and the pane's flow against the in-memory fake of the Excel API.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen, siegelStand } from "../../addin/src/ablauf";
import { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import { createGateway } from "../../addin/src/gateway/gateway";
import { FINANZPLAN, KEINE_VORLAGE, MASSNAHMEN, siegelText, type Rechendienst } from "../../shared";
import { befundZeile, beispiel, geaenderteEingaben } from "./fake-hilfen";
import { pruefeZufallsmappe, zufallsmappeArb } from "./zufallsmappe";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../hilfen/saat";
import { signierenderDienst } from "../hilfen/siegel-dienst";

const wegDienst: Rechendienst = {
  health: async () => ({ art: "nicht_erreichbar", grund: "TypeError: Failed to fetch" }),
  allocation: async () => ({ art: "nicht_erreichbar", grund: "TypeError: Failed to fetch" }),
  validation: async () => ({ art: "nicht_erreichbar", grund: "TypeError: Failed to fetch" }),
  siegelSchluessel: async () => ({ art: "nicht_erreichbar", grund: "TypeError: Failed to fetch" }),
};

describe("Finanzplan prüfen on the example workbook", () => {
  it("finds the example's findings, writes outputs, leaves input untouched, in 5 syncs", async () => {
    const m = beispiel();
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: wegDienst });
    expect(e.art).toBe("ok");
    if (e.art !== "ok") return;
    // K03: the Parameter sheet's 445.785 € against the 453.863 € the example's allocation computes.
    expect(e.anzahl).toEqual({ fehler: 1, warnung: 2, hinweis: 0 });
    expect(e.quelle).toEqual({ art: "lokal", grund: "TypeError: Failed to fetch" });
    expect(e.befunde.map((b) => `${b.regel} ${b.blatt}!${b.zelle}`)).toEqual([
      "M01 Maßnahmen!D6",
      "M09 Maßnahmen!B9",
      "K03 Parameter!B7",
    ]);
    // 2 to read (table list, contents), 1 to look before writing (tables unchanged, no filter), 1 to
    // write (one undo group), 1 to hide the seal sheet and protect — outside the group: protection and
    // visibility have no undo (Microsoft, „Undo capabilities in Excel add-ins“).
    expect(m.syncs).toBe(5);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
    // Outputs: status in the Prüfung column, computed values, the Prüfbericht with links.
    const pruefung = MASSNAHMEN.spalten.findIndex((s) => s.kopf === "Prüfung") + 1;
    expect(m.wert("Maßnahmen", 6, pruefung)).toBe("✖ Fehler");
    expect(m.wert("Maßnahmen", 2, pruefung)).toBe("✓ in Ordnung");
    const bg = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Bemessungsgrundlage (berechnet)") + 1;
    expect(m.wert("Finanzplan", 2, bg)).toBe(60000);
    expect(m.wert("Prüfbericht", befundZeile(m, 1), 2)).toBe("M01");
    expect(m.wert("Prüfbericht", befundZeile(m, 1), 5)).toBe("D6");
    // Runs: read; look; the writes as one undo group; hide and protect (no undo, so not in the group).
    expect(m.laeufe.map((l) => l.delayForCellEdit)).toEqual([true, true, true, true]);
    expect(m.laeufe.map((l) => l.mergeUndoGroup === true)).toEqual([false, false, true, false]);
  });

  it("a second run replaces its own output exactly", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    const jetzt = () => "2026-11-22T10:00:00.000Z";
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
    const erste = m.abbild();
    await finanzplanPruefen({ gateway: g, dienst: null, jetzt });
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

  it("a workbook that is not the template: one German message that says so and how to get it", async () => {
    const m = new FakeArbeitsmappe();
    m.setze("Tabelle1", 1, 1, "Haushalt");
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e).toEqual({ art: "fehler", aktion: "pruefen", grund: "lesen", meldungen: [KEINE_VORLAGE] });
    expect(KEINE_VORLAGE).toContain("nicht die LSZ-Vorlage");
    expect(KEINE_VORLAGE).toContain("lsz vorlage mappe.xlsx");
    expect(KEINE_VORLAGE).not.toContain("tbl");
    expect(m.schreibvorgaenge).toEqual([]);
  });

  it("a template with one table missing names that table and its sheet", async () => {
    const m = beispiel();
    m.tabellen = m.tabellen.filter((t) => t.name !== "tblFinanzplan");
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art === "fehler" && e.meldungen.join(" ")).toContain(
      "Blatt „Finanzplan“: die Tabelle tblFinanzplan",
    );
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
    expect(m.syncs).toBe(5);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  });
});

describe("property: random workbooks", () => {
  it(
    "inputs unchanged, a second run's output equals the first's, at most 6 syncs per run",
    { timeout: EIGENSCHAFT_ZEIT_MS },
    async () => {
      await fc.assert(fc.asyncProperty(zufallsmappeArb(), pruefeZufallsmappe), { numRuns: 150, seed: SAAT });
    },
  );

  it("10.000 Finanzplan rows: one sync more per chunk, every request and response below 4 MB", async () => {
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
    expect(m.syncs).toBeGreaterThan(4);
    expect(m.syncs).toBeLessThanOrEqual(8);
    expect(Math.max(...m.anfragen, ...m.antworten)).toBeLessThan(4_000_000);
    const spaltenSchreiben = m.schreibvorgaenge.filter((w) => w.blatt === "Finanzplan" && w.art === "values");
    expect(spaltenSchreiben).toHaveLength(FINANZPLAN.spalten.filter((s) => s.ausgabe).length);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  }, 60_000);
});

describe("a grey output column the user deleted", () => {
  it("is added back as a table column, moving the user's cells instead of overwriting them", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    // Remove the last column ("Prüfung") from the table, and put a note of the user's right of it.
    const letzte = t.spalte + t.spalten - 1;
    for (let z = t.zeile; z <= t.zeile + t.zeilen; z++) m.setze("Finanzplan", z, letzte, null);
    t.spalten--;
    m.setze("Finanzplan", 3, letzte, "Notiz: Rückfrage beim Träger");
    const g = createGateway(m.api());
    await finanzplanPruefen({ gateway: g, dienst: null });
    expect(m.wert("Finanzplan", 1, letzte)).toBe("Prüfung");
    expect(m.wert("Finanzplan", 2, letzte)).toBe("✓ in Ordnung");
    expect(m.wert("Finanzplan", 3, letzte + 1)).toBe("Notiz: Rückfrage beim Träger");
    expect(m.syncs).toBe(5);
    // A second run finds the column and adds no other.
    const spalten = t.spalten;
    await finanzplanPruefen({ gateway: g, dienst: null });
    expect(t.spalten).toBe(spalten);
  });
});

describe("the seal state of the open workbook", () => {
  it("none before a check, valid after it, changed (naming the cell) after an edit", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    const dienst = await signierenderDienst();
    expect(await siegelStand(g, dienst)).toEqual({ art: "kein_siegel" });
    await finanzplanPruefen({ gateway: g, dienst });
    expect(await siegelStand(g, dienst)).toMatchObject({ art: "gueltig" });
    const lm = FINANZPLAN.spalten.findIndex((s) => s.kopf === "Landesmittel") + 1;
    const vorher = m.wert("Finanzplan", 4, lm);
    m.setze("Finanzplan", 4, lm, 9001);
    const u = await siegelStand(g, dienst);
    // Named as Excel names the cell the user edited (row 4 of the sheet, the table's third data row).
    const zelle = `Finanzplan!${String.fromCharCode(64 + lm)}4`;
    expect(u).toMatchObject({ art: "verfaelscht", aenderungen: [{ ort: zelle, nachher: 900100 }] });
    // A signed seal judged at the ministry: „verfälscht“; in the officer's own pane the same change is
    // their own edit since the check, said neutrally (issue 26).
    expect(siegelText(u)).toMatch(
      new RegExp(`^verfälscht: ${zelle} seit der Prüfung geändert – bitte neu prüfen`),
    );
    expect(siegelText(u, "kreis")).toMatch(
      new RegExp(`^${zelle} seit der Prüfung geändert – bitte neu prüfen`),
    );
    expect(u.art === "verfaelscht" && u.aenderungen[0]!.vorher).toBe(Math.round(Number(vorher) * 100));
    // Checked offline: the seal is unsigned and says so.
    m.setze("Finanzplan", 4, lm, vorher);
    await finanzplanPruefen({ gateway: g, dienst: wegDienst });
    expect(siegelText(await siegelStand(g, dienst))).toMatch(/^nicht signiert \(lokal geprüft\)/);
    // A table the seal covered is gone: the verdict says so instead of blaming the Parameter.
    m.tabellen = m.tabellen.filter((x) => x.name !== FINANZPLAN.tabelle);
    const weg = await siegelStand(g);
    expect(weg).toMatchObject({
      art: "verfaelscht",
      aenderungen: [],
      tabellen: expect.stringContaining("tblFinanzplan"),
    });
    // The seal was unsigned (offline check): nothing to call forged, even at the ministry.
    expect(siegelText(weg)).toMatch(
      /^Tabellen nicht mehr lesbar \(.*tblFinanzplan.*seit der Prüfung geändert/,
    );
  });
});
