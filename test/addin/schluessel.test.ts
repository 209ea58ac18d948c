/**
 * The right rows or none: between the read and the write a user may sort a table. A sort that keeps
 * the first column (Jahr within one Nr, or an amount among rows of one measure) used to pass the look
 * and put statuses into the wrong rows; the look now compares every row's keys (Nr; Nr and Jahr).
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import { FINANZPLAN } from "../../shared/arbeitsmappe";
import { beispiel, spalteVon } from "./fake-hilfen";

function tauscheZeilen(m: ReturnType<typeof beispiel>, blatt: string, a: number, b: number, breite: number) {
  for (let s = 1; s <= breite; s++) {
    const x = m.wert(blatt, a, s);
    m.setze(blatt, a, s, m.wert(blatt, b, s));
    m.setze(blatt, b, s, x);
  }
}

describe("a table sorted between the read and the write", () => {
  it("Finanzplan sorted by Jahr within one Nr: nothing written, a German sentence", async () => {
    const m = beispiel();
    const nr = spalteVon(m, FINANZPLAN.blatt, "Maßnahme-Nr.");
    const jahr = spalteVon(m, FINANZPLAN.blatt, "Jahr");
    // A measure planned over two years (rows 2 and 3: the same Nr, 2019 and 2020), as Tabelle 3 does.
    m.setze(FINANZPLAN.blatt, 3, nr.spalte, m.wert(FINANZPLAN.blatt, 2, nr.spalte));
    m.setze(FINANZPLAN.blatt, 3, jahr.spalte, 2020);
    const breite = m.tabellen.find((t) => t.name === FINANZPLAN.tabelle)!.spalten;
    // The user sorts by Jahr, descending, while the check computes (before the write's look).
    let vorher = m.abbild();
    m.vorLauf = (lauf) => {
      if (lauf !== 1) return;
      tauscheZeilen(m, FINANZPLAN.blatt, 2, 3, breite);
      vorher = m.abbild();
    };
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art).toBe("fehler");
    if (e.art !== "fehler") return;
    expect(e.grund).toBe("schreiben");
    expect(e.meldungen.join(" ")).toMatch(
      /Tabelle Finanzplan wurde während der Prüfung geändert.*nichts geschrieben/,
    );
    expect(m.abbild()).toEqual(vorher);
  });

  it("an unchanged table is written as before (the keys agree)", async () => {
    const m = beispiel();
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art).toBe("ok");
  });
});

describe("a table longer than the product checks", () => {
  it("is named in German with the limit and what to do, nothing written", async () => {
    const { LISTEN_GRENZEN } = await import("../../shared/grenzen");
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === FINANZPLAN.tabelle)!;
    const nr = spalteVon(m, FINANZPLAN.blatt, "Maßnahme-Nr.");
    const jahr = spalteVon(m, FINANZPLAN.blatt, "Jahr");
    const n = LISTEN_GRENZEN.finanzplan + 1;
    for (let z = 2; z <= n + 1; z++) {
      m.setze(FINANZPLAN.blatt, z, nr.spalte, "1.1");
      m.setze(FINANZPLAN.blatt, z, jahr.spalte, 2019);
    }
    t.zeilen = n;
    const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    expect(e.art).toBe("fehler");
    expect(e.art === "fehler" && e.meldungen[0]).toBe(
      "Tabelle Finanzplan: mehr als 20.000 Zeilen – so viele kann das Add-in nicht prüfen. Leere oder überzählige Zeilen am Tabellenende löschen (oder die Mappe teilen) und erneut starten.",
    );
  }, 120_000);
});
