/**
 * The standard workbook: generated from the one layout, read back by LibreOffice (an independent
 * client): sheets, headers and example values come back as written.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  PRUEFBERICHT,
  FOERDERHOECHSTBETRAEGE,
  LISTEN,
} from "../../shared";
import { LIBREOFFICE, arbeitsordner, libreofficeBlaetter, lsz } from "./hilfen";

const BLAETTER = [
  "Anleitung",
  "Parameter",
  "Maßnahmen",
  "Finanzplan",
  "Indikatoren",
  "Prüfbericht",
  "Förderhöchstbeträge",
  "Finanzplan-Übersicht",
  "Listen",
];

describe.skipIf(!LIBREOFFICE)("lsz vorlage, read back by LibreOffice", () => {
  let ordner: string;
  let vorlage: Map<string, string[][]>;
  let beispiel: Map<string, string[][]>;

  beforeAll(async () => {
    ordner = await arbeitsordner();
    expect((await lsz(["vorlage", "vorlage.xlsx"], ordner)).code).toBe(0);
    expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
    vorlage = await libreofficeBlaetter(join(ordner, "vorlage.xlsx"));
    beispiel = await libreofficeBlaetter(join(ordner, "beispiel.xlsx"));
  }, 300_000);

  it("has every sheet, in both forms", () => {
    expect([...vorlage.keys()].sort()).toEqual([...BLAETTER].sort());
    expect([...beispiel.keys()].sort()).toEqual([...BLAETTER].sort());
  });

  it("has the layout's German headers", () => {
    for (const m of [vorlage, beispiel]) {
      expect(m.get("Maßnahmen")![0]).toEqual(MASSNAHMEN.spalten.map((s) => s.kopf));
      expect(m.get("Finanzplan")![0]).toEqual(FINANZPLAN.spalten.map((s) => s.kopf));
      expect(m.get("Indikatoren")![0]).toEqual(INDIKATOREN_TABELLE.spalten.map((s) => s.kopf));
      expect(m.get("Parameter")![0]!.slice(0, 2)).toEqual([...PARAMETER.kopf]);
      expect(
        m
          .get("Parameter")!
          .slice(1)
          .map((z) => z[0]),
      ).toEqual(PARAMETER.zeilen.map((z) => z.angabe));
      expect(m.get("Prüfbericht")![0]).toEqual([...PRUEFBERICHT.kopf]);
      expect(m.get("Förderhöchstbeträge")![0]).toEqual([...FOERDERHOECHSTBETRAEGE.kopf]);
    }
    expect(
      vorlage
        .get("Listen")!
        .slice(1)
        .map((z) => z[0])
        .filter(Boolean),
    ).toEqual(LISTEN.handlungsfelder);
  });

  it("the example carries the Ilm-Kreis plan and the 23 Kreise, labelled as made up", () => {
    const m = beispiel.get("Maßnahmen")!;
    expect(m.slice(1).map((z) => z[0])).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "2.1",
      "3.1",
      "3.2",
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5",
      "6.1",
      "6.2",
      "6.3",
      "6.4",
    ]);
    expect(m[1]!.slice(1, 4)).toEqual([
      "Sozialplanung",
      "1 – Steuerung, Vernetzung, Nachhaltigkeit und Planung",
      "neu",
    ]);
    const spalte = (kopf: string) => m[0]!.indexOf(kopf);
    expect(m[5]![spalte("Art")]).toBe(""); // Familienfreizeiten: the plan states no Art
    expect(m[2]![spalte("Beginn")]).toBe("ab zweitem Quartal 2019");
    const fp = beispiel.get("Finanzplan")!;
    const landesmittel = fp[0]!.indexOf("Landesmittel");
    expect(fp.slice(1).reduce((s, z) => s + Number(z[landesmittel]), 0)).toBe(445785);
    const ind = beispiel.get("Indikatoren")!;
    expect(ind).toHaveLength(24);
    expect(ind[1]!.slice(0, 2)).toEqual(["16051", "Erfurt, kreisfreie Stadt"]);
    expect(ind[1]![4]).toBe("212988");
    expect(ind.slice(1).reduce((s, z) => s + Number(z[4]), 0)).toBe(2_151_205);
    const par = new Map(
      beispiel
        .get("Parameter")!
        .slice(1)
        .map((z) => [z[0], z[1]]),
    );
    expect(par.get("Förderjahr")).toBe("2019");
    expect(par.get("Förderhöchstbetrag (€)")).toBe("445785");
    expect(beispiel.get("Anleitung")!.flat().join(" ")).toContain("ERFUNDEN");
  });

  it("the empty template has empty input tables", () => {
    expect(
      vorlage
        .get("Maßnahmen")!
        .slice(1)
        .every((z) => z.every((v) => v === "")),
    ).toBe(true);
    expect(
      vorlage
        .get("Parameter")!
        .slice(1)
        .every((z) => z[1] === ""),
    ).toBe(true);
  });
});

describe("the template prints and guards its grey columns", () => {
  it("every visible sheet has a print setup; the grey columns refuse typing; the tools' sheets are protected without password", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const ordner = await arbeitsordner();
    expect((await lsz(["vorlage", "v.xlsx"], ordner)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "v.xlsx"));
    for (const ws of wb.worksheets.filter((w) => w.state === "visible")) {
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.orientation, ws.name).toBe(ws.name === "Anleitung" ? "portrait" : "landscape");
      expect(ws.headerFooter.oddFooter, ws.name).toBe("&CSeite &P von &N");
    }
    expect(wb.getWorksheet("Maßnahmen")!.pageSetup.printTitlesRow).toBe("1:1");
    // The Prüfung column of the Maßnahmen: a validation that is never met, with a German message.
    const ms = wb.getWorksheet("Maßnahmen")!;
    const spalte = MASSNAHMEN.spalten.findIndex((s) => s.kopf === "Prüfung") + 1;
    const v = ms.getCell(2, spalte).dataValidation;
    expect(v).toMatchObject({ type: "custom", formulae: ["FALSE"], showErrorMessage: true });
    expect(v.error).toContain("Diese Spalte füllt die Prüfung");
    expect(ms.getCell(2, 1).dataValidation?.formulae).not.toEqual(["FALSE"]); // input cells stay free
    for (const name of ["Prüfbericht", "Förderhöchstbeträge", "Finanzplan-Übersicht"]) {
      const schutz = (wb.getWorksheet(name) as unknown as { sheetProtection?: Record<string, unknown> })
        .sheetProtection;
      expect(schutz?.["sheet"], name).toBe(true);
      expect(schutz?.["hashValue"], name).toBeUndefined(); // no password
    }
  }, 120_000);
});
