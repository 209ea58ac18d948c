/**
 * One picture, two hands: the same output (a check with findings and a seal, an allocation with its
 * charts) written by the add-in's gateway into the fake Excel and by lsz's exceljs writer into the
 * template, then read back — the fake's cells, lsz's through the xlsx file it saves — and compared
 * cell by cell: values and links, number formats, styles, widths, row heights, protection, visibility,
 * frozen rows, tab colour and print setup. A difference in either writer fails here.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { FakeArbeitsmappe } from "../../addin/src/fake/fake-excel";
import { createGateway } from "../../addin/src/gateway/gateway";
import { schreibePruefung, schreibeVerteilung } from "../../cli/annotieren";
import { erzeugeArbeitsmappe } from "../../cli/vorlage";
import {
  EIGENE_BLAETTER,
  FINANZPLAN,
  pruefAnfrage,
  pruefAusgabe,
  verteilAnfrage,
  verteilAusgabe,
  type EigenesBlatt,
} from "../../shared/arbeitsmappe";
import { verteile } from "../../shared/allocation/verteilung";
import { allocationRequestSchema } from "../../shared/allocation/schema";
import { pruefe } from "../../shared/pruefung/pruefe";
import { validationRequestSchema } from "../../shared/pruefung/schema";
import { erstelleSiegel } from "../../shared/siegel";
import { BEISPIEL, beispiel, spalteVon } from "../addin/fake-hilfen";

type Wert = string | number | boolean;

interface Zelle {
  wert: Wert;
  link: string | null;
  format: string;
  fett: boolean;
  groesse: number;
  schrift: string;
  fuellung: string;
  umbruch: boolean;
  oben: boolean;
}

interface Abbild {
  zellen: Record<string, Zelle>;
  breiten: Record<number, number>;
  hoehen: Record<number, number>;
  druck: {
    hoch: boolean;
    breite: number;
    hoehe: number;
    titel: string | null;
    kopf: string;
    fuss: string;
  } | null;
  geschuetzt: boolean;
  sichtbar: boolean;
  fixiert: number;
  reiter: string | null;
}

const STANDARD: Omit<Zelle, "wert" | "link"> = {
  format: "General",
  fett: false,
  groesse: 11,
  schrift: "#000000",
  fuellung: "",
  umbruch: false,
  oben: false,
};

/** A cell that differs from an untouched one (value, format or style), else null. */
function zelle(teil: Partial<Zelle>): Zelle | null {
  const z: Zelle = { wert: "", link: null, ...STANDARD, ...teil };
  const leer = z.wert === "" && z.link === null;
  const standard = (Object.keys(STANDARD) as (keyof typeof STANDARD)[]).every((k) => z[k] === STANDARD[k]);
  return leer && standard ? null : z;
}

/** HYPERLINK("#'Blatt'!E7","E7") → 'Blatt'!E7 */
function linkAusFormel(formel: string | undefined): string | null {
  const m = formel ? /^=HYPERLINK\("#(.*)","(.*)"\)$/.exec(formel) : null;
  return m ? m[1]!.replace(/""/g, '"') : null;
}

const pt = (n: number) => Math.round(n * 10) / 10;
const ohneDollar = (s: string | undefined) => (s ? s.replace(/\$/g, "") : null);

function fakeAbbild(m: FakeArbeitsmappe, blatt: string): Abbild {
  const n = m.blattName(blatt)!;
  const orte = new Set<string>([...(m.blaetter.get(n)?.keys() ?? []), ...(m.formate.get(n)?.keys() ?? [])]);
  for (const e of m.stile.get(n) ?? [])
    for (let z = e.b.z1; z <= Math.min(e.b.z2, 400); z++)
      for (let s = e.b.s1; s <= Math.min(e.b.s2, 60); s++) orte.add(`${z}:${s}`);
  const zellen: Record<string, Zelle> = {};
  for (const k of orte) {
    const [z, s] = k.split(":").map(Number) as [number, number];
    const stil = m.stil(n, z, s);
    const c = zelle({
      wert: m.wert(n, z, s) as Wert,
      link: linkAusFormel(m.formel(n, z, s)),
      format: m.zahlenformat(n, z, s) ?? STANDARD.format,
      fett: (stil.fett as boolean | undefined) ?? false,
      groesse: (stil.groesse as number | undefined) ?? 11,
      schrift: (stil.schrift as string | undefined) ?? STANDARD.schrift,
      fuellung: (stil.fuellung as string | undefined) ?? "",
      umbruch: (stil.umbruch as boolean | undefined) ?? false,
      oben: stil.vertikal === "Top",
    });
    if (c) zellen[k] = c;
  }
  const d = m.druck.get(n);
  return {
    zellen,
    breiten: Object.fromEntries(
      [...(m.breiten.get(n) ?? [])].filter(([s]) => s <= 60).map(([s, b]) => [s, pt(b)]),
    ),
    hoehen: Object.fromEntries([...(m.hoehen.get(n) ?? [])].map(([z, h]) => [z, pt(h)])),
    druck: d
      ? {
          hoch: d.ausrichtung === "Portrait",
          breite: d.breiteSeiten ?? 0,
          hoehe: d.hoeheSeiten ?? 0,
          titel: ohneDollar(d.titelZeilen),
          kopf: `&C${d.kopf ?? ""}&R${d.kopfRechts ?? ""}`,
          fuss: `&C${d.fuss ?? ""}`,
        }
      : null,
    geschuetzt: m.schutz.has(n),
    sichtbar: !m.ausgeblendet.has(n),
    fixiert: m.fixiert.get(n) ?? 0,
    reiter: m.reiter.get(n) ?? null,
  };
}

const farbe = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);

function exceljsZelle(c: ExcelJS.Cell): Zelle | null {
  const v = c.value;
  const link = typeof v === "object" && v !== null && "hyperlink" in v ? v : null;
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  return zelle({
    wert: link ? link.text : v === null || v === undefined ? "" : (v as Wert),
    link: link ? link.hyperlink.replace(/^#/, "") : null,
    format: c.numFmt ?? STANDARD.format,
    fett: c.font?.bold ?? false,
    groesse: c.font?.size ?? 11,
    schrift: farbe(c.font?.color?.argb) ?? STANDARD.schrift,
    fuellung: fill?.pattern === "solid" ? (farbe(fill.fgColor?.argb) ?? "") : "",
    umbruch: c.alignment?.wrapText ?? false,
    oben: c.alignment?.vertical === "top",
  });
}

function exceljsAbbild(ws: ExcelJS.Worksheet): Abbild {
  const zellen: Record<string, Zelle> = {};
  const hoehen: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, z) => {
    if (row.height) hoehen[z] = pt(row.height);
    row.eachCell({ includeEmpty: true }, (c, s) => {
      const x = exceljsZelle(c);
      if (x) zellen[`${z}:${s}`] = x;
    });
  });
  const breiten: Record<number, number> = {};
  (ws.columns ?? []).forEach((col, i) => {
    // The file stores characters; back to points as Excel converts them (7 px a digit, 5 px padding).
    if (col.width !== undefined && i < 60) breiten[i + 1] = pt(((col.width * 7 + 5) * 3) / 4);
  });
  const p = ws.pageSetup;
  const hf = ws.headerFooter;
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  return {
    zellen,
    breiten,
    hoehen,
    druck: hf?.oddFooter
      ? {
          hoch: p.orientation === "portrait",
          breite: p.fitToPage ? (p.fitToWidth ?? 0) : 0,
          hoehe: p.fitToPage ? (p.fitToHeight ?? 0) : 0,
          titel: ohneDollar(p.printTitlesRow),
          kopf: hf.oddHeader ?? "",
          fuss: hf.oddFooter,
        }
      : null,
    geschuetzt: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    sichtbar: (ws.state ?? "visible") === "visible",
    fixiert: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
    reiter: farbe(ws.properties.tabColor?.argb) ?? null,
  };
}

/** lsz's workbook as saved and loaded again: what the file holds, not what exceljs keeps in memory. */
async function gespeichert(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const neu = new ExcelJS.Workbook();
  await neu.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return neu;
}

function vergleiche(m: FakeArbeitsmappe, wb: ExcelJS.Workbook, arten: EigenesBlatt[]) {
  for (const art of arten) {
    const blatt = EIGENE_BLAETTER[art].blatt;
    const ws = wb.getWorksheet(blatt);
    expect(ws, blatt).toBeDefined();
    const fake = fakeAbbild(m, blatt);
    const datei = exceljsAbbild(ws!);
    // Per cell first (a failure names the cell), then the sheet's settings.
    const orte = new Set([...Object.keys(fake.zellen), ...Object.keys(datei.zellen)]);
    for (const k of orte) expect(datei.zellen[k], `${blatt} ${k}`).toEqual(fake.zellen[k]);
    expect({ ...datei, zellen: null }, blatt).toEqual({ ...fake, zellen: null });
  }
}

/** The example plan with one slip (Landesmittel 99.999 € in the Finanzplan's first row) and its check. */
async function pruefungMitTippfehler() {
  const m = beispiel();
  const lm = spalteVon(m, FINANZPLAN.blatt, "Landesmittel");
  m.setze(FINANZPLAN.blatt, lm.zeile + 1, lm.spalte, 99_999);
  const g = createGateway(m.api());
  const lesung = await g.leseTabellen();
  const gelesen = pruefAnfrage(lesung.mappe);
  if (!gelesen.ok) throw new Error(gelesen.meldungen.join("; "));
  const anfrage = validationRequestSchema.parse(gelesen.anfrage);
  const ergebnis = pruefe(anfrage);
  const siegel = await erstelleSiegel(anfrage, ergebnis, "2019-01-15T09:30:00.000Z");
  return { m, g, lesung, ausgabe: pruefAusgabe(ergebnis, gelesen.bezug, siegel) };
}

describe("the add-in and lsz write the same sheets", () => {
  it("a check: Prüfbericht (summary, findings with links), Übersicht, seal and the grey columns", async () => {
    const { m, g, lesung, ausgabe } = await pruefungMitTippfehler();
    expect(ausgabe.bericht.some((b) => b.zelle !== null)).toBe(true);
    const r = await g.schreibePruefung(lesung.stand, ausgabe);
    expect(r.art).toBe("ok");
    const wb = erzeugeArbeitsmappe(BEISPIEL);
    schreibePruefung(wb, ausgabe);
    const datei = await gespeichert(wb);
    vergleiche(m, datei, ["pruefbericht", "uebersicht", "siegel"]);
    // The grey columns: the same values in the same formats, row by row.
    for (const s of ausgabe.spalten) {
      for (const { zeile } of s.werte) {
        const c = datei.getWorksheet(s.blatt)!.getCell(zeile, s.spalte!);
        const wert = c.value === null ? "" : c.value;
        expect(wert, `${s.blatt} ${s.kopf} ${zeile}`).toEqual(m.wert(s.blatt, zeile, s.spalte!));
        expect(c.numFmt, `${s.blatt} ${s.kopf} ${zeile}`).toBe(m.zahlenformat(s.blatt, zeile, s.spalte!));
      }
    }
  }, 60_000);

  it("an allocation: Förderhöchstbeträge with the charts' numbers, and the Verteilungsbericht", async () => {
    const m = beispiel();
    const g = createGateway(m.api());
    const lesung = await g.leseTabellen();
    const gelesen = verteilAnfrage(lesung.mappe);
    if (!gelesen.ok) throw new Error(gelesen.meldungen.join("; "));
    const ergebnis = verteile(allocationRequestSchema.parse(gelesen.anfrage));
    const a = verteilAusgabe(ergebnis, gelesen.bezug);
    expect((await g.schreibeVerteilung(lesung.stand, a.zeilen, a.bericht, a.diagramme)).art).toBe("ok");
    const wb = erzeugeArbeitsmappe(BEISPIEL);
    schreibeVerteilung(wb, a.zeilen, a.bericht, a.diagramme);
    vergleiche(m, await gespeichert(wb), ["foerderhoechstbetraege", "verteilungsbericht"]);
  }, 60_000);
});
