/**
 * Watching (ExcelApi 1.7): the input tables' onChanged events tell the pane that a check's result is
 * stale, and where: Excel names the changed area (`address`), how it changed (`changeType`) and
 * whether this session or a co-author made the change (`source`: "Local" / "Remote";
 * Excel.TableChangedEventArgs). Where events are missing, the caller asks again from time to time.
 */
import { ordneTabelle, type Spalte } from "../../../shared/arbeitsmappe";
import type { ExcelApi, TabellenAenderung } from "./excel-api";
import { TABELLEN, type GeleseneTabelle, type TabellenSchluessel } from "./gemeinsam";

/** One change Excel reported in a watched table. */
export interface Aenderung {
  tabelle: TabellenSchluessel;
  /** The changed area on the sheet as Excel named it ("K6", "A7:K9"). */
  adresse: string;
  /** Excel.DataChangeType: only "RangeEdited" leaves the table's shape as it was. */
  art: string;
  /** A co-author's change (source "Remote"), not one made in this Excel. */
  entfernt: boolean;
}

/** Sheet rows and columns of an address ("K6", "A7:K9", "7:9", "K:K"); null parts where open. */
export function bereichVon(adresse: string): {
  zeilen: { von: number; bis: number } | null;
  spalten: { von: number; bis: number } | null;
} {
  const teil = (a: string) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/.exec(a.toUpperCase());
    const s = m?.[1] ? [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : null;
    return { s, z: m?.[2] ? Number(m[2]) : null };
  };
  const [a = "", b = a] = adresse.replace(/^.*!/, "").split(":");
  const x = teil(a);
  const y = teil(b);
  return {
    zeilen: x.z !== null && y.z !== null ? { von: Math.min(x.z, y.z), bis: Math.max(x.z, y.z) } : null,
    spalten: x.s !== null && y.s !== null ? { von: Math.min(x.s, y.s), bis: Math.max(x.s, y.s) } : null,
  };
}

/**
 * Whether a change can touch what the seal covers: not when every changed column is one of the
 * add-in's grey output columns (its own writes raise onChanged too, and TableChangedEventArgs has no
 * triggerSource to tell them apart). Unknown columns count as input.
 */
export function betrifftEingaben(a: Aenderung, t: GeleseneTabelle | undefined): boolean {
  const def = TABELLEN[a.tabelle];
  const { spalten } = bereichVon(a.adresse);
  if (!t || !spalten || a.art !== "RangeEdited" || !("spalten" in def)) return true;
  const geordnet = ordneTabelle(
    {
      blatt: t.blatt,
      kopfZeile: t.kopfZeile,
      ersteSpalte: t.ersteSpalte,
      kopf: t.kopf.map(kopfText),
      werte: [],
    },
    def,
  );
  const ausgabe = new Set(
    (def.spalten as readonly Spalte[])
      .filter((s) => s.ausgabe)
      .map((s) => geordnet.spalten.get(s.schluessel)),
  );
  for (let s = spalten.von; s <= spalten.bis; s++) if (!ausgabe.has(s)) return true;
  return false;
}

const kopfText = (v: unknown) => (typeof v === "string" ? v : v === null ? null : String(v));

export async function beobachte(
  excel: ExcelApi,
  beiAenderung: (a: Aenderung) => void,
): Promise<"ereignisse" | "abfrage"> {
  try {
    return await excel.run({ delayForCellEdit: true }, async (ctx) => {
      const liste = ctx.workbook.tables;
      liste.load("items/name");
      await ctx.sync();
      let angemeldet = 0;
      for (const [schluessel, def] of Object.entries(TABELLEN) as [
        TabellenSchluessel,
        { tabelle: string },
      ][]) {
        const t = liste.items.find((x) => x.name.toLowerCase() === def.tabelle.toLowerCase());
        if (!t) continue;
        ctx.workbook.tables.getItem(t.name).onChanged.add(async (e: TabellenAenderung) => {
          beiAenderung({
            tabelle: schluessel,
            adresse: e.address,
            art: e.changeType,
            entfernt: e.source === "Remote",
          });
        });
        angemeldet++;
      }
      if (angemeldet === 0) return "abfrage";
      await ctx.sync();
      return "ereignisse" as const;
    });
  } catch {
    return "abfrage";
  }
}
