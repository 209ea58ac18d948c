/**
 * Command-line manners (issue 27, point 6): nothing overwritten without being asked, a wrong value or
 * option refused in German with what is allowed, the report's format by its extension, outputs where
 * the user runs lsz (or --ziel), never into the project; a version.
 */
import ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../shared/version";
import { REPO } from "../hilfen/daten";
import { arbeitsordner, lsz, sha256 } from "./hilfen";

let ordner: string;

beforeAll(async () => {
  ordner = await arbeitsordner();
  expect((await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner)).code).toBe(0);
}, 120_000);

describe("lsz on the command line", () => {
  it("lsz --version", async () => {
    const r = await lsz(["--version"], ordner);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`lsz ${VERSION}`);
  }, 60_000);

  it("lsz vorlage never overwrites a workbook unless --ueberschreiben", async () => {
    const vorher = await sha256(join(ordner, "beispiel.xlsx"));
    const r = await lsz(["vorlage", "beispiel.xlsx"], ordner);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "beispiel.xlsx gibt es schon und wird nicht überschrieben. Einen anderen Dateinamen wählen oder mit --ueberschreiben ersetzen.",
    );
    expect(await sha256(join(ordner, "beispiel.xlsx"))).toBe(vorher);
    await copyFile(join(ordner, "beispiel.xlsx"), join(ordner, "ersetzen.xlsx"));
    expect((await lsz(["vorlage", "ersetzen.xlsx", "--ueberschreiben"], ordner)).code).toBe(0);
    expect(await sha256(join(ordner, "ersetzen.xlsx"))).not.toBe(vorher);
  }, 60_000);

  it("an unknown option: German, pointing at lsz --help; a value not allowed: exit 2 with the allowed ones", async () => {
    const a = await lsz(["pruefen", "beispiel.xlsx", "--gibtsnicht"], ordner);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(
      "Die Option --gibtsnicht gibt es nicht. Alle Befehle und Optionen: lsz --help",
    );
    expect(a.stderr).not.toMatch(/Unknown option/);
    const b = await lsz(
      ["verteilen", "beispiel.xlsx", "--haushaltsmittel", "10000000", "--normierung", "foo"],
      ordner,
    );
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(
      "--normierung „foo“ ist nicht erlaubt; erlaubt: „Summe der Kreiswerte“, „bevölkerungsgewichtet“.",
    );
    expect(existsSync(join(ordner, "beispiel.verteilung.xlsx"))).toBe(false); // nothing distributed
    const c = await lsz(["verteilen", "beispiel.xlsx", "--haushaltsmittel"], ordner);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("Die Option --haushaltsmittel braucht einen Wert");
  }, 60_000);

  it("--dienst not http(s), --schluessel not a key set: exit 2 in German before any file is checked; both in lsz --help", async () => {
    const kopie = join(ordner, "beispiel.geprueft.xlsx");
    const vorher = existsSync(kopie) ? await sha256(kopie) : null;
    for (const url of ["ftp://rechendienst.example", "rechendienst.example", "http://"]) {
      const r = await lsz(["pruefen", "beispiel.xlsx", "--dienst", url], ordner);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--dienst „${url}“ ist keine Adresse des Rechendienstes`);
      expect(r.stderr).toContain("http:// oder https://");
    }
    const fehlt = await lsz(["pruefen", "beispiel.xlsx", "--schluessel", "fehlt.json"], ordner);
    expect(fehlt.code).toBe(2);
    expect(fehlt.stderr).toContain("--schluessel: Schlüsseldatei „fehlt.json“ gibt es nicht.");
    expect(fehlt.stderr).not.toMatch(/ENOENT/);
    // A workbook is no key set (not JSON).
    const keinJson = await lsz(["pruefen", "beispiel.xlsx", "--schluessel", "beispiel.xlsx"], ordner);
    expect(keinJson.code).toBe(2);
    expect(keinJson.stderr).toContain("„beispiel.xlsx“ ist kein gültiges JSON");
    expect(existsSync(kopie) ? await sha256(kopie) : null).toBe(vorher); // nothing checked
    const hilfe = await lsz(["--help"], ordner);
    expect(hilfe.stdout).toMatch(/--dienst https:\/\/…/);
    expect(hilfe.stdout).toContain("--schluessel schluessel.json");
    expect(hilfe.stdout).toContain("lsz vergleichen <alt.xlsx> <neu.xlsx>");
  }, 120_000);

  it("--bericht writes by its extension and refuses any other", async () => {
    const r = await lsz(["pruefen", "beispiel.xlsx", "--bericht", "bericht.txt"], ordner);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("erlaubt sind .csv, .json, .xlsx");
    expect(existsSync(join(ordner, "bericht.txt"))).toBe(false);
    expect(existsSync(join(ordner, "beispiel.geprueft.xlsx"))).toBe(false); // refused before any work

    expect((await lsz(["pruefen", "beispiel.xlsx", "--bericht", "bericht.xlsx"], ordner)).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "bericht.xlsx"));
    const ws = wb.getWorksheet("Bericht")!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "Datei",
      "Kreis",
      "Schwere",
      "Regel",
      "Meldung",
      "Blatt",
      "Zelle",
      "Regelwerk",
    ]);
    expect([2, 3, 4].map((z) => ws.getCell(z, 4).value)).toEqual(["M01", "M09", "K03"]);
    expect(wb.getWorksheet("Einreichungen")!.getCell("A1").value).toBe("Förderjahr");
  }, 120_000);

  it("lsz verteilen writes to the current folder, never into the project's data/", async () => {
    const r = await lsz(
      [
        "verteilen",
        join(REPO, "data/thueringen-kreise-2017.csv"),
        "--haushaltsmittel",
        "10000000",
        "--gewichte",
        "0.5,0.25,0,0.25",
      ],
      ordner,
    );
    expect(r.code).toBe(0);
    expect(existsSync(join(ordner, "thueringen-kreise-2017.verteilung.xlsx"))).toBe(true);
    expect(existsSync(join(REPO, "data/thueringen-kreise-2017.verteilung.xlsx"))).toBe(false);
  }, 120_000);

  it("--ziel ORDNER takes every output; the inbox stays as it was", async () => {
    const eingang = join(ordner, "eingang");
    const ziel = join(ordner, "ziel");
    await mkdir(eingang);
    await mkdir(ziel);
    await copyFile(join(ordner, "beispiel.xlsx"), join(eingang, "ilm.xlsx"));
    await chmod(eingang, 0o555);
    try {
      // As root the folder stays writable; the check that lsz names it then has nothing to find.
      if (process.getuid?.() !== 0) {
        const ohne = await lsz(["pruefen", eingang], ordner);
        expect(ohne.code).toBe(2);
        expect(ohne.stderr).toContain("mit --ziel ORDNER in einen anderen Ordner schreiben");
      }
      const r = await lsz(["pruefen", eingang, "--ziel", ziel, "--bericht", "bericht.json"], ordner);
      expect(r.code).toBe(1); // the example's Fehler
      expect(await readdir(eingang)).toEqual(["ilm.xlsx"]);
      expect((await readdir(ziel)).sort()).toEqual(["bericht.json", "ilm.geprueft.xlsx"]);
      expect(JSON.parse(await readFile(join(ziel, "bericht.json"), "utf8"))).toMatchObject({
        dateien: [{ kopie: join(ziel, "ilm.geprueft.xlsx") }],
      });
      expect((await lsz(["vorlage", "v.xlsx", "--ziel", ziel], ordner)).code).toBe(0);
      expect(existsSync(join(ziel, "v.xlsx"))).toBe(true);
      const fehlt = await lsz(["vorlage", "v.xlsx", "--ziel", join(ordner, "gibtsnicht")], ordner);
      expect(fehlt.code).toBe(2);
      expect(fehlt.stderr).toContain("gibt es nicht – bitte anlegen oder einen anderen angeben");
    } finally {
      await chmod(eingang, 0o755);
    }
  }, 180_000);
});
