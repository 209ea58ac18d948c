/**
 * An xlsx file as exceljs reads it back, as plain JSON: every sheet's cells (values, formulas, number
 * formats, fonts, fills, alignment, protection, notes), widths, row heights, data validations (per
 * range), tables, frozen rows, tab colour, visibility, protection and print setup, and the workbook's
 * names. Two files that give the same picture are the same workbook for Excel's user.
 */
import ExcelJS from "exceljs";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** A plain copy without undefined keys (exceljs leaves many). */
function rein(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return `Datum ${v.toISOString()}`;
  if (Array.isArray(v)) return v.map(rein);
  if (typeof v === "object") {
    const aus: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) aus[k] = rein(x);
    }
    return aus;
  }
  return v as Json;
}

const leer = (v: Json) =>
  v === null || (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);

function notizText(note: ExcelJS.Cell["note"]): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return note.texts?.map((t) => t.text).join("") ?? null;
}

function zellen(ws: ExcelJS.Worksheet): Record<string, Json> {
  const aus: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const alle = rein({
        wert: c.value,
        format: c.numFmt,
        schrift: c.font,
        fuellung: c.fill,
        ausrichtung: c.alignment,
        schutz: c.protection,
        notiz: notizText(c.note),
      }) as Record<string, Json>;
      const z = Object.fromEntries(Object.entries(alle).filter(([, v]) => !leer(v)));
      if (Object.keys(z).length > 0) aus[c.address] = JSON.stringify(z);
    }),
  );
  return gesammelt(aus);
}

/** Cells ("B2", "B3", …, "C2") as column runs: "B2:B21 C2". */
function laeufe(adressen: readonly string[]): string {
  const zellen = adressen
    .map((a) => /^([A-Z]+)(\d+)$/.exec(a)!)
    .map((m) => ({ spalte: m[1]!, zeile: Number(m[2]) }))
    .sort(
      (a, b) => a.spalte.length - b.spalte.length || a.spalte.localeCompare(b.spalte) || a.zeile - b.zeile,
    );
  const aus: string[] = [];
  let von = zellen[0]!;
  let bis = von;
  for (const z of [...zellen.slice(1), null]) {
    if (z && z.spalte === bis.spalte && z.zeile === bis.zeile + 1) {
      bis = z;
      continue;
    }
    aus.push(
      von === bis ? `${von.spalte}${von.zeile}` : `${von.spalte}${von.zeile}:${bis.spalte}${bis.zeile}`,
    );
    if (z) von = bis = z;
  }
  return aus.join(" ");
}

/** Per cell address a JSON text, gathered: the same text over column runs of cells, one line each. */
function gesammelt(jeZelle: Record<string, string>): Record<string, Json> {
  const je = new Map<string, string[]>();
  for (const [adresse, k] of Object.entries(jeZelle)) je.set(k, [...(je.get(k) ?? []), adresse]);
  const aus: Record<string, Json> = {};
  for (const [k, adressen] of je) aus[laeufe(adressen)] = k;
  return Object.fromEntries(
    Object.entries(aus).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })),
  );
}

/** exceljs reads a validation per cell; gathered here per validation into column runs ("B2:B501"). */
function pruefungen(ws: ExcelJS.Worksheet): Record<string, Json> {
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
    .model;
  const jeZelle: Record<string, string> = {};
  for (const [adresse, v] of Object.entries(model))
    if (/^[A-Z]+\d+$/.test(adresse)) jeZelle[adresse] = JSON.stringify(rein(v));
  return gesammelt(jeZelle);
}

function blatt(ws: ExcelJS.Worksheet): Json {
  const breiten: Record<string, Json> = {};
  for (let s = 1; s <= ws.columnCount; s++) {
    const w = ws.getColumn(s).width;
    if (w !== undefined) breiten[s] = w;
  }
  const hoehen: Record<string, Json> = {};
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    if (r.height !== undefined) hoehen[n] = r.height;
  });
  return rein({
    name: ws.name,
    sichtbar: ws.state,
    reiter: ws.properties.tabColor ?? null,
    ansichten: ws.views ?? [],
    druck: ws.pageSetup,
    kopfFuss: ws.headerFooter,
    schutz: (ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null,
    breiten,
    hoehen,
    tabellen: ws.getTables().map((t) => (t as unknown as { table: unknown }).table),
    pruefungen: pruefungen(ws),
    zellen: zellen(ws),
  });
}

/** The picture of a saved workbook, read back with exceljs. */
export async function xlsxAbbild(wb: ExcelJS.Workbook): Promise<Json> {
  const gelesen = new ExcelJS.Workbook();
  await gelesen.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return rein({
    ersteller: gelesen.creator,
    erstellt: gelesen.created,
    namen: gelesen.definedNames.model,
    blaetter: gelesen.worksheets.map(blatt),
  });
}
