/**
 * The same workbook gives the same seal in the pane's code path (fake Excel), the worker (the built
 * bundle in workerd via wrangler dev) and the CLI; lsz pruefen judges sealed, edited and unsealed files.
 */
import ExcelJS from "exceljs";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import {
  pruefAnfrage,
  pruefeSiegel,
  siegelAusZellen,
  validationRequestSchema,
  type Siegel,
} from "../../shared";
import { beispiel } from "../addin/fake-hilfen";
import { PORT, starteWorker } from "../../bench/worker";
import { arbeitsordner, lsz } from "./hilfen";

async function siegelAusDatei(datei: string): Promise<Siegel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(datei);
  // The seal's data on the hidden sheet „LSZ-Siegel“ (label A, value B).
  const ws = wb.getWorksheet("LSZ-Siegel")!;
  const zeilen: unknown[][] = [];
  for (let r = 1; r <= 20; r++) zeilen.push([ws.getCell(r, 1).value, ws.getCell(r, 2).value]);
  const s = siegelAusZellen(zeilen);
  if ("art" in s) throw new Error(`kein Siegel in ${datei}: ${s.art}`);
  return s;
}

describe("Prüfsiegel across runtimes", () => {
  it("pane, worker and CLI compute the same seal for the same data", async () => {
    // Pane: the check on the fake example workbook writes its seal into the Prüfbericht.
    const m = beispiel();
    await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    const pane = siegelAusZellen(
      Array.from({ length: 20 }, (_, r) => [m.wert("LSZ-Siegel", r + 1, 1), m.wert("LSZ-Siegel", r + 1, 2)]),
    ) as Siegel;

    // Worker: the built bundle in workerd, fed the request the pane sends.
    const a = pruefAnfrage((await createGateway(beispiel().api()).leseTabellen()).mappe);
    if (!a.ok) throw new Error("Beispiel nicht lesbar");
    const prozess = await starteWorker(PORT); // wrangler dev: the built bundle in workerd, on 127.0.0.1
    let worker: Siegel;
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/api/v1/validation`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(a.anfrage),
      });
      worker = ((await r.json()) as { siegel: Siegel }).siegel;
    } finally {
      prozess.kill("SIGTERM");
    }

    // CLI: the example as an xlsx file, checked by lsz pruefen.
    const ordner = await arbeitsordner();
    await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner);
    await lsz(["pruefen", "beispiel.xlsx"], ordner);
    const cli = await siegelAusDatei(join(ordner, "beispiel.geprueft.xlsx"));

    // The hash covers the time of each check, so the three hashes differ; what they seal is the same:
    // the same part hashes, and each seal verifies against the same data wherever it is checked.
    expect(worker.parameter).toBe(pane.parameter);
    expect(cli.parameter).toBe(pane.parameter);
    expect(cli.finanzplan).toEqual(pane.finanzplan);
    expect(worker.massnahmen).toEqual(pane.massnahmen);
    const daten = validationRequestSchema.parse(a.anfrage);
    for (const s of [pane, worker, cli])
      expect(await pruefeSiegel(s, daten)).toMatchObject({ art: "gueltig" });
    expect(pane.anzahl).toEqual({ fehler: 1, warnung: 2, hinweis: 0 });
  }, 180_000);

  it("lsz pruefen on a folder of sealed, edited-after-sealing and unsealed workbooks", async () => {
    const ordner = await arbeitsordner();
    await lsz(["vorlage", "roh.xlsx", "--beispiel"], ordner);
    await lsz(["pruefen", "roh.xlsx"], ordner);
    const eingang = await arbeitsordner();
    await copyFile(join(ordner, "roh.geprueft.xlsx"), join(eingang, "a-versiegelt.xlsx"));
    await copyFile(join(ordner, "roh.xlsx"), join(eingang, "c-ohne-siegel.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "roh.geprueft.xlsx"));
    wb.getWorksheet("Finanzplan")!.getCell("K4").value = 9001; // Landesmittel of the third row, after the check
    await wb.xlsx.writeFile(join(eingang, "b-geaendert.xlsx"));

    const r = await lsz(["pruefen", eingang], ordner);
    // The verdict on the seal stands under the file's result line (the summary fits 100 columns).
    const zeilen = r.stdout.split("\n");
    const zeile = (datei: string) => {
      const i = zeilen.findIndex((z) => z.includes(`] ${datei}: Ilm-Kreis`));
      return zeilen.slice(i + 1).find((z) => z.trim().startsWith("Siegel beim Eingang:"))!;
    };
    expect(zeile("a-versiegelt.xlsx")).toMatch(
      /Siegel gültig: geprüft mit LSZ-2019 am \d{2}\.\d{2}\.\d{4}, seitdem unverändert – 1 Fehler offen$/,
    );
    // K4 was edited: the summary names Excel's row 4, as the user sees it (not the table's 3rd row).
    expect(zeile("b-geaendert.xlsx")).toMatch(
      /seit der Prüfung geändert: Finanzplan Zeile 4 – bitte neu prüfen$/,
    );
    expect(zeile("c-ohne-siegel.xlsx")).toMatch(/kein Siegel$/);
    expect(r.stdout).toContain("Siegel beim Eingang");
  }, 180_000);
});
