/**
 * lsz pruefen: the example's expected findings, the input byte-identical, the annotated copy readable
 * by LibreOffice; a folder with broken files names them and checks the others.
 */
import ExcelJS from "exceljs";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LIBREOFFICE, arbeitsordner, libreofficeBlaetter, lsz, sha256 } from "./hilfen";

describe("lsz pruefen", () => {
  let ordner: string;
  beforeAll(async () => {
    ordner = await arbeitsordner();
    expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
  }, 120_000);

  it("finds the example's findings, leaves the input byte-identical and writes an annotated copy", async () => {
    const datei = join(ordner, "beispiel.xlsx");
    const vorher = await sha256(datei);
    const r = await lsz(["pruefen", "beispiel.xlsx", "--bericht", "bericht.json"], ordner);
    expect(r.code).toBe(1); // the example has one Fehler (M01)
    expect(r.stdout).toContain(
      "[1/1] beispiel.xlsx: Ilm-Kreis – 1 Fehler, 2 Warnungen, 0 Hinweise → beispiel.geprueft.xlsx",
    );
    expect(r.stdout).toMatch(
      /beispiel\.xlsx\s+Ilm-Kreis\s+1\s+2\s+0\s+445\.785,00 €\s+445\.785,00 €\s+Fehler/,
    );
    expect(await sha256(datei)).toBe(vorher);

    const bericht = JSON.parse(await readFile(join(ordner, "bericht.json"), "utf8")) as {
      dateien: { befunde: { regel: string; zelle: string; blatt: string }[] }[];
    };
    expect(bericht.dateien[0]!.befunde.map((b) => `${b.regel} ${b.blatt}!${b.zelle}`)).toEqual([
      "M01 Maßnahmen!D6",
      "M09 Maßnahmen!B9",
      "K03 Parameter!B7",
    ]);
  }, 300_000);

  it.skipIf(!LIBREOFFICE)(
    "LibreOffice reads the annotated copy; a second run replaces its own output",
    async () => {
      const lo = await libreofficeBlaetter(join(ordner, "beispiel.geprueft.xlsx"));
      const pb = lo.get("Prüfbericht")!;
      // The summary page first, then the findings below their header row.
      expect(pb[0]![0]).toBe("Prüfbericht LSZ-Finanzplan");
      expect(pb.find((z) => z[0] === "Ergebnis")![1]).toBe(
        "1 Fehler, 2 Warnungen, 0 Hinweise – Fehler vor der Abgabe beheben",
      );
      const kopf = pb.findIndex((z) => z[0] === "Schwere");
      expect(
        pb
          .slice(kopf + 1)
          .filter((z) => z[0])
          .map((z) => z.slice(0, 2)),
      ).toEqual([
        ["✖ Fehler", "M01"],
        ["⚠ Warnung", "M09"],
        ["⚠ Warnung", "K03"],
      ]);
      expect(lo.get("LSZ-Siegel")![0]!.slice(0, 2)).toEqual(["Prüfsiegel", "LSZ-Siegel-3"]);
      expect(pb[kopf + 1]![2]).toBe(
        "Maßnahme 3.1: Pflichtfeld Art ist leer (Bestandssicherung, Ausbau, neu, Bestandssicherung + Ausbau).",
      );
      const fp = lo.get("Finanzplan")!;
      const status = fp[0]!.indexOf("Prüfung");
      expect(fp.slice(1).map((z) => z[status])).toEqual(Array(15).fill("✓ in Ordnung"));
      const bg = fp[0]!.indexOf("Bemessungsgrundlage (berechnet)");
      expect(fp[1]![bg]).toBe("60000");
      const ms = lo.get("Maßnahmen")!;
      expect(ms[5]![ms[0]!.indexOf("Prüfung")]).toBe("✖ Fehler");
      // The Finanzplan chart's numbers and the Ausschöpfung, as the add-in writes them.
      const ueb = lo.get("Finanzplan-Übersicht")!;
      // First the year against its limits, then (below the Ausschöpfung) the split per Handlungsfeld.
      expect(ueb[1]!.slice(0, 4)).toEqual([
        "",
        "Landesmittel",
        "Förderhöchstbetrag",
        "70 % der Bemessungsgrundlage",
      ]);
      const hfKopf = ueb.findIndex((z) => z[1] === "Landesmittel" && z[2] === "Eigenanteil");
      expect(ueb[hfKopf]!.slice(0, 4)).toEqual(["", "Landesmittel", "Eigenanteil", "Drittmittel"]);
      const balken = ueb.slice(2).filter((z) => /^2019 · HF \d$/.test(z[0]!));
      expect(balken.length).toBeGreaterThan(0);
      const lm = fp[0]!.indexOf("Landesmittel");
      const summe = (zahlen: string[]) => zahlen.reduce((s, x) => s + Math.round(Number(x) * 100), 0);
      expect(summe(balken.map((z) => z[1]!))).toBe(summe(fp.slice(1).map((z) => z[lm]!)));
      const jahr = ueb.findIndex((z) => z[0] === "Jahr");
      expect(ueb[jahr + 1]!.slice(0, 3)).toEqual([
        "2019",
        String(summe(balken.map((z) => z[1]!)) / 100),
        "445785",
      ]);
      // What the user typed is unchanged in the copy.
      expect(ms[1]!.slice(0, 4)).toEqual([
        "1.1",
        "Sozialplanung",
        "1 – Steuerung, Vernetzung, Nachhaltigkeit und Planung",
        "neu",
      ]);

      // A second run on the copy replaces its own output exactly.
      await copyFile(join(ordner, "beispiel.geprueft.xlsx"), join(ordner, "zweiter.xlsx"));
      const zweiterLauf = await lsz(["pruefen", "zweiter.xlsx"], ordner);
      expect(zweiterLauf.code).toBe(1);
      // The copy's seal matches on the way in; checked without the service, it is unsigned and says so.
      expect(zweiterLauf.stdout).toContain("nicht signiert (lokal geprüft) – Befunde jetzt: 1 Fehler");
      const lo2 = await libreofficeBlaetter(join(ordner, "zweiter.geprueft.xlsx"));
      // The findings are the same; the seal is new: the same counts and the same input hash (it covers
      // the inputs only; time and counts are in the statement beside it).
      const befunde = (m: Map<string, string[][]>) => {
        const pb = m.get("Prüfbericht")!;
        return pb.slice(pb.findIndex((z) => z[0] === "Schwere")).map((z) => z.slice(0, 7));
      };
      expect(befunde(lo2)).toEqual(befunde(lo));
      const siegelWert = (m: Map<string, string[][]>, label: string) =>
        m.get("LSZ-Siegel")!.find((z) => z[0] === label)![1];
      expect(siegelWert(lo2, "Befunde")).toBe(siegelWert(lo, "Befunde"));
      expect(siegelWert(lo2, "Eingaben (SHA-256)")).toBe(siegelWert(lo, "Eingaben (SHA-256)"));
      expect(siegelWert(lo, "Eingaben (SHA-256)")).toMatch(/^[0-9a-f]{64}$/);
      expect(lo2.get("Finanzplan")).toEqual(fp);
    },
    300_000,
  );

  it("an unreadable Landesmittel cell: the summary says which year rules are not decided, the report has F14", async () => {
    const mappe = await arbeitsordner();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "beispiel.xlsx"));
    const fp = wb.getWorksheet("Finanzplan")!;
    const spalte = (fp.getRow(1).values as unknown[]).indexOf("Landesmittel");
    fp.getRow(2).getCell(spalte).value = "zweiundvierzigtausend";
    await wb.xlsx.writeFile(join(mappe, "unlesbar.xlsx"));
    const r = await lsz(
      ["pruefen", join(mappe, "unlesbar.xlsx"), "--bericht", join(mappe, "b.json")],
      ordner,
    );
    expect(r.code).toBe(1); // F07 is a Fehler
    // In words, not bare rule codes (issue 27); the summary's Stand says it in two.
    expect(r.stdout).toContain(
      "nicht abschließend geprüft (2019): Landesmittel über 70 % der Bemessungsgrundlage; Landesmittel über dem Förderhöchstbetrag; Förderhöchstbetrag nicht ausgeschöpft; Kreis erhält mehr als die Hälfte der Landesmittel",
    );
    expect(r.stdout).toMatch(/unlesbar\.xlsx\s+Ilm-Kreis.*Fehler/);
    expect(r.stdout).not.toMatch(/F01 2019/);
    const bericht = JSON.parse(await readFile(join(mappe, "b.json"), "utf8")) as {
      dateien: { befunde: { regel: string; meldung: string }[] }[];
    };
    const f14 = bericht.dateien[0]!.befunde.find((b) => b.regel === "F14");
    expect(f14?.meldung).toMatch(
      /^F01, F02, F13, M12 für 2019 nicht abschließend prüfbar: Finanzplan Zeile 2/, // cell row 2
    );
  }, 120_000);

  it("an untouched template is 'leer – noch nicht ausgefüllt', not 'nicht lesbar'", async () => {
    const mappe = await arbeitsordner();
    expect((await lsz(["vorlage", "leer.xlsx"], mappe)).code).toBe(0);
    const r = await lsz(["pruefen", "leer.xlsx"], mappe);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "[1/1] leer.xlsx: leer – noch nicht ausgefüllt (Maßnahmen und Finanzplan ohne Zeilen).",
    );
    expect(r.stdout).toMatch(/leer\.xlsx\s+–.*leer – noch nicht ausgefüllt/);
    expect(r.stdout).not.toContain("nicht lesbar");
  }, 60_000);

  it("names each broken file and checks the others", async () => {
    const mappe = await arbeitsordner();
    await copyFile(join(ordner, "beispiel.xlsx"), join(mappe, "a-ilm.xlsx"));
    await writeFile(join(mappe, "b-text.xlsx"), "das ist keine Arbeitsmappe");
    await writeFile(
      join(mappe, "c-kennwort.xlsx"),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    // Headers renamed: "Landesmittel" → "Zuschuss"
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "beispiel.xlsx"));
    wb.getWorksheet("Finanzplan")!.getCell("K1").value = "Zuschuss";
    await wb.xlsx.writeFile(join(mappe, "d-umbenannt.xlsx"));
    // Tables missing: a foreign workbook
    const fremd = new ExcelJS.Workbook();
    fremd.addWorksheet("Tabelle1").getCell("A1").value = "Haushalt 2019";
    await fremd.xlsx.writeFile(join(mappe, "e-fremd.xlsx"));
    const hashes = await Promise.all(
      ["a-ilm.xlsx", "b-text.xlsx", "c-kennwort.xlsx", "d-umbenannt.xlsx", "e-fremd.xlsx"].map((d) =>
        sha256(join(mappe, d)),
      ),
    );

    const r = await lsz(["pruefen", mappe], ordner);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("[1/5] a-ilm.xlsx: Ilm-Kreis – 1 Fehler, 2 Warnungen");
    expect(r.stdout).toContain("b-text.xlsx: keine Excel-Arbeitsmappe (.xlsx).");
    expect(r.stdout).toContain(
      "c-kennwort.xlsx: die Datei ist passwortgeschützt (verschlüsselt) oder im alten .xls-Format.",
    );
    expect(r.stdout).toContain(
      "d-umbenannt.xlsx: Blatt „Finanzplan“: die Spalte „Landesmittel“ fehlt (Überschrift in Zeile 1 umbenannt oder gelöscht?).",
    );
    expect(r.stdout).toContain("e-fremd.xlsx: Diese Arbeitsmappe ist nicht die LSZ-Vorlage");
    expect(r.stdout).toContain("lsz vorlage mappe.xlsx");
    expect(r.stdout).toMatch(/e-fremd\.xlsx\s+–.*nicht lesbar/);
    const nachher = await Promise.all(
      ["a-ilm.xlsx", "b-text.xlsx", "c-kennwort.xlsx", "d-umbenannt.xlsx", "e-fremd.xlsx"].map((d) =>
        sha256(join(mappe, d)),
      ),
    );
    expect(nachher).toEqual(hashes);
  }, 300_000);
});

describe("lsz pruefen and the user's own sheets", () => {
  it("a user sheet „Finanzplan-Übersicht“: the year rule's link in the Prüfbericht points at the free name the chart went to", async () => {
    const ordner = await arbeitsordner();
    expect((await lsz(["vorlage", "b.xlsx", "--beispiel"], ordner)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "b.xlsx"));
    // The template's Übersicht deleted by the user, a sheet of theirs with its name in its place.
    wb.removeWorksheet(wb.getWorksheet("Finanzplan-Übersicht")!.id);
    wb.definedNames.remove("'Finanzplan-Übersicht'!$A$1", "LSZ_Blatt_Finanzplan_Uebersicht");
    wb.addWorksheet("Finanzplan-Übersicht").getCell("A1").value = "Meine Übersicht";
    // 100.000 € more Landesmittel and Personalausgaben in the first row, which still balances: 2019
    // asks for more than the Förderhöchstbetrag (F02), a year finding of its own (no slip to follow from).
    const fp = wb.getWorksheet("Finanzplan")!;
    const lm = (fp.getRow(1).values as unknown[]).indexOf("Landesmittel");
    const pa = (fp.getRow(1).values as unknown[]).indexOf("Personalausgaben");
    fp.getCell(2, lm).value = Number(fp.getCell(2, lm).value) + 100_000;
    fp.getCell(2, pa).value = Number(fp.getCell(2, pa).value) + 100_000;
    await wb.xlsx.writeFile(join(ordner, "b.xlsx"));
    const r = await lsz(["pruefen", "b.xlsx", "--bericht", "bericht.json"], ordner);
    expect(r.code).toBe(1);
    const kopie = new ExcelJS.Workbook();
    await kopie.xlsx.readFile(join(ordner, "b.geprueft.xlsx"));
    expect(kopie.getWorksheet("Finanzplan-Übersicht")!.getCell("A1").value).toBe("Meine Übersicht");
    const bericht = kopie.getWorksheet("Prüfbericht")!;
    const zeile = bericht.getColumn(2).values.indexOf("F02");
    expect(zeile).toBeGreaterThan(0);
    expect(bericht.getCell(zeile, 4).value).toBe("Finanzplan-Übersicht (2)");
    const link = bericht.getCell(zeile, 5).value as { hyperlink: string };
    expect(link.hyperlink).toMatch(/^#'Finanzplan-Übersicht \(2\)'!/);
    const json = JSON.parse(await readFile(join(ordner, "bericht.json"), "utf8")) as {
      dateien: { befunde: { regel: string; blatt: string }[] }[];
    };
    expect(json.dateien[0]!.befunde.find((b) => b.regel === "F02")?.blatt).toBe("Finanzplan-Übersicht (2)");
  }, 300_000);

  it("a user sheet „prüfbericht“ survives; the report goes to a free name with a mark; widths from points", async () => {
    const ordner = await arbeitsordner();
    expect((await lsz(["vorlage", "b.xlsx", "--beispiel"], ordner)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "b.xlsx"));
    // The template's own Prüfbericht renamed away by the user, and a sheet of theirs with the name.
    wb.getWorksheet("Prüfbericht")!.name = "Alter Bericht";
    wb.definedNames.remove("'Prüfbericht'!$A$1", "LSZ_Blatt_Pruefbericht");
    const eigen = wb.addWorksheet("prüfbericht");
    eigen.getCell("A1").value = "Meine Notizen";
    await wb.xlsx.writeFile(join(ordner, "b.xlsx"));
    const r = await lsz(["pruefen", "b.xlsx"], ordner);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Hinweis: Das Blatt „prüfbericht“ gehört nicht zum Prüfwerkzeug und blieb unberührt; die Ausgabe steht auf dem neuen Blatt „Prüfbericht (2)“.",
    );
    const kopie = new ExcelJS.Workbook();
    await kopie.xlsx.readFile(join(ordner, "b.geprueft.xlsx"));
    expect(kopie.getWorksheet("prüfbericht")!.getCell("A1").value).toBe("Meine Notizen");
    const bericht = kopie.getWorksheet("Prüfbericht (2)")!;
    const kopf = bericht.getColumn(1).values.indexOf("Schwere");
    expect(bericht.getCell(kopf + 1, 2).value).toBe("M01");
    expect(kopie.definedNames.getRanges("LSZ_Blatt_Pruefbericht").ranges).toEqual(["'Prüfbericht (2)'!$A$1"]);
    // Meldung: 320 pt in the add-in = 60,24 characters in the file (not 320, not 16).
    expect(bericht.getColumn(3).width).toBeCloseTo(60.24, 1);
    // A second check of the annotated copy finds its own sheet by the mark: no third one.
    expect((await lsz(["pruefen", "b.geprueft.xlsx"], ordner)).code).toBe(1);
    const zweite = new ExcelJS.Workbook();
    await zweite.xlsx.readFile(join(ordner, "b.geprueft.geprueft.xlsx"));
    expect(
      zweite.worksheets.map((w) => w.name).filter((n) => n.toLowerCase().startsWith("prüfbericht")),
    ).toEqual(["prüfbericht", "Prüfbericht (2)"]);
  }, 300_000);
});
