/**
 * What Excel has that a table does not show at first sight, each with a defined outcome (issue 26,
 * point 5): rows typed or pasted directly below a table stay outside it — Excel widens a table by
 * itself only for a row typed right below it with AutoCorrect's „Include new rows and columns in
 * table“ on, not for pasted rows (Microsoft support, „Resize a table by adding or removing rows and
 * columns“); a deleted grey column in a long table; manual calculation; a shown totals row; a text as
 * long as a cell holds. The sources are cited at each test.
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import { VON_HAND, ohneKopfzeile } from "../../addin/src/gateway/lesen";
import { FINANZPLAN, spaltenBuchstabe } from "../../shared";
import { grosseMappe } from "../hilfen/grosse-mappe";
import { BEISPIEL, beispiel, geaenderteEingaben, spalteVon } from "./fake-hilfen";

const jetzt = () => "2026-12-02T13:03:00.000Z";

describe("rows below a table, outside it", () => {
  it("three pasted Finanzplan rows below the table are named in a Warnung with what to do; nothing is written there", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    const unten = t.zeile + t.zeilen + 1;
    for (let r = 0; r < 3; r++) {
      m.setze(t.blatt, unten + r, t.spalte, `6.${r + 2}`);
      m.setze(t.blatt, unten + r, t.spalte + 1, 2019);
      m.setze(t.blatt, unten + r, t.spalte + 2, 1200 * (r + 1));
    }
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    if (e.art !== "ok") throw new Error(e.meldungen.join(" "));
    const w = e.hinweise.find((h) => h.includes("unter der Tabelle"));
    expect(w).toBe(
      `Zeilen ${unten}–${unten + 2} auf dem Blatt „${t.blatt}“ direkt unter der Tabelle „${t.name}“ gehören nicht zur Tabelle und wurden nicht geprüft. Gehören sie dazu: eine Zelle der Tabelle wählen, Tabellenentwurf → Tabellengröße ändern und den Bereich bis Zeile ${unten + 2} angeben (oder den Griff unten rechts an der Tabelle nach unten ziehen), dann erneut prüfen.`,
    );
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  });

  it("a note after an empty row is the user's own and not named; an untouched workbook has no such Warnung", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    m.setze(t.blatt, t.zeile + t.zeilen + 2, t.spalte, "Stand: Kreistagsbeschluss vom 12.03.2019");
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    if (e.art !== "ok") throw new Error(e.meldungen.join(" "));
    expect(e.hinweise.filter((h) => h.includes("unter der Tabelle"))).toEqual([]);
  });
});

describe("a grey column deleted from a long table (OperationCellsExceedLimit)", () => {
  it("is not added back above Excel's 33.554.000 moved cells: said with what to do, the rest written", async () => {
    // Microsoft Learn, „Error handling with the application-specific JavaScript APIs“:
    // OperationCellsExceedLimit, counted as rows × (16383 − the table's columns) for TableColumnCollection.add.
    const m = grosseMappe(BEISPIEL, 2_100);
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    const letzte = t.spalte + t.spalten - 1;
    const kopf = m.wert(t.blatt, t.zeile, letzte);
    for (let z = t.zeile; z <= t.zeile + t.zeilen; z++) m.setze(t.blatt, z, letzte, null);
    t.spalten--;
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    if (e.art !== "ok") throw new Error(e.meldungen.join(" "));
    expect(e.hinweise.find((h) => h.startsWith("Die graue Spalte"))).toContain(
      `Die graue Spalte „${String(kopf)}“ fehlt in der Tabelle „${t.name}“ und wurde nicht wieder angelegt: bei ${t.zeilen.toLocaleString("de-DE")} Zeilen`,
    );
    expect(m.wert("Prüfbericht", 1, 1)).toBe("Prüfbericht LSZ-Finanzplan");
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  }, 120_000);
});

describe("Excel set to calculate by hand", () => {
  it("says that formula results may be stale and how to recalculate; the setting stays the user's", async () => {
    // Excel.CalculationMode.manual (ExcelApi 1.1): „Calculates only when the user or add-in requests it.“
    const m = beispiel();
    m.berechnung = "Manual";
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    if (e.art !== "ok") throw new Error(e.meldungen.join(" "));
    expect(e.hinweise).toContain(VON_HAND);
    expect(VON_HAND).toMatch(/F9/);
    expect(m.berechnung).toBe("Manual");
    m.berechnung = "Automatic";
    const nochmal = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(nochmal.art === "ok" && nochmal.hinweise).not.toContain(VON_HAND);
  });
});

describe("a table with its totals row shown", () => {
  it("reads the data rows only: the totals row is neither a Finanzplan row nor a row outside the table", async () => {
    // Table.showTotals (ExcelApi 1.3): the totals row is part of Table.getRange(), not of getDataBodyRange().
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    const ohne = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    t.summenzeile = true;
    const summe = t.zeile + t.zeilen + 1;
    m.setze(t.blatt, summe, t.spalte, "Ergebnis");
    for (let s = t.spalte + 2; s < t.spalte + 8; s++) m.setze(t.blatt, summe, s, 99_999);
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    if (e.art !== "ok" || ohne.art !== "ok") throw new Error("nicht geprüft");
    expect(e.anzahl).toEqual(ohne.anzahl);
    expect(e.hinweise.filter((h) => h.includes("unter der Tabelle"))).toEqual([]);
    expect(geaenderteEingaben(m, vorher, m.abbild())).toEqual([]);
  });
});

describe("a text as long as a cell holds", () => {
  it("is named by its cell with what to do, not with the schema's English words; nothing is written", async () => {
    // A cell holds up to 32.767 characters (Microsoft, „Excel specifications and limits“); the request
    // takes 500 per cell (docs/vertrag.md).
    const m = beispiel();
    const titel = spalteVon(m, "Maßnahmen", "Titel");
    m.setze("Maßnahmen", titel.zeile + 2, titel.spalte, "Beratung ".repeat(3_640).slice(0, 32_767));
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e.art === "fehler" && e.meldungen).toEqual([
      `Maßnahmen ${spaltenBuchstabe(titel.spalte)}${titel.zeile + 2} („Titel“): der Text ist länger als 500 Zeichen – so lange Texte prüft das Add-in nicht, und nichts wurde geschrieben. Den Text auf das Wesentliche kürzen (Einzelheiten in eine Anlage) und erneut prüfen.`,
    ]);
    expect(m.abbild()).toEqual(vorher);
  });
});

describe("a table with its header row switched off", () => {
  it("is not read by guess: the pane says which table and how to switch the header row on; nothing is written", async () => {
    // Table.showHeaders (ExcelApi 1.3). What getHeaderRowRange() returns then is not documented
    // (xlwings#2094: nothing on Windows, a wrong range on the Mac), and the columns are found by header.
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    t.ohneKopfzeile = true;
    const vorher = m.abbild();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null, jetzt });
    expect(e.art).toBe("fehler");
    expect(e.art === "fehler" && e.meldungen[0]).toBe(ohneKopfzeile(t.name, t.blatt));
    expect(ohneKopfzeile(t.name, t.blatt)).toMatch(/Tabellenentwurf → Kopfzeile einschalten/);
    expect(m.abbild()).toEqual(vorher);
  });
});
