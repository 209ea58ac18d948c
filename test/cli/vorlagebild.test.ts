/**
 * The template's pictures (shared/arbeitsmappe/vorlagebilder.ts) and the file lsz writes from them:
 * every element of every picture — values, number formats, named styles, widths, wrapping, heights,
 * Excel tables, validations with their German messages, notes, unlocked cells, frozen rows, tab
 * colour, visibility, protection and print setup — is in the xlsx when exceljs reads it back.
 * A part the exceljs hand forgot or wrote wrongly fails here.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { erzeugeArbeitsmappe } from "../../cli/vorlage";
import {
  STILE,
  blattName,
  bereichAdresse,
  istVerweis,
  vorlageBilder,
  zeichenbreite,
  type Bereich,
  type Blattart,
  type Blattbild,
  type FuerKreis,
  type Stil,
} from "../../shared/arbeitsmappe";
import { KREISE_THUERINGEN_2019 } from "../../shared/kreise";
import { BEISPIEL } from "../addin/fake-hilfen";

const FUER: FuerKreis = {
  kreis: KREISE_THUERINGEN_2019.find((k) => k.schluessel === "16070")!,
  foerderjahr: 2019,
  foerderhoechstbetrag_eur: 453863,
};

async function gelesen(beispiel: typeof BEISPIEL | null, fuer: FuerKreis | null) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await erzeugeArbeitsmappe(beispiel, fuer).xlsx.writeBuffer()) as ArrayBuffer);
  return wb;
}

function jede(b: Bereich, tue: (zeile: number, spalte: number) => void) {
  for (let z = b.zeile; z < b.zeile + b.zeilen; z++)
    for (let s = b.spalte; s < b.spalte + b.spalten; s++) tue(z, s);
}

/** A cell's value as the picture holds it: a date read back as Excel's serial number, an empty cell as null. */
function wert(c: ExcelJS.Cell): unknown {
  const v = c.value;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  return v;
}

const argb = (farbe: string) => `FF${farbe.slice(1)}`;

function pruefeZellen(ws: ExcelJS.Worksheet, bild: Blattbild<Blattart>) {
  for (const b of bild.bloecke)
    b.werte.forEach((reihe, r) =>
      reihe.forEach((v, s) => {
        const erwartet = istVerweis(v) ? v.text : v === "" ? null : v;
        const c = ws.getCell(b.zeile + r, b.spalte + s);
        expect(wert(c), `${ws.name}!${c.address}`).toEqual(erwartet);
      }),
    );
  for (const f of bild.formate)
    jede(f.bereich, (z, s) => expect(ws.getCell(z, s).numFmt, `${ws.name} ${z}/${s}`).toBe(f.format));
  for (const { bereich, stil } of bild.stile) {
    const st: Stil = STILE[stil];
    jede(bereich, (z, s) => {
      const c = ws.getCell(z, s);
      const was = `${ws.name}!${c.address} ${stil}`;
      if (st.fett !== undefined) expect(c.font?.bold ?? false, was).toBe(st.fett);
      if (st.groesse !== undefined) expect(c.font?.size, was).toBe(st.groesse);
      if (st.schrift !== undefined) expect(c.font?.color?.argb, was).toBe(argb(st.schrift));
      if (st.fuellung !== undefined)
        expect((c.fill as ExcelJS.FillPattern).fgColor?.argb, was).toBe(argb(st.fuellung));
    });
  }
  for (const u of bild.umbruch)
    jede(u, (z, s) => expect(ws.getCell(z, s).alignment?.wrapText, `${ws.name} ${z}/${s}`).toBe(true));
}

function pruefeTabellenUndEingaben(ws: ExcelJS.Worksheet, bild: Blattbild<Blattart>) {
  const tabellen = ws.getTables().map((t) => (t as unknown as { table: Record<string, unknown> }).table);
  expect(tabellen.map((t) => t["name"]).sort(), ws.name).toEqual(bild.tabellen.map((t) => t.name).sort());
  for (const t of bild.tabellen) {
    const x = tabellen.find((y) => y["name"] === t.name)!;
    const bereich = { zeile: t.zeile, spalte: t.spalte, zeilen: t.zeilen + 1, spalten: t.spalten.length };
    expect(x["tableRef"], t.name).toBe(bereichAdresse(bereich));
    expect(x["style"], t.name).toMatchObject({ theme: t.stil, showRowStripes: true });
    const spalten = x["columns"] as { name: string; filterButton: boolean }[];
    expect(spalten.map((s) => s.name)).toEqual(t.spalten);
    expect(
      spalten.every((s) => s.filterButton === t.filter),
      t.name,
    ).toBe(true);
  }
  for (const g of bild.gueltigkeiten)
    jede(g.bereich, (z, s) =>
      expect(ws.getCell(z, s).dataValidation, `${ws.name} ${z}/${s}`).toMatchObject({
        type: g.art === "liste" ? "list" : "custom",
        formulae: [g.art === "liste" ? g.quelle : "FALSE"],
        showErrorMessage: true,
        errorStyle: g.stufe === "warnung" ? "warning" : "stop",
        errorTitle: g.titel,
        error: g.meldung,
      }),
    );
  for (const n of bild.notizen) {
    const note = ws.getCell(n.zeile, n.spalte).note;
    const text = typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("");
    expect(text, `${ws.name} ${n.zeile}/${n.spalte}`).toBe(n.text);
  }
  for (const e of bild.entsperrt)
    jede(e, (z, s) => expect(ws.getCell(z, s).protection?.locked, `${ws.name} ${z}/${s}`).toBe(false));
}

function pruefeBlatt(ws: ExcelJS.Worksheet, bild: Blattbild<Blattart>) {
  expect(ws.state, ws.name).toBe(bild.sichtbar ? "visible" : "hidden");
  expect(ws.properties.tabColor?.argb, ws.name).toBe(bild.reiter ? argb(bild.reiter) : undefined);
  const ansicht = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
  expect(ansicht?.state === "frozen" ? ansicht.ySplit : 0, ws.name).toBe(bild.fixiert);
  for (const b of bild.breiten)
    for (let s = b.von; s <= b.bis; s++)
      expect(ws.getColumn(s).width, `${ws.name} ${s}`).toBe(zeichenbreite(b.pt));
  for (const h of bild.hoehen) expect(ws.getRow(h.zeile).height, `${ws.name} ${h.zeile}`).toBe(h.pt);
  if (bild.druck) {
    expect(ws.pageSetup.orientation, ws.name).toBe(bild.druck.hoch ? "portrait" : "landscape");
    const titel = bild.druck.titelZeile;
    expect(ws.pageSetup.printTitlesRow, ws.name).toBe(titel === null ? undefined : `${titel}:${titel}`);
  }
  const schutz = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  expect(schutz?.sheet ?? false, ws.name).toBe(bild.geschuetzt);
  pruefeZellen(ws, bild);
  pruefeTabellenUndEingaben(ws, bild);
}

describe("the template's file carries every element of its pictures", () => {
  const formen: [string, typeof BEISPIEL | null, FuerKreis | null][] = [
    ["empty", null, null],
    ["example", BEISPIEL, null],
    ["for one Kreis", null, FUER],
  ];
  it.each(formen)(
    "%s",
    async (_, beispiel, fuer) => {
      const bilder = vorlageBilder(beispiel, fuer);
      const wb = await gelesen(beispiel, fuer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(bilder.map((b) => blattName(b.art)));
      for (const bild of bilder) pruefeBlatt(wb.getWorksheet(blattName(bild.art))!, bild);
      // The pictures of an input sheet do use what only lsz writes: the check above is not empty.
      expect(bilder.flatMap((b) => b.tabellen).length).toBeGreaterThanOrEqual(fuer ? 4 : 5);
      expect(bilder.flatMap((b) => b.gueltigkeiten).length).toBeGreaterThan(5);
      expect(bilder.flatMap((b) => b.notizen).length).toBeGreaterThan(3);
    },
    60_000,
  );
});
