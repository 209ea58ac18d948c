/**
 * Watching (ExcelApi 1.7): the input tables' onChanged events tell the pane that a check's result is
 * stale. Where events are missing, the caller asks again from time to time.
 */
import { FINANZPLAN, MASSNAHMEN, PARAMETER } from "../../../shared/arbeitsmappe";
import type { ExcelApi } from "./excel-api";

/** The tables whose change makes a check's result stale (the seal covers them). */
const BEOBACHTET = [MASSNAHMEN.tabelle, FINANZPLAN.tabelle, PARAMETER.tabelle];

export async function beobachte(
  excel: ExcelApi,
  beiAenderung: () => void,
): Promise<"ereignisse" | "abfrage"> {
  try {
    return await excel.run({}, async (ctx) => {
      const liste = ctx.workbook.tables;
      liste.load("items/name");
      await ctx.sync();
      const namen = liste.items
        .map((t) => t.name)
        .filter((n) => BEOBACHTET.some((b) => b.toLowerCase() === n.toLowerCase()));
      if (namen.length === 0) return "abfrage";
      for (const n of namen)
        ctx.workbook.tables.getItem(n).onChanged.add(async () => {
          beiAenderung();
        });
      await ctx.sync();
      return "ereignisse" as const;
    });
  } catch {
    return "abfrage";
  }
}
