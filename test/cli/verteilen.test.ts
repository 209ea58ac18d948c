import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { liesCsv } from "../../shared/csv";
import { REPO } from "../hilfen/daten";
import { LIBREOFFICE, arbeitsordner, libreofficeBlaetter, lsz } from "./hilfen";

describe("lsz verteilen", () => {
  it("distributes 10.000.000 € over the example's 23 Kreise, to CSV and to xlsx", async () => {
    const ordner = await arbeitsordner();
    expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
    const r = await lsz(
      ["verteilen", "beispiel.xlsx", "--haushaltsmittel", "10000000", "--ausgabe", "v.csv"],
      ordner,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Summe 10.000.000,00 €");
    const { kopf, zeilen } = liesCsv(await readFile(join(ordner, "v.csv"), "utf8"));
    expect(kopf[2]).toBe("Förderhöchstbetrag (€)");
    expect(zeilen).toHaveLength(23);
    expect(zeilen.reduce((s, z) => s + Number(z[2]!.replace(",", ".")), 0)).toBe(10_000_000);
  }, 300_000);

  it.skipIf(!LIBREOFFICE)(
    "the xlsx output with its chart blocks, read back by LibreOffice",
    async () => {
      const ordner = await arbeitsordner();
      expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
      expect(
        (
          await lsz(
            [
              "verteilen",
              "beispiel.xlsx",
              "--haushaltsmittel",
              "14500000",
              "--normierung",
              "bevoelkerungsgewichtet",
            ],
            ordner,
          )
        ).code,
      ).toBe(0);
      const lo = await libreofficeBlaetter(join(ordner, "beispiel.verteilung.xlsx"));
      const fhb = lo.get("Förderhöchstbeträge")!;
      expect(fhb.slice(1).reduce((s, z) => s + Number(z[2]), 0)).toBe(14_500_000);
      // The charts' numbers, where the add-in puts them (exceljs cannot write the charts themselves):
      // right of the table, largest amount first, each bar's parts as in the table.
      expect(fhb[0]![20]).toMatch(/^Diagrammdaten: Förderhöchstbetrag 2019 je Region/);
      expect(fhb[1]!.slice(20, 25)).toEqual([
        "",
        "Bevölkerung",
        "Abhängigenquotient",
        "Mindestsicherung",
        "inverse Dichte",
      ]);
      const tabelle = new Map(fhb.slice(1, 24).map((z) => [z[1], z]));
      const balken = fhb.slice(2, 25).map((z) => z.slice(20, 25));
      expect(balken.map((b) => tabelle.get(b[0]!)![2]).map(Number)).toEqual(
        balken.map((b) => Number(tabelle.get(b[0]!)![2])).sort((a, b) => b - a),
      );
      for (const b of balken) expect(b.slice(1)).toEqual(tabelle.get(b[0]!)!.slice(5, 9));
      expect(fhb[26]![20]).toMatch(/^Diagrammdaten: Veränderung 2019 zum Vorjahr/);
      expect(
        fhb
          .slice(28, 51)
          .map((z) => z[20])
          .sort(),
      ).toEqual([...tabelle.keys()].sort());
    },
    300_000,
  );

  it("the official CSV without Mindestsicherung: said once, with how to distribute without it; nothing broken written", async () => {
    const ordner = await arbeitsordner();
    const r = await lsz(
      [
        "verteilen",
        resolve(REPO, "data/thueringen-kreise-2017.csv"),
        "--haushaltsmittel",
        "10000000",
        "--ausgabe",
        "v.csv",
      ],
      ordner,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Nicht verteilt (LSZ-2019, Förderjahr 2019): keine Ausgabedatei geschrieben.");
    expect(r.stdout).toMatch(
      /^FEHLER I04: 23 Regionen \(Erfurt, kreisfreie Stadt \(16051\), .*\): Mindestsicherung fehlt \(gebraucht für Mindestsicherung\)\.$/m,
    );
    expect(r.stdout.match(/Mindestsicherung fehlt/g)).toHaveLength(1);
    expect(r.stdout).toContain("So ohne Mindestsicherung verteilen: --gewichte 0.5,0.25,0,0.25");
    expect(existsSync(join(ordner, "v.csv"))).toBe(false);
    // …but weighting Mindestsicherung with 0 % distributes by the other three
    const ohneMs = await lsz(
      [
        "verteilen",
        resolve(REPO, "data/thueringen-kreise-2017.csv"),
        "--haushaltsmittel",
        "10000000",
        "--gewichte",
        "0.5,0.25,0,0.25",
        "--ausgabe",
        "v.csv",
      ],
      ordner,
    );
    expect(ohneMs.code).toBe(0);
    expect(ohneMs.stdout).toContain("Summe 10.000.000,00 €");
    const { zeilen } = liesCsv(await readFile(join(ordner, "v.csv"), "utf8"));
    expect(zeilen.reduce((s, z) => s + Number(z[2]!.replace(",", ".")), 0)).toBe(10_000_000);
  }, 120_000);

  it("a missing file is named", async () => {
    const r = await lsz(["verteilen", "gibtsnicht.xlsx", "--haushaltsmittel", "1"], await arbeitsordner());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("gibtsnicht.xlsx: Datei nicht gefunden.");
  });
});
