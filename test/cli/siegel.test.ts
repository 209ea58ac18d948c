/**
 * The same workbook gives the same input hash in the pane's code path (fake Excel), the worker (the
 * built bundle in workerd via wrangler dev, with a test key as its secret) and the CLI; `lsz pruefen
 * --dienst` writes the service's signed seal, and lsz judges signed, edited, unsigned and unsealed files
 * with the keys it is given.
 */
import ExcelJS from "exceljs";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { finanzplanPruefen } from "../../addin/src/ablauf";
import { createGateway } from "../../addin/src/gateway/gateway";
import {
  pruefAnfrage,
  pruefeSiegel,
  siegelAusZellen,
  validationRequestSchema,
  type Siegel,
} from "../../shared";
import type { Jwks } from "../../shared/siegel-schema";
import { beispiel } from "../addin/fake-hilfen";
import { PORT, starteWorker } from "../../bench/worker";
import { arbeitsordner, lsz } from "./hilfen";

async function siegelAusDatei(datei: string): Promise<Siegel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(datei);
  // The seal's data on the hidden sheet „LSZ-Siegel“ (label A, value B).
  const ws = wb.getWorksheet("LSZ-Siegel")!;
  const zeilen: unknown[][] = [];
  for (let r = 1; r <= 45; r++) zeilen.push([ws.getCell(r, 1).value, ws.getCell(r, 2).value]);
  const s = siegelAusZellen(zeilen);
  if ("art" in s) throw new Error(`kein Siegel in ${datei}: ${s.art}`);
  return s;
}

const DIENST = `http://127.0.0.1:${PORT}`;
let prozess: ChildProcess;
beforeAll(async () => {
  // The service's secret, as `wrangler secret put` would hold it: a key made for this run only.
  const paar = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as import("node:crypto").webcrypto.CryptoKeyPair;
  const privat = { ...(await crypto.subtle.exportKey("jwk", paar.privateKey)), kid: "cli-test" };
  prozess = await starteWorker(PORT, undefined, [
    "--var",
    `SIEGEL_PRIVATER_SCHLUESSEL:${JSON.stringify(privat)}`,
  ]);
}, 120_000);
afterAll(() => {
  prozess?.kill("SIGTERM");
});

describe("Prüfsiegel across runtimes", () => {
  it("pane, worker and CLI seal the same inputs; the worker's seal is signed and verifies with its published key", async () => {
    const m = beispiel();
    await finanzplanPruefen({ gateway: createGateway(m.api()), dienst: null });
    const pane = siegelAusZellen(
      Array.from({ length: 45 }, (_, r) => [m.wert("LSZ-Siegel", r + 1, 1), m.wert("LSZ-Siegel", r + 1, 2)]),
    ) as Siegel;

    const a = pruefAnfrage((await createGateway(beispiel().api()).leseTabellen()).mappe);
    if (!a.ok) throw new Error("Beispiel nicht lesbar");
    const r = await fetch(`${DIENST}/api/v1/validation`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(a.anfrage),
    });
    const worker = ((await r.json()) as { siegel: Siegel }).siegel;
    const schluessel = (await (await fetch(`${DIENST}/api/v1/siegel/schluessel`)).json()) as Jwks;

    const ordner = await arbeitsordner();
    await lsz(["vorlage", "beispiel.xlsx", "--beispiel"], ordner);
    await lsz(["pruefen", "beispiel.xlsx"], ordner);
    const cli = await siegelAusDatei(join(ordner, "beispiel.geprueft.xlsx"));

    expect(worker.aussage.eingaben).toBe(pane.aussage.eingaben);
    expect(cli.aussage.eingaben).toBe(pane.aussage.eingaben);
    expect(worker.aussage.befunde).toBe(pane.aussage.befunde);
    expect(pane.signatur).toBeNull();
    expect(cli.signatur).toBeNull();
    expect(worker.signatur).not.toBeNull();
    const daten = validationRequestSchema.parse(a.anfrage);
    expect(await pruefeSiegel(worker, daten, { schluessel })).toMatchObject({ art: "gueltig" });
    for (const s of [pane, cli])
      expect(await pruefeSiegel(s, daten, { schluessel })).toMatchObject({ art: "nicht_signiert" });
    expect(pane.aussage.anzahl).toEqual({ fehler: 1, warnung: 2, hinweis: 0 });
  }, 180_000);

  it("lsz pruefen --dienst writes the signed seal; a folder of signed, edited, unsigned and unsealed workbooks, each with its verdict", async () => {
    const ordner = await arbeitsordner();
    await lsz(["vorlage", "roh.xlsx", "--beispiel"], ordner);
    const r0 = await lsz(["pruefen", "roh.xlsx", "--dienst", DIENST], ordner);
    expect(r0.stderr).toBe("");
    const eingang = await arbeitsordner();
    await copyFile(join(ordner, "roh.geprueft.xlsx"), join(eingang, "a-signiert.xlsx"));
    await copyFile(join(ordner, "roh.xlsx"), join(eingang, "d-ohne-siegel.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ordner, "roh.geprueft.xlsx"));
    wb.getWorksheet("Finanzplan")!.getCell("K4").value = 9001; // Landesmittel of the third row, after the check
    await wb.xlsx.writeFile(join(eingang, "b-geaendert.xlsx"));
    await lsz(["pruefen", "roh.xlsx"], ordner); // without the service: unsigned
    await copyFile(join(ordner, "roh.geprueft.xlsx"), join(eingang, "c-lokal.xlsx"));

    const r = await lsz(["pruefen", eingang, "--dienst", DIENST], ordner);
    // The verdict on the seal stands under the file's result line (the summary fits 100 columns).
    const zeilen = r.stdout.split("\n");
    const zeile = (datei: string) => {
      const i = zeilen.findIndex((z) => z.includes(`] ${datei}: Ilm-Kreis`));
      return zeilen.slice(i + 1).find((z) => z.trim().startsWith("Siegel beim Eingang:"))!;
    };
    expect(zeile("a-signiert.xlsx")).toMatch(
      /Siegel gültig – signiert vom Rechendienst \(Schlüssel [^)]+\), geprüft am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr, seitdem unverändert – Befunde jetzt: 1 Fehler, 2 Warnungen, 0 Hinweise$/,
    );
    expect(zeile("b-geaendert.xlsx")).toMatch(
      /verfälscht: Finanzplan!K4 seit der Prüfung geändert – bitte neu prüfen/,
    );
    expect(zeile("c-lokal.xlsx")).toMatch(/nicht signiert \(lokal geprüft\)/);
    expect(zeile("d-ohne-siegel.xlsx")).toMatch(/kein Siegel$/);

    // Without --dienst, lsz knows only the shipped production keys: the test key is not among them.
    const ohne = await lsz(["pruefen", join(eingang, "a-signiert.xlsx")], ordner);
    expect(ohne.stdout).toMatch(/Schlüssel unbekannt \(„[^“]+“\)/);
    // … unless the key set is given as a file.
    const jwks = await (await fetch(`${DIENST}/api/v1/siegel/schluessel`)).text();
    await writeFile(join(ordner, "schluessel.json"), jwks);
    const mitDatei = await lsz(
      ["pruefen", join(eingang, "a-signiert.xlsx"), "--schluessel", "schluessel.json"],
      ordner,
    );
    expect(mitDatei.stdout).toContain("Siegel gültig – signiert vom Rechendienst");
  }, 240_000);

  it("--dienst at an address where nothing answers: a German message, nothing checked", async () => {
    const ordner = await arbeitsordner();
    await lsz(["vorlage", "roh.xlsx", "--beispiel"], ordner);
    const r = await lsz(["pruefen", "roh.xlsx", "--dienst", "http://127.0.0.1:9"], ordner);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Rechendienst http:\/\/127\.0\.0\.1:9 nicht erreichbar/);
  }, 60_000);
});
