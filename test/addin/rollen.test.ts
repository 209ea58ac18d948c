/**
 * The flow a Kreis finance officer really does: check the plan, then compute the Förderhöchstbeträge
 * in the same workbook, then look. The allocation writes only its own output: the Prüfbericht, the
 * statuses and the seal of the check stay, and the seal still says that a Fehler is open.
 */
import { describe, expect, it } from "vitest";
import {
  finanzplanPruefen,
  foerderhoechstbetraegeBerechnen,
  mappenStand,
  siegelStand,
} from "../../addin/src/ablauf";
import { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import { createGateway } from "../../addin/src/gateway/gateway";
import { siegelText } from "../../shared";
import { beispiel } from "./fake-hilfen";

describe("check → allocate → look", () => {
  it("the allocation never touches the Prüfbericht, the statuses or the seal", async () => {
    const m = beispiel();
    const gateway = createGateway(m.api());
    const pruefung = await finanzplanPruefen({
      gateway,
      dienst: null,
      jetzt: () => "2026-12-02T13:03:00.000Z",
    });
    expect(pruefung.art === "ok" && pruefung.anzahl.fehler).toBe(1);
    const vorher = m.abbild();

    const verteilung = await foerderhoechstbetraegeBerechnen({ gateway, dienst: null });
    expect(verteilung.art).toBe("ok");
    const nachher = m.abbild();
    for (const blatt of ["Prüfbericht", "Maßnahmen", "Finanzplan", "Parameter"])
      expect(nachher[blatt], blatt).toEqual(vorher[blatt]);
    expect(Object.keys(nachher)).toContain("Verteilungsbericht");
    expect(Object.keys(nachher)).toContain("Förderhöchstbeträge");

    const stand = await siegelStand(gateway);
    // Checked here (no service): unchanged, but unsigned; the counts are those of a check now.
    expect(stand.art).toBe("nicht_signiert");
    expect(siegelText(stand)).toBe(
      "nicht signiert (lokal geprüft) – Befunde jetzt: 1 Fehler, 2 Warnungen, 0 Hinweise",
    );
    expect(siegelText(stand)).not.toContain("alles in Ordnung");
  });
});

describe("what the workbook is for", () => {
  const rolle = async (m: ReturnType<typeof beispiel>) => (await mappenStand(createGateway(m.api()))).rolle;

  it("the example holds both a Kreis plan and the ministry's indicators", async () => {
    expect(await rolle(beispiel())).toBe("beide");
  });

  it("a Kreis plan without indicators, the ministry's workbook without a plan, an untouched template, no template", async () => {
    const ohne = (m: ReturnType<typeof beispiel>, blatt: string) => {
      const t = m.tabellen.find((x) => x.blatt === blatt)!;
      for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++)
        for (let s = t.spalte; s < t.spalte + t.spalten; s++) m.setze(blatt, z, s, null);
      return m;
    };
    expect(await rolle(ohne(beispiel(), "Indikatoren"))).toBe("kreis");
    expect(await rolle(ohne(ohne(beispiel(), "Maßnahmen"), "Finanzplan"))).toBe("ministerium");
    expect(await rolle(ohne(ohne(ohne(beispiel(), "Maßnahmen"), "Finanzplan"), "Indikatoren"))).toBe("leer");
    const fremd = new FakeArbeitsmappe();
    fremd.setze("Tabelle1", 1, 1, "Haushalt 2019");
    expect(await rolle(fremd)).toBe("keine");
  });
});

describe("the live seal's source", () => {
  it("Excel's onChanged events where ExcelApi 1.7 has them (a user's edit is heard), else the pane asks from time to time", async () => {
    const m = beispiel();
    let gehoert = 0;
    expect(await createGateway(m.api()).beobachte(() => gehoert++)).toBe("ereignisse");
    await m.nutzerAendert("Finanzplan", 4, 11, 9001);
    expect(gehoert).toBe(1);
    await m.nutzerAendert("Anleitung", 1, 1, "nicht beobachtet"); // outside the input tables
    expect(gehoert).toBe(1);
  });
});
