/**
 * The standard workbook: the sheet pictures of shared/arbeitsmappe/vorlagebilder.ts (empty, the
 * example, or for one Kreis) carried out with exceljs by cli/blattbild.ts.
 */
import ExcelJS from "exceljs";
import { blattName, vorlageBilder, type Beispieldaten, type FuerKreis } from "../shared/arbeitsmappe";
import { neuesBlatt, schreibeBild } from "./blattbild";

export type { Beispieldaten, FuerKreis };

/**
 * The standard workbook: empty, the example, or (`fuer`) empty for one Kreis — its name, key and
 * Förderhöchstbetrag filled in, without the ministry's Indikatoren and Förderhöchstbeträge sheets.
 */
export function erzeugeArbeitsmappe(
  beispiel: Beispieldaten | null,
  fuer: FuerKreis | null = null,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "LSZ-Finanzplan";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const bild of vorlageBilder(beispiel, fuer))
    schreibeBild(neuesBlatt(wb, blattName(bild.art), bild), bild);
  return wb;
}
