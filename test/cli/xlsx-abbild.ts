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
  const aus: Record<string, Json> = {};
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
      // One line per cell in the JSON: a string of the cell's own JSON.
      if (Object.keys(z).length > 0) aus[c.address] = JSON.stringify(z);
    }),
  );
  return aus;
}

/** exceljs reads a validation per cell; gathered here per validation into column runs ("B2:B501"). */
function pruefungen(ws: ExcelJS.Worksheet): Record<string, Json> {
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
    .model;
  const je = new Map<string, { spalte: string; zeile: number }[]>();
  for (const [adresse, v] of Object.entries(model)) {
    const m = /^([A-Z]+)(\d+)$/.exec(adresse);
    if (!m) continue;
    const k = JSON.stringify(rein(v));
    je.set(k, [...(je.get(k) ?? []), { spalte: m[1]!, zeile: Number(m[2]) }]);
  }
  const aus: Record<string, Json> = {};
  for (const [k, zellen] of je) {
    zellen.sort((a, b) => a.spalte.localeCompare(b.spalte) || a.zeile - b.zeile);
    const laeufe: string[] = [];
    let von = zellen[0]!;
    let bis = von;
    for (const z of [...zellen.slice(1), null]) {
      if (z && z.spalte === bis.spalte && z.zeile === bis.zeile + 1) {
        bis = z;
        continue;
      }
      laeufe.push(
        von === bis ? `${von.spalte}${von.zeile}` : `${von.spalte}${von.zeile}:${bis.spalte}${bis.zeile}`,
      );
      if (z) von = bis = z;
    }
    aus[laeufe.join(" ")] = k;
  }
  return aus;
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
