/**
 * Reads an xlsx file into the plain tables of shared/arbeitsmappe, without ever writing to it.
 * A file that is not xlsx, is encrypted (password) or lacks the tables gets a German message that
 * names the file and the sheet.
 */
import ExcelJS from "exceljs";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { taeuschendesFormat } from "./zahlenformat";
import { aktiveTeile, entferneAktiveZellen, type AktiverInhalt } from "./aktiv";
import { ZIP_GRENZEN, ZuGross, leseZip, zipAusTeilen } from "./zip-grenzen";
import { SIEGEL_SPALTE } from "../shared/siegel";
import { markiertesBlatt } from "./annotieren";
import {
  AUSGABE_BLAETTER,
  BEGRUENDUNGEN,
  PRUEFBERICHT,
  SIEGEL_BLATT,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  ZEILEN_DARUNTER,
  bereichAus,
  findeTabelle,
  zeilenDarunter,
  type Arbeitsmappe,
  type TabellenDaten,
  type TabellenDefinition,
  type Zellwert,
} from "../shared/arbeitsmappe";

export class DateiFehler extends Error {}

interface GeleseneDatei {
  mappe: Arbeitsmappe;
  blaetter: string[];
  /** The workbook as loaded (in memory; the file itself is never written). */
  wb: ExcelJS.Workbook;
  /** Where what is checked differs from what Excel shows: formulas in input cells, hidden sheets. */
  auffaelligkeiten: Auffaelligkeit[];
}

/** A finding of the reader itself (an X-code): about the workbook, before any rule runs. */
interface Auffaelligkeit {
  regel: "X01" | "X02" | "X03" | "X04" | "X05" | "X06" | "X07" | "X08";
  schwere: "fehler" | "warnung";
  blatt: string;
  zelle: string | null;
  meldung: string;
}

/** An input cell holding a formula: where, the formula, and whether Excel stored its result. */
interface Formelzelle {
  zeile: number;
  spalte: number;
  formel: string;
  ergebnis: boolean;
}

/** The cell's value as the core reads it: dates as ISO text, formulas as their result. */
function zellwert(v: ExcelJS.CellValue): Zellwert {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return zellwert((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in v) return zellwert((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export function raster(ws: ExcelJS.Worksheet, formeln: Formelzelle[] = []): Zellwert[][] {
  const zeilen: Zellwert[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, nr) => {
    const reihe: Zellwert[] = [];
    row.eachCell({ includeEmpty: true }, (cell, spalte) => {
      // A merged area holds its value in its first cell only (so Excel stores it); exceljs would hand
      // that value to every cell of the area, and a Nr merged over three year rows would count thrice.
      reihe[spalte - 1] = cell.master === cell ? zellwert(cell.value) : null;
      const v = cell.value;
      if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
        const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
        formeln.push({
          zeile: nr,
          spalte,
          formel: `=${f.formula ?? f.sharedFormula ?? ""}`,
          ergebnis: f.result !== undefined && f.result !== null,
        });
      }
    });
    for (let i = 0; i < reihe.length; i++) if (reihe[i] === undefined) reihe[i] = null;
    zeilen[nr - 1] = reihe;
  });
  for (let i = 0; i < zeilen.length; i++) if (zeilen[i] === undefined) zeilen[i] = [];
  return zeilen;
}

/**
 * Reads a regular file only: no link is followed (O_NOFOLLOW), a FIFO or device does not block
 * (O_NONBLOCK, then fstat), and nothing larger than the limit is read.
 */
export async function liesRegulaereDatei(pfad: string): Promise<Buffer> {
  const name = basename(pfad);
  let datei;
  try {
    datei = await open(pfad, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unbekannt";
    throw new DateiFehler(
      code === "ELOOP"
        ? `${name}: ist eine Verknüpfung (Symlink) – ihr wird nicht gefolgt; bitte die Datei selbst ablegen.`
        : code === "ENOENT"
          ? `${name}: Datei nicht gefunden.`
          : `${name}: Datei kann nicht gelesen werden (${code}).`,
    );
  }
  try {
    const info = await datei.stat();
    if (!info.isFile())
      throw new DateiFehler(`${name}: keine normale Datei (Ordner, Gerät oder FIFO) – übersprungen.`);
    if (info.size > ZIP_GRENZEN.dateiBytes)
      throw new DateiFehler(
        `${name}: zu groß (${Math.round(info.size / 1024 / 1024)} MB, höchstens ${ZIP_GRENZEN.dateiBytes / 1024 / 1024} MB) – eine Arbeitsmappe des Programms ist wenige MB groß.`,
      );
    return await datei.readFile();
  } finally {
    await datei.close();
  }
}

async function ladeArbeitsmappe(pfad: string): Promise<{ wb: ExcelJS.Workbook; aktiv: AktiverInhalt[] }> {
  const name = basename(pfad);
  const bytes = await liesRegulaereDatei(pfad);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new DateiFehler(
      `${name}: die Datei ist passwortgeschützt (verschlüsselt) oder im alten .xls-Format. Bitte ohne Kennwort als .xlsx speichern.`,
    );
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new DateiFehler(`${name}: keine Excel-Arbeitsmappe (.xlsx).`);
  }
  let sauber: Buffer;
  let aktiv: AktiverInhalt[];
  try {
    // exceljs is handed exactly the entries checked here, never the file's own directory.
    const teile = leseZip(bytes);
    aktiv = aktiveTeile(teile);
    sauber = zipAusTeilen(teile);
  } catch (e) {
    if (e instanceof ZuGross)
      throw new DateiFehler(`${name}: zu groß – ${e.message}; so groß ist keine Arbeitsmappe des Programms.`);
    throw new DateiFehler(
      `${name}: die Arbeitsmappe ist beschädigt und kann nicht gelesen werden (${e instanceof Error ? e.message.slice(0, 120) : "unbekannt"}).`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(sauber as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new DateiFehler(
      `${name}: die Arbeitsmappe ist beschädigt und kann nicht gelesen werden (${e instanceof Error ? e.message.slice(0, 120) : "unbekannt"}).`,
    );
  }
  return { wb, aktiv };
}

/** Sheets the tools write (their tables repeat input headers): never a source of input. */
const AUSGABE = new Set<string>(AUSGABE_BLAETTER);

const eingeblendet = (zustand: string | undefined) => zustand !== "hidden" && zustand !== "veryHidden";

/**
 * Finds a table: on a visible sheet before a hidden one, on the layout's own sheet before another
 * (a renamed sheet still works). Every sheet that holds the table is returned, the one to check first.
 */
function kandidaten(
  def: TabellenDefinition,
  raster_: Map<string, Zellwert[][]>,
  zustand: Map<string, string>,
): TabellenDaten[] {
  const rang = (blatt: string) => (eingeblendet(zustand.get(blatt)) ? 0 : 2) + (blatt === def.blatt ? 0 : 1);
  return [...raster_.keys()]
    .filter((blatt) => !AUSGABE.has(blatt))
    .sort((a, b) => rang(a) - rang(b))
    .map((blatt) => findeTabelle(blatt, raster_.get(blatt)!, def))
    .filter((t): t is TabellenDaten => t !== null);
}

const PARAMETER_DEF: TabellenDefinition = {
  blatt: PARAMETER.blatt,
  tabelle: PARAMETER.tabelle,
  spalten: [
    { schluessel: "angabe", kopf: PARAMETER.kopf[0], typ: "text", pflicht: true },
    { schluessel: "wert", kopf: PARAMETER.kopf[1], typ: "text", pflicht: true },
  ],
};

const GELESENE_TABELLEN = [
  ["massnahmen", MASSNAHMEN, "Maßnahmen"],
  ["finanzplan", FINANZPLAN, "Finanzplan"],
  ["begruendungen", BEGRUENDUNGEN, "Begründungen"],
  ["indikatoren", INDIKATOREN_TABELLE, "Indikatoren"],
  ["parameter", PARAMETER_DEF, "Parameter"],
] as const;

function a1(zeile: number, spalte: number): string {
  let s = "";
  for (let n = spalte; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${zeile}`;
}

/** Active content (X05): named, and gone from the copy (exceljs writes no macros or external link parts). */
function aktiveInhalte(wb: ExcelJS.Workbook, imPaket: readonly AktiverInhalt[]): Auffaelligkeit[] {
  return [...imPaket, ...entferneAktiveZellen(wb)].map((a) => ({
    regel: "X05",
    schwere: "warnung",
    blatt: a.blatt,
    zelle: a.zelle,
    meldung:
      a.zelle === null
        ? `Die Arbeitsmappe ${a.meldung}; die geprüfte Kopie enthält das nicht.`
        : `${a.blatt}: ${a.meldung}`,
  }));
}

/** Numbers in the input tables that Excel shows with other digits (X06): what is seen is not what is checked. */
function taeuschendeFormate(
  wb: ExcelJS.Workbook,
  tabellen: readonly (TabellenDaten | null)[],
): Auffaelligkeit[] {
  const funde: Auffaelligkeit[] = [];
  for (const { t, ws } of mitBlatt(wb, tabellen))
    for (let zeile = t.kopfZeile + 1; zeile <= t.kopfZeile + t.werte.length; zeile++)
      for (let spalte = 1; spalte <= t.kopf.length; spalte++) {
        const cell = ws.getRow(zeile).getCell(spalte);
        const wert = zellwert(cell.value);
        const grund = typeof wert === "number" ? taeuschendesFormat(cell.numFmt, wert) : null;
        if (grund)
          funde.push({
            regel: "X06",
            schwere: "warnung",
            blatt: t.blatt,
            zelle: cell.address,
            meldung: `${t.blatt} ${cell.address} enthält ${String(wert).replace(".", ",")}, aber ${grund}: Excel zeigt dort andere Ziffern als die geprüften.`,
          });
      }
  return funde;
}

/** The input tables found, each with its worksheet. */
function mitBlatt(wb: ExcelJS.Workbook, tabellen: readonly (TabellenDaten | null)[]) {
  return tabellen.flatMap((t) => {
    const ws = t ? wb.getWorksheet(t.blatt) : undefined;
    return t && ws ? [{ t, ws }] : [];
  });
}

/** An Excel table of the file (its table part): where it stands and whether it shows a totals row. */
function tabellenObjekt(ws: ExcelJS.Worksheet | undefined, name: string) {
  const t = ws
    ?.getTables()
    .map((x) => (x as unknown as { table: { name: string; tableRef: string; totalsRow?: boolean } }).table)
    .find((x) => x.name.toLowerCase() === name.toLowerCase());
  const b = t ? bereichAus(t.tableRef) : null;
  if (!t || !b) return null;
  return {
    name: t.name,
    ...b,
    summenZeile: t.totalsRow === true,
  };
}

/**
 * Where the file holds the layout's table as an Excel table (found by its name, header in the row the
 * headers were found), its rows are the table's rows, as the add-in reads them: rows typed or pasted
 * below it are not checked and named (X08, the add-in's words), so that the two readers — and a seal
 * made in the pane and verified here — see the same plan. A hand-made sheet without the table part is
 * read by its headers down to its last filled row, as before.
 */
function aufTabellenobjekt(
  wb: ExcelJS.Workbook,
  t: TabellenDaten,
  def: TabellenDefinition,
  blattRaster: readonly (readonly Zellwert[])[],
): { t: TabellenDaten; darunter: Auffaelligkeit | null } {
  const o = tabellenObjekt(wb.getWorksheet(t.blatt), def.tabelle);
  if (!o || o.oben !== t.kopfZeile) return { t, darunter: null };
  const koerperEnde = o.unten - (o.summenZeile ? 1 : 0);
  const werte = t.werte.slice(0, Math.max(0, koerperEnde - t.kopfZeile));
  // As the add-in reads them: ZEILEN_DARUNTER rows, empty where the sheet ends.
  const unten = Array.from({ length: ZEILEN_DARUNTER }, (_, i) =>
    (blattRaster[o.unten + i] ?? []).slice(o.links - 1, o.rechts),
  );
  const text = zeilenDarunter(unten, o.unten + 1, o.name, t.blatt);
  return {
    t: { ...t, werte },
    darunter: text
      ? { regel: "X08", schwere: "warnung", blatt: t.blatt, zelle: a1(o.unten + 1, o.links), meldung: text }
      : null,
  };
}

/** A merged area of a sheet as exceljs keeps it (`Worksheet._merges`: first cell → its dimensions). */
interface Verbund {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Merged cells in the input tables (X07): only the area's first cell holds a value; the others are read
 * as empty, as Excel holds them, and the area is named so that the findings on those rows make sense.
 */
function verbundeneZellen(
  wb: ExcelJS.Workbook,
  tabellen: readonly (TabellenDaten | null)[],
): Auffaelligkeit[] {
  const funde: Auffaelligkeit[] = [];
  for (const { t, ws } of mitBlatt(wb, tabellen)) {
    const letzte = t.kopfZeile + t.werte.length;
    const verbunde = Object.values((ws as unknown as { _merges: Record<string, Verbund> })._merges ?? {});
    for (const v of verbunde) {
      if (v.bottom < t.kopfZeile || v.top > letzte || v.left > t.kopf.length) continue;
      const erste = a1(v.top, v.left);
      const bereich = `${erste}:${a1(v.bottom, v.right)}`;
      funde.push({
        regel: "X07",
        schwere: "warnung",
        blatt: t.blatt,
        zelle: erste,
        meldung: `${t.blatt} ${bereich} sind verbundene Zellen: nur ${erste} enthält einen Wert, die übrigen Zellen des Verbunds gelten als leer (so speichert Excel verbundene Zellen). Befunde zu leeren Pflichtfeldern in diesen Zeilen kommen daher.`,
      });
    }
  }
  return funde;
}

export async function leseDatei(pfad: string): Promise<GeleseneDatei> {
  const { wb, aktiv } = await ladeArbeitsmappe(pfad);
  const raster_ = new Map<string, Zellwert[][]>();
  const formeln = new Map<string, Formelzelle[]>();
  const zustand = new Map<string, string>();
  wb.eachSheet((ws) => {
    const f: Formelzelle[] = [];
    raster_.set(ws.name, raster(ws, f));
    formeln.set(ws.name, f);
    zustand.set(ws.name, ws.state ?? "visible");
  });
  const auffaelligkeiten = aktiveInhalte(wb, aktiv);
  const gefunden = {} as Record<(typeof GELESENE_TABELLEN)[number][0], TabellenDaten | null>;
  for (const [schluessel, def, name] of GELESENE_TABELLEN) {
    const alle = kandidaten(def, raster_, zustand);
    const gelesen = alle[0] ? aufTabellenobjekt(wb, alle[0], def, raster_.get(alle[0].blatt) ?? []) : null;
    const t = gelesen?.t ?? null;
    gefunden[schluessel] = t;
    if (!t) continue;
    if (gelesen?.darunter) auffaelligkeiten.push(gelesen.darunter);
    if (alle.length > 1)
      auffaelligkeiten.push({
        regel: "X04",
        schwere: "fehler",
        blatt: t.blatt,
        zelle: null,
        meldung: `Die Tabelle ${name} steht auf mehreren Blättern (${alle.map((k) => `„${k.blatt}“${eingeblendet(zustand.get(k.blatt)) ? "" : " – ausgeblendet"}`).join(", ")}); geprüft wurde „${t.blatt}“. Die übrigen löschen, damit klar ist, welche Zahlen gelten.`,
      });
    if (!eingeblendet(zustand.get(t.blatt)))
      auffaelligkeiten.push({
        regel: "X03",
        schwere: "warnung",
        blatt: t.blatt,
        zelle: null,
        meldung: `Die Tabelle ${name} steht auf dem ausgeblendeten Blatt „${t.blatt}“${zustand.get(t.blatt) === "veryHidden" ? " (nur per Makro einblendbar)" : ""}: geprüft wird, was Excel nicht zeigt. Blatt einblenden (Rechtsklick auf einen Blattreiter → Einblenden) und prüfen.`,
      });
    const letzte = t.kopfZeile + t.werte.length;
    for (const f of formeln.get(t.blatt) ?? []) {
      if (f.zeile <= t.kopfZeile || f.zeile > letzte || f.spalte > t.kopf.length) continue;
      const wert = raster_.get(t.blatt)?.[f.zeile - 1]?.[f.spalte - 1];
      auffaelligkeiten.push(
        f.ergebnis
          ? {
              regel: "X01",
              schwere: "warnung",
              blatt: t.blatt,
              zelle: a1(f.zeile, f.spalte),
              meldung: `${name} ${a1(f.zeile, f.spalte)} enthält die Formel ${f.formel.slice(0, 60)}; geprüft wurde ihr in der Datei gespeichertes Ergebnis ${String(wert)}. Stimmt es nicht mit Excels Anzeige überein, die Mappe in Excel öffnen, neu berechnen und speichern.`,
            }
          : {
              regel: "X02",
              schwere: "fehler",
              blatt: t.blatt,
              zelle: a1(f.zeile, f.spalte),
              meldung: `${name} ${a1(f.zeile, f.spalte)} enthält die Formel ${f.formel.slice(0, 60)} ohne gespeichertes Ergebnis: ihr Wert ist unbekannt und wurde als leer gelesen. Die Mappe in Excel öffnen und speichern, dann erneut prüfen.`,
            },
      );
    }
  }
  for (const a of taeuschendeFormate(wb, Object.values(gefunden))) auffaelligkeiten.push(a);
  for (const a of verbundeneZellen(wb, Object.values(gefunden))) auffaelligkeiten.push(a);
  // The seal: on the tools' hidden seal sheet (marked, it may have been renamed); in a workbook checked
  // before that sheet existed, beside the Prüfbericht (columns H, I).
  const siegelBlatt = raster_.get(markiertesBlatt(wb, "siegel")?.name ?? SIEGEL_BLATT.blatt);
  const bericht = raster_.get(markiertesBlatt(wb, "pruefbericht")?.name ?? PRUEFBERICHT.blatt);
  return {
    wb,
    blaetter: [...raster_.keys()],
    auffaelligkeiten,
    mappe: {
      siegel: siegelBlatt
        ? siegelBlatt.map((z) => [z[0] ?? null, z[1] ?? null])
        : bericht
          ? bericht.map((z) => [z[SIEGEL_SPALTE - 1] ?? null, z[SIEGEL_SPALTE] ?? null])
          : null,
      ...gefunden,
    },
  };
}
