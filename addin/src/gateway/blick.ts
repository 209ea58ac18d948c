/**
 * The look before writing (1 sync): what decides whether the write can succeed — the tables still as
 * read (rows, order, position), no filter on them, the add-in's sheets still there, which sheets are
 * protected. A write that would fail or land wrong is not started; the result says why in German.
 */
import {
  EIGENE_BLAETTER,
  freierBlattname,
  spaltenBuchstabe,
  type EigenesBlatt,
} from "../../../shared/arbeitsmappe";
import type { ExcelApi, RequestContext } from "./excel-api";
import {
  TABELLEN,
  fehlerCode,
  gleich,
  schluesselHash,
  type Lesestand,
  type TabellenSchluessel,
} from "./gemeinsam";
import { markierteBlaetter } from "./lesen";

export interface Lage {
  /** Kind → the sheet the write uses, and whether it must be created. */
  ziele: Partial<Record<EigenesBlatt, { blatt: string; neu: boolean; markieren: boolean }>>;
  /** Sheets to unprotect before writing and protect again after, with their options. */
  geschuetzt: Map<string, Record<string, boolean>>;
  /** The add-in's charts per sheet as they are now (a re-run updates them instead of adding more). */
  diagramme: Map<string, Set<string>>;
  /** The workbook's names (lower case), to replace a mark left over from a deleted sheet. */
  namen: Set<string>;
  hinweise: string[];
}

/** Queues the loads that show whether a table to write into is as the read left it. */
function ladeTabellen(ctx: RequestContext, stand: Lesestand, schreibtIn: TabellenSchluessel[]) {
  return schreibtIn.flatMap((k) => {
    const g = stand.tabellen[k];
    if (!g) return [];
    const t = ctx.workbook.tables.getItem(g.name);
    const kopf = t.getHeaderRowRange();
    kopf.load("values,rowIndex,columnIndex");
    const koerper = t.getDataBodyRange();
    koerper.load("rowCount");
    // The key columns of every row (Nr; Nr and Jahr): a sort or a moved row changes them.
    const schluessel =
      g.zeilen > 0
        ? g.schluesselSpalten.map((s) => {
            const sp = spaltenBuchstabe(s);
            const r = ctx.workbook.worksheets
              .getItem(g.blatt)
              .getRange(`${sp}${g.kopfZeile + 1}:${sp}${g.kopfZeile + g.zeilen}`);
            r.load("values");
            return r;
          })
        : [];
    // Navigation properties (autoFilter, protection, charts) are proxies, not loaded values; the
    // office-addins rules cannot tell them apart.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const af = t.autoFilter;
    af.load("isDataFiltered");
    const schutz = ctx.workbook.worksheets.getItem(g.blatt).protection;
    schutz.load("protected,options");
    return [{ k, g, kopf, koerper, schluessel, af, schutz }];
  });
}

/** Queues the loads of the add-in's own sheets found by the read: protection and charts. */
function ladeEigene(ctx: RequestContext, stand: Lesestand, arten: EigenesBlatt[]) {
  return arten.flatMap((art) => {
    const blatt = stand.eigene[art];
    if (!blatt) return [];
    const ws = ctx.workbook.worksheets.getItem(blatt);
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const schutz = ws.protection;
    schutz.load("protected,options");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const charts = art === "uebersicht" || art === "foerderhoechstbetraege" ? ws.charts : null;
    charts?.load("items/name");
    return [{ art, blatt, schutz, charts }];
  });
}

/** After the sync: why a table cannot be written into (changed since the read, filtered), in German. */
function tabellenGruende(tabellen: ReturnType<typeof ladeTabellen>, lage: Lage): string[] {
  const meldungen: string[] = [];
  for (const x of tabellen) {
    const name = TABELLEN[x.k].blatt;
    const verschoben = x.kopf.rowIndex + 1 !== x.g.kopfZeile || x.kopf.columnIndex + 1 !== x.g.ersteSpalte;
    const anders =
      verschoben ||
      x.koerper.rowCount !== x.g.zeilen ||
      !gleich(x.kopf.values[0] ?? [], x.g.kopf) ||
      (x.schluessel.length > 0 &&
        schluesselHash(x.schluessel.map((r) => r.values.map((z) => z[0] ?? ""))) !== x.g.schluesselHash);
    if (anders)
      meldungen.push(
        `Die Tabelle ${name} wurde während der Prüfung geändert (Zeilen eingefügt, gelöscht, sortiert oder verschoben). Es wurde nichts geschrieben – bitte erneut prüfen.`,
      );
    if (x.af.isDataFiltered)
      meldungen.push(
        `In der Tabelle ${name} ist ein Filter gesetzt; Excel würde die Ergebnisse in die falschen Zeilen schreiben. Filter in der Tabelle ${name} aufheben (Daten → Filter löschen) und erneut prüfen.`,
      );
    if (x.schutz.protected) lage.geschuetzt.set(x.g.blatt, x.schutz.options);
  }
  return meldungen;
}

/**
 * Where each of the add-in's sheets goes: the sheet the read found (marked again if the mark is
 * missing), else a free name — a user's sheet of the wanted name stays untouched, and the result says so.
 */
function zieleWaehlen(
  stand: Lesestand,
  arten: EigenesBlatt[],
  blaetter: readonly string[],
  marken: Partial<Record<EigenesBlatt, string>>,
  lage: Lage,
): void {
  const belegt = [...blaetter];
  for (const art of arten) {
    const gefunden = stand.eigene[art];
    if (gefunden) {
      lage.ziele[art] = { blatt: gefunden, neu: false, markieren: marken[art] !== gefunden };
      continue;
    }
    const wunsch = EIGENE_BLAETTER[art].blatt;
    const blatt = freierBlattname(wunsch, belegt);
    belegt.push(blatt);
    lage.ziele[art] = { blatt, neu: true, markieren: true };
    if (blatt !== wunsch) {
      const fremd = blaetter.find((b) => b.toLocaleLowerCase("de") === wunsch.toLocaleLowerCase("de"));
      lage.hinweise.push(
        `Das Blatt „${fremd ?? wunsch}“ gehört nicht zum Add-in und blieb unberührt; die Ausgabe steht auf dem neuen Blatt „${blatt}“.`,
      );
    }
  }
}

/**
 * One sync that loads what decides whether the write can succeed, then the decision: the tables to
 * write into unchanged since the read and not filtered, the add-in's sheets where the read found them.
 */
export async function schaueVorSchreiben(
  ctx: RequestContext,
  stand: Lesestand,
  schreibtIn: TabellenSchluessel[],
  arten: EigenesBlatt[],
): Promise<{ art: "ok"; lage: Lage } | { art: "abgelehnt"; meldungen: string[] }> {
  ctx.workbook.worksheets.load("items/name");
  ctx.workbook.names.load("items/name,items/value");
  const tabellen = ladeTabellen(ctx, stand, schreibtIn);
  const eigene = ladeEigene(ctx, stand, arten);
  try {
    await ctx.sync();
  } catch (e) {
    if (fehlerCode(e) !== "ItemNotFound") throw e;
    return {
      art: "abgelehnt",
      meldungen: [
        "Eine Tabelle oder ein Blatt wurde seit dem Lesen umbenannt oder gelöscht. Es wurde nichts geschrieben – bitte die Aktion erneut starten.",
      ],
    };
  }
  const lage: Lage = {
    ziele: {},
    geschuetzt: new Map(),
    diagramme: new Map(),
    namen: new Set(ctx.workbook.names.items.map((n) => n.name.toLowerCase())),
    hinweise: [],
  };
  const meldungen = tabellenGruende(tabellen, lage);
  if (meldungen.length > 0) return { art: "abgelehnt", meldungen };
  const blaetter = ctx.workbook.worksheets.items.map((w) => w.name);
  for (const x of eigene) {
    if (x.schutz.protected) lage.geschuetzt.set(x.blatt, x.schutz.options);
    if (x.charts) lage.diagramme.set(x.blatt, new Set(x.charts.items.map((c) => c.name)));
  }
  zieleWaehlen(stand, arten, blaetter, markierteBlaetter(ctx.workbook.names.items, blaetter), lage);
  return { art: "ok", lage };
}

/** After a failed write: the protection the run lifted goes back on (best effort, one sync). */
export async function schuetzeWieder(excel: ExcelApi, blaetter: Map<string, Record<string, boolean>>) {
  await excel
    .run({ delayForCellEdit: true }, async (ctx) => {
      const schutz = [...blaetter.keys()].map((b) => {
        const p = ctx.workbook.worksheets.getItem(b).protection;
        p.load("protected");
        return [b, p] as const;
      });
      await ctx.sync();
      for (const [b, p] of schutz) if (!p.protected) p.protect(blaetter.get(b));
      await ctx.sync();
    })
    .catch(() => {});
}
