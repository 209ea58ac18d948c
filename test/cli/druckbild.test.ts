/**
 * Legible paper, judged as its reader would: the Prüfbericht PDF (`lsz pruefen --pdf`) and the whole
 * checked workbook printed by LibreOffice, read back word by word with `pdftotext -bbox` — no „###“ in
 * place of a number, no word printed over another, amounts and dates in German, and page numbers that
 * count („Seite 2 von 3“ on the second page, never „Seite 1“ twice). The plan has a slip in every
 * Maßnahme (Art left empty) and in every Finanzplan row (Landesmittel 99.999 €), so that the report
 * runs over several pages.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { xlsxAlsPdf } from "../../cli/pdf";
import { erzeugeArbeitsmappe } from "../../cli/vorlage";
import { FINANZPLAN, MASSNAHMEN } from "../../shared/arbeitsmappe";
import { BEISPIEL } from "../addin/fake-hilfen";
import { PDFTOTEXT } from "../hilfen/werkzeuge";
import { LIBREOFFICE, arbeitsordner, lsz } from "./hilfen";

const exec = promisify(execFile);

interface Wort {
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The words of each page with their boxes (points), as pdftotext -bbox reads them. */
async function seitenWoerter(pdf: string): Promise<Wort[][]> {
  const { stdout } = await exec("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split("<page ")
    .slice(1)
    .map((seite) =>
      [
        ...seite.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        x1: Number(m[1]),
        y1: Number(m[2]),
        x2: Number(m[3]),
        y2: Number(m[4]),
        text: m[5]!
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"'),
      })),
    );
}

/** Pairs of words whose boxes overlap by more than a fifth of the smaller one: printed over each other. */
function ueberlappungen(woerter: Wort[]): string[] {
  const aus: string[] = [];
  for (let i = 0; i < woerter.length; i++)
    for (let j = i + 1; j < woerter.length; j++) {
      const a = woerter[i]!;
      const b = woerter[j]!;
      const breite = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const hoehe = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (breite <= 0 || hoehe <= 0) continue;
      const kleiner = Math.min((a.x2 - a.x1) * (a.y2 - a.y1), (b.x2 - b.x1) * (b.y2 - b.y1));
      if (breite * hoehe > 0.2 * kleiner) aus.push(`„${a.text}“ über „${b.text}“`);
    }
  return aus;
}

function pruefeLesbar(seiten: Wort[][], was: string) {
  expect(seiten.length, was).toBeGreaterThan(0);
  const nummern: number[] = [];
  seiten.forEach((woerter, i) => {
    const seite = `${was}, Seite ${i + 1}`;
    expect(
      woerter.filter((w) => w.text.includes("###")).map((w) => w.text),
      seite,
    ).toEqual([]);
    expect(ueberlappungen(woerter), seite).toEqual([]);
    const text = woerter.map((w) => w.text).join(" ");
    // US amounts („445,785.00“) or dates („12/04/2026“) would mean LibreOffice printed in English.
    expect(text.match(/\b\d{1,3}(,\d{3})+\.\d{2}\b/g) ?? [], seite).toEqual([]);
    expect(text.match(/\b\d{2}\/\d{2}\/\d{4}\b/g) ?? [], seite).toEqual([]);
    const m = /Seite (\d+) von (\d+)/.exec(text);
    expect(m, `${seite}: keine Seitenzahl`).not.toBeNull();
    nummern.push(Number(m![1]));
    expect(Number(m![2]), seite).toBe(seiten.length);
  });
  expect(nummern, was).toEqual(seiten.map((_, i) => i + 1));
}

const FEHLT = !LIBREOFFICE
  ? "LibreOffice fehlt (apt-get install libreoffice-calc-nogui)"
  : !PDFTOTEXT
    ? "pdftotext fehlt (apt-get install poppler-utils)"
    : null;
if (FEHLT) console.log(`Druckbild-Prüfungen übersprungen: ${FEHLT}; in CI installiert .ci/run beides.`);

describe.skipIf(FEHLT !== null)("legible paper", () => {
  let ordner: string;
  beforeAll(async () => {
    ordner = await arbeitsordner();
    const wb = erzeugeArbeitsmappe(BEISPIEL);
    const ws = wb.getWorksheet(MASSNAHMEN.blatt)!;
    const art = MASSNAHMEN.spalten.findIndex((s) => s.schluessel === "art") + 1;
    for (let z = 2; z <= ws.rowCount; z++)
      if (ws.getCell(z, 1).value !== null) ws.getCell(z, art).value = null;
    // And Landesmittel of 99.999 € in every Finanzplan row: a finding per row and per year.
    const fp = wb.getWorksheet(FINANZPLAN.blatt)!;
    const lm = FINANZPLAN.spalten.findIndex((s) => s.schluessel === "landesmittel") + 1;
    for (let z = 2; z <= fp.rowCount; z++)
      if (fp.getCell(z, 1).value !== null) fp.getCell(z, lm).value = 99_999;
    await wb.xlsx.writeFile(join(ordner, "kreis.xlsx"));
    const r = await lsz(["pruefen", "kreis.xlsx", "--pdf"], ordner);
    expect(r.stdout + r.stderr).toContain("kreis.pruefbericht.pdf");
  }, 300_000);

  it("the Prüfbericht PDF: no ###, no words over words, German amounts, pages that count", async () => {
    const seiten = await seitenWoerter(join(ordner, "kreis.pruefbericht.pdf"));
    expect(seiten.length).toBeGreaterThan(1); // a report of several pages, as the test intends
    pruefeLesbar(seiten, "Prüfbericht");
    expect(seiten.flat().some((w) => /^\d{1,3}(\.\d{3})*,\d{2}$/.test(w.text))).toBe(true);
  }, 120_000);

  it("the whole checked workbook printed: the same on every sheet, numbered through", async () => {
    const pdf = join(ordner, "kopie.pdf");
    const r = await xlsxAlsPdf(join(ordner, "kreis.geprueft.xlsx"), pdf);
    expect(r.ok, r.ok ? "" : r.grund).toBe(true);
    pruefeLesbar(await seitenWoerter(pdf), "geprüfte Kopie");
  }, 300_000);
});
