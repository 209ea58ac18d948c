/**
 * Reading again only the rows a change touched (1 sync): for each table the header, its place and
 * its row count — to see that the table still has the shape of the last read — and the touched rows.
 * A table whose shape changed (rows or columns inserted, header edited, moved) is „neu lesen“: the
 * caller reads the whole workbook; nothing is guessed.
 */
import { spaltenBuchstabe, type Arbeitsmappe, type Zellwert } from "../../../shared/arbeitsmappe";
import type { ExcelApi, Range } from "./excel-api";
import { alsZellwerte, bestaetigeFehlerwerte } from "./lesen";
import { TABELLEN, fehlerCode, gleich, type Lesung, type TabellenSchluessel } from "./gemeinsam";

/** Sheet rows (inclusive) of one table to read again. */
export interface Zeilenwunsch {
  tabelle: TabellenSchluessel;
  von: number;
  bis: number;
}

export type Nachlesung = { art: "ok"; mappe: Arbeitsmappe } | { art: "neu_lesen"; grund: string };

interface Geplant {
  w: Zeilenwunsch;
  kopf: Range;
  koerper: Range;
  zeilen: Range;
}

export async function leseZeilen(
  excel: ExcelApi,
  vorher: Lesung,
  wuensche: readonly Zeilenwunsch[],
): Promise<Nachlesung> {
  for (const w of wuensche) {
    const t = vorher.stand.tabellen[w.tabelle];
    if (!t || !vorher.mappe[w.tabelle]) return { art: "neu_lesen", grund: `${w.tabelle} war nicht gelesen` };
    if (w.von <= t.kopfZeile || w.bis > t.kopfZeile + t.zeilen)
      return { art: "neu_lesen", grund: `${w.tabelle}: Zeilen ${w.von}–${w.bis} außerhalb der Tabelle` };
  }
  try {
    return await excel.run({ delayForCellEdit: true }, async (ctx) => {
      const geplant: Geplant[] = wuensche.map((w) => {
        const t = vorher.stand.tabellen[w.tabelle]!;
        const tabelle = ctx.workbook.tables.getItem(t.name);
        const kopf = tabelle.getHeaderRowRange();
        kopf.load("values,rowIndex,columnIndex");
        const koerper = tabelle.getDataBodyRange();
        koerper.load("rowCount");
        const links = spaltenBuchstabe(t.ersteSpalte);
        const rechts = spaltenBuchstabe(t.ersteSpalte + t.kopf.length - 1);
        const zeilen = ctx.workbook.worksheets
          .getItem(t.blatt)
          .getRange(`${links}${w.von}:${rechts}${w.bis}`);
        zeilen.load("values");
        return { w, kopf, koerper, zeilen };
      });
      await ctx.sync();
      const mappe: Arbeitsmappe = { ...vorher.mappe };
      for (const g of geplant) {
        const t = vorher.stand.tabellen[g.w.tabelle]!;
        const gleicheForm =
          g.kopf.rowIndex + 1 === t.kopfZeile &&
          g.kopf.columnIndex + 1 === t.ersteSpalte &&
          g.koerper.rowCount === t.zeilen &&
          gleich(g.kopf.values[0] ?? [], t.kopf);
        if (!gleicheForm)
          return { art: "neu_lesen" as const, grund: `${TABELLEN[g.w.tabelle].tabelle} verändert` };
        // As the full read takes them: an unknown #-text confirmed as an error value (Z03) or not.
        const gelesen = g.zeilen.values as Zellwert[][];
        await bestaetigeFehlerwerte(ctx, t.blatt, gelesen, g.w.von, t.ersteSpalte);
        const alt = mappe[g.w.tabelle]!;
        const werte = alt.werte.slice();
        alsZellwerte(gelesen).forEach((z, i) => (werte[g.w.von - t.kopfZeile - 1 + i] = z));
        mappe[g.w.tabelle] = { ...alt, werte };
      }
      return { art: "ok" as const, mappe };
    });
  } catch (e) {
    // A table renamed or deleted meanwhile: read everything again rather than guess.
    return { art: "neu_lesen", grund: fehlerCode(e) || String(e) };
  }
}
