/**
 * The workbook gateway: the only code that talks to Excel, in four parts — reading (`lesen.ts`), the
 * look before writing (`blick.ts`), writing (`schreiben.ts`, carrying out the sheet pictures of
 * shared/arbeitsmappe/blattbild.ts) and watching (`beobachten.ts`). This file joins them.
 */
import type { BerichtZeile, Ausgabe, Diagramm, Zellwert } from "../../../shared/arbeitsmappe";
import { beobachte, type Aenderung } from "./beobachten";
import type { ExcelApi } from "./excel-api";
import type { Lesestand, Lesung, Schreibergebnis, Teilmeldung } from "./gemeinsam";
import { lese } from "./lesen";
import { leseZeilen, type Nachlesung, type Zeilenwunsch } from "./nachlesen";
import { schreibePruefung, schreibeVerteilung } from "./schreiben";

export { hyperlinkFormel } from "./gemeinsam";
export { betrifftEingaben, bereichVon, type Aenderung } from "./beobachten";
export type { Nachlesung, Zeilenwunsch } from "./nachlesen";

export interface WorkbookGateway {
  /** Reads the standard layout's tables (2 syncs, one more per further chunk). */
  leseTabellen(teil?: Teilmeldung): Promise<Lesung>;
  /**
   * Reads again only the given rows of tables read before (1 sync), into a copy of that read's
   * Arbeitsmappe; „neu_lesen“ where a table's shape changed since (then read everything).
   */
  leseZeilen(vorher: Lesung, wuensche: readonly Zeilenwunsch[]): Promise<Nachlesung>;
  /** Writes output columns, the Prüfbericht, the Übersicht and the seal (2 syncs and chunks). */
  schreibePruefung(stand: Lesestand, ausgabe: Ausgabe, teil?: Teilmeldung): Promise<Schreibergebnis>;
  /** Writes the Förderhöchstbeträge sheet with its charts and the Verteilungsbericht. */
  schreibeVerteilung(
    stand: Lesestand,
    zeilen: Zellwert[][],
    bericht: BerichtZeile[],
    diagramme: readonly Diagramm[],
    teil?: Teilmeldung,
  ): Promise<Schreibergebnis>;
  /** Selects a finding's cell and shows its sheet. */
  waehleZelle(blatt: string, zelle: string): Promise<void>;
  /**
   * The one write into an input cell, and only when the user asks for it (the pane's „Betrag
   * übernehmen“ and its „Rückgängig“): a number into one cell of a sheet.
   */
  setzeEingabe(blatt: string, zelle: string, wert: number): Promise<void>;
  /**
   * Follows changes to the tables the seal covers (Maßnahmen, Finanzplan, Begründungen, Indikatoren,
   * Parameter) through Excel's onChanged events, each with its table, address, kind and source:
   * "ereignisse". Where they are missing (ExcelApi below 1.7, or registering fails), nothing is
   * registered and the caller asks again from time to time: "abfrage".
   */
  beobachte(beiAenderung: (a: Aenderung) => void): Promise<"ereignisse" | "abfrage">;
}

export function createGateway(excel: ExcelApi): WorkbookGateway {
  return {
    leseTabellen: (teil) => lese(excel, teil),
    leseZeilen: (vorher, wuensche) => leseZeilen(excel, vorher, wuensche),
    schreibePruefung: (stand, ausgabe, teil) => schreibePruefung(excel, stand, ausgabe, teil),
    schreibeVerteilung: (stand, zeilen, bericht, diagramme, teil) =>
      schreibeVerteilung(excel, stand, zeilen, bericht, diagramme, teil),
    beobachte: (beiAenderung) => beobachte(excel, beiAenderung),
    async setzeEingabe(blatt, zelle, wert) {
      await excel.run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem(blatt).getRange(zelle).values = [[wert]];
        await ctx.sync();
      });
    },

    async waehleZelle(blatt, zelle) {
      await excel.run({ delayForCellEdit: true }, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(blatt);
        ws.activate();
        ws.getRange(zelle).select();
        await ctx.sync();
      });
    },
  };
}
