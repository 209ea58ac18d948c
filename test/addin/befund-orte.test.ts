/**
 * Findings point where the user types (issue #27: „M10 tells the officer to write the reason in
 * „Begründungen“ — there is no such sheet, the field is on the Parameter sheet — and points at
 * Maßnahmen!C1“). In the example workbook, through the pane's check: M10 names the Parameter sheet's
 * fields by their headers and selects the cell where the reason goes; rows are named as Excel
 * numbers them.
 */
import { describe, expect, it } from "vitest";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import { BEGRUENDUNGEN } from "../../shared/arbeitsmappe/layout";
import { zellAdresse } from "../../shared/arbeitsmappe/tabellen";
import { BEHEBEN } from "../../shared/regeln/katalog";
import { beispiel, spalteVon } from "./fake-hilfen";

const [HF_KOPF, GRUND_KOPF] = BEGRUENDUNGEN.spalten.map((s) => s.kopf) as [string, string];

async function pruefen(m: ReturnType<typeof beispiel>) {
  const e = await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
  if (e.art !== "ok") throw new Error(e.meldungen.join("; "));
  return e;
}

describe("M10 points at the Parameter sheet's field, by its name", () => {
  it("the example's HF 5 row without its reason: the Begründung cell of that row", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === BEGRUENDUNGEN.tabelle)!;
    expect(t.blatt).toBe("Parameter");
    m.setze(t.blatt, t.zeile + 1, t.spalte + 1, null);
    const m10 = (await pruefen(m)).befunde.find((b) => b.regel === "M10")!;
    expect(m10.blatt).toBe("Parameter");
    expect(m10.zelle).toBe(zellAdresse(t.spalte + 1, t.zeile + 1));
    expect(m10.meldung).toContain(
      `auf dem Blatt „Parameter“ unter „${HF_KOPF}“ „5 – Wohnumfeld und Lebensqualität“ wählen und unter „${GRUND_KOPF}“ eintragen`,
    );
    expect(m10.meldung).not.toContain("„Begründungen“");
  });

  it("no row for the field: the first free row's „Handlungsfeld ohne Maßnahme“ cell", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.name === BEGRUENDUNGEN.tabelle)!;
    m.setze(t.blatt, t.zeile + 1, t.spalte, null);
    m.setze(t.blatt, t.zeile + 1, t.spalte + 1, null);
    const m10 = (await pruefen(m)).befunde.find((b) => b.regel === "M10")!;
    expect(m10.blatt).toBe("Parameter");
    expect(m10.zelle).toBe(zellAdresse(t.spalte, t.zeile + 1));
  });

  it("the catalogue's advice names the same sheet and headers", () => {
    expect(BEHEBEN.M10).toContain(`Blatt „${BEGRUENDUNGEN.blatt}“`);
    expect(BEHEBEN.M10).toContain(`„${HF_KOPF}“`);
    expect(BEHEBEN.M10).toContain(`„${GRUND_KOPF}“`);
  });
});

describe("rows as Excel numbers them, even where the table has an empty row", () => {
  it("an unreadable Landesmittel cell below an emptied row: F14 names the cell's own row", async () => {
    const m = beispiel();
    const t = m.tabellen.find((x) => x.blatt === "Finanzplan")!;
    // Row 3 emptied (the reader does not send it), the Landesmittel of row 6 unreadable.
    for (let s = t.spalte; s < t.spalte + t.spalten; s++) m.setze("Finanzplan", t.zeile + 2, s, null);
    const { spalte } = spalteVon(m, "Finanzplan", "Landesmittel");
    m.setze("Finanzplan", t.zeile + 5, spalte, "zwölftausend");
    const f14 = (await pruefen(m)).befunde.find((b) => b.regel === "F14")!;
    expect(f14.meldung).toContain(`Finanzplan Zeile ${t.zeile + 5} (Landesmittel) unlesbar`);
    expect(f14.zelle).toBe(zellAdresse(spalte, t.zeile + 5));
  });
});
