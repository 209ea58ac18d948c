/**
 * The pictures of the reports the tools write (shared/arbeitsmappe/blattbild.ts has the type):
 * Prüfbericht and Verteilungsbericht, the Finanzplan-Übersicht, the Förderhöchstbeträge and the seal.
 */
import type { Siegel } from "../siegel";
import { siegelZellen } from "../siegel";
import {
  ausschoepfungZellen,
  diagrammZellen,
  DIAGRAMM_NAMEN,
  type Ausschoepfung,
  type Diagramm,
} from "./diagramme";
import {
  ERGEBNIS_SPALTEN,
  FINANZPLAN_UEBERSICHT,
  FOERDERHOECHSTBETRAEGE,
  PRUEFBERICHT,
  VERTEILUNGSBERICHT,
  ZAHLENFORMATE,
  eigenesBlattFuer,
  ergebnisFormat,
} from "./layout";
import type { Zellwert } from "./tabellen";
import { SCHWERE_TEXT, type BerichtZeile } from "./ausgabe";
import {
  breitenAus,
  hoehenFuerUmbruch,
  leeresBild,
  textFormat,
  type Bildzelle,
  type Blattbild,
} from "./blattbild";

/**
 * Column widths of the report sheets (Prüfbericht, Verteilungsbericht) in points: Schwere, Regel,
 * Meldung, Blatt, Zelle, Regelwerk, So beheben. About 1.000 pt in all, so that fitted to the width of
 * A4 landscape the print stays at about three quarters of its size (11 pt → 8,5 pt); the summary's
 * sums per year stand in columns B–F, wide enough for „445.785,00 €“ and their headers.
 */
export const BERICHT_BREITEN_PT = [75, 95, 320, 95, 75, 105, 250] as const;
/** Förderhöchstbeträge: Kreisschlüssel, Name, then every amount and share. */
export const FOERDERHOECHSTBETRAEGE_BREITEN_PT = [75, 190, 105] as const;
/** The seal sheet (label, value). */
export const SIEGEL_BREITEN_PT = [80, 390] as const;
/** The Finanzplan-Übersicht: the category column, then the number columns. */
export const UEBERSICHT_BREITEN_PT = [150, 95] as const;

function berichtReihen(bericht: readonly BerichtZeile[]): Bildzelle[][] {
  if (bericht.length === 0) return [[SCHWERE_TEXT.ok, "", "Keine Befunde.", "", "", "", ""]];
  return bericht.map((b) => [
    SCHWERE_TEXT[b.schwere],
    b.regel,
    b.meldung,
    b.blatt,
    b.zelle ? { text: b.zelle, blatt: b.blatt, zelle: b.zelle } : "",
    b.regelwerk,
    b.beheben,
  ]);
}

/** The summary page above the Prüfbericht's findings: title, labels in bold, the sums per year formatted. */
function zusammenfassung(bild: Blattbild, oben: readonly (readonly Zellwert[])[]) {
  const breite = oben.reduce((m, r) => Math.max(m, r.length), 1);
  bild.bloecke.push({
    zeile: 1,
    spalte: 1,
    werte: oben.map((r) => Array.from({ length: breite }, (_, i) => r[i] ?? null)),
  });
  bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, stil: "titel" });
  if (oben.length > 1)
    bild.stile.push({ bereich: { zeile: 2, spalte: 1, zeilen: oben.length - 1, spalten: 1 }, stil: "fett" });
  const jahr = oben.findIndex((r) => r[0] === FINANZPLAN_UEBERSICHT.ausschoepfungKopf[0]);
  // The summary's lines are text („2019“, „3“ stay as written); the sums per year are numbers.
  textFormat(bild, { zeile: 1, spalte: 1, zeilen: jahr >= 0 ? jahr : oben.length, spalten: breite });
  if (jahr >= 0) {
    textFormat(bild, { zeile: jahr + 1, spalte: 1, zeilen: 1, spalten: breite });
    bild.umbruch.push({ zeile: jahr + 1, spalte: 1, zeilen: 1, spalten: breite });
  }
  if (jahr >= 0 && jahr + 1 < oben.length) ausschoepfungFormate(bild, jahr + 2, oben.length - jahr - 1);
}

/** The sums per year: euros (Landesmittel, Förderhöchstbetrag), then three percentages. */
function ausschoepfungFormate(bild: Blattbild, ab: number, zeilen: number) {
  bild.formate.push(
    { bereich: { zeile: ab, spalte: 2, zeilen, spalten: 2 }, format: ZAHLENFORMATE.euro },
    { bereich: { zeile: ab, spalte: 4, zeilen, spalten: 3 }, format: ZAHLENFORMATE.prozent },
  );
}

/**
 * A report sheet (Prüfbericht, Verteilungsbericht): an optional summary page, then the findings under
 * a header row that prints on every page; message and advice wrap, rows as tall as their text.
 */
export function berichtBild(
  art: "pruefbericht" | "verteilungsbericht",
  bericht: readonly BerichtZeile[],
  oben: readonly (readonly Zellwert[])[] = [],
): Blattbild {
  const bild = leeresBild(art);
  const kopf = art === "pruefbericht" ? PRUEFBERICHT.kopf : VERTEILUNGSBERICHT.kopf;
  if (oben.length > 0) zusammenfassung(bild, oben);
  const z = oben.length > 0 ? oben.length + 2 : 1;
  const reihen = berichtReihen(bericht);
  bild.bloecke.push({ zeile: z, spalte: 1, werte: [[...kopf]] }, { zeile: z + 1, spalte: 1, werte: reihen });
  // Every column text but the link column (a formula in a text cell would stay text).
  const link = kopf.indexOf("Zelle") + 1;
  textFormat(bild, { zeile: z, spalte: 1, zeilen: reihen.length + 1, spalten: link - 1 });
  textFormat(bild, { zeile: z, spalte: link + 1, zeilen: reihen.length + 1, spalten: kopf.length - link });
  bild.stile.push({ bereich: { zeile: z, spalte: 1, zeilen: 1, spalten: kopf.length }, stil: "kopf" });
  bild.breiten = breitenAus(BERICHT_BREITEN_PT, kopf.length);
  // Every column wraps (top-aligned), so a long sheet name or message never runs into its neighbour.
  bild.umbruch.push({ zeile: z + 1, spalte: 1, zeilen: reihen.length, spalten: kopf.length });
  bild.hoehen = hoehenFuerUmbruch(bild);
  bild.fixiert = z === 1 ? 1 : 0;
  bild.druck = { hoch: false, titelZeile: z };
  return bild;
}

/** A chart's data block: caption in bold, series names on grey, the amounts in euros. */
function diagrammDaten(bild: Blattbild, d: Diagramm) {
  const zellen = diagrammZellen(d);
  bild.bloecke.push({ zeile: d.zeile, spalte: d.spalte, werte: zellen });
  // Caption, series names and categories („2019“, a Kreis's name) as text.
  textFormat(bild, { zeile: d.zeile, spalte: d.spalte, zeilen: 2, spalten: d.reihen.length + 1 });
  textFormat(bild, { zeile: d.zeile + 2, spalte: d.spalte, zeilen: zellen.length - 2, spalten: 1 });
  bild.stile.push(
    { bereich: { zeile: d.zeile, spalte: d.spalte, zeilen: 1, spalten: 1 }, stil: "fett" },
    {
      bereich: { zeile: d.zeile + 1, spalte: d.spalte, zeilen: 1, spalten: d.reihen.length + 1 },
      stil: "diagrammKopf",
    },
  );
  if (d.kategorien.length > 0)
    bild.formate.push({
      bereich: {
        zeile: d.zeile + 2,
        spalte: d.spalte + 1,
        zeilen: d.kategorien.length,
        spalten: d.reihen.length,
      },
      format: ZAHLENFORMATE.euro,
    });
  bild.diagramme.push(d);
}

/** The Finanzplan-Übersicht: the charts' numbers and, under the year chart's, the Ausschöpfung per year. */
export function uebersichtBild(
  diagramme: readonly Diagramm[],
  jahre: readonly Ausschoepfung[] | undefined,
): Blattbild {
  const bild = leeresBild("uebersicht");
  for (const d of diagramme) {
    diagrammDaten(bild, d);
    if (d.name !== DIAGRAMM_NAMEN.jahre || !jahre) continue;
    const zellen = ausschoepfungZellen(jahre);
    const ab = diagrammZellen(d).length + 2;
    bild.bloecke.push({ zeile: ab, spalte: 1, werte: zellen });
    textFormat(bild, { zeile: ab, spalte: 1, zeilen: 1, spalten: zellen[0]!.length });
    bild.umbruch.push({ zeile: ab, spalte: 1, zeilen: 1, spalten: zellen[0]!.length }); // headers wrap
    bild.stile.push({
      bereich: { zeile: ab, spalte: 1, zeilen: 1, spalten: zellen[0]!.length },
      stil: "fett",
    });
    if (zellen.length > 1) ausschoepfungFormate(bild, ab + 1, zellen.length - 1);
  }
  bild.breiten = breitenAus(UEBERSICHT_BREITEN_PT, FINANZPLAN_UEBERSICHT.ausschoepfungKopf.length);
  bild.hoehen = hoehenFuerUmbruch(bild);
  bild.druck = { hoch: false, titelZeile: null };
  return bild;
}

/** The seal's data on a hidden sheet of its own (label column A, value column B). */
export function siegelBild(siegel: Siegel): Blattbild {
  const bild = leeresBild("siegel");
  const zellen = siegelZellen(siegel);
  bild.bloecke.push({ zeile: 1, spalte: 1, werte: zellen });
  textFormat(bild, { zeile: 1, spalte: 1, zeilen: zellen.length, spalten: 2 }); // a hash of digits stays text
  bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, stil: "fett" });
  bild.breiten = breitenAus(SIEGEL_BREITEN_PT, 2);
  bild.sichtbar = false;
  return bild;
}

/** The ministry's Förderhöchstbeträge: a row per region in the layout's formats, the charts' numbers beside. */
export function foerderBild(
  zeilen: readonly (readonly Zellwert[])[],
  diagramme: readonly Diagramm[],
): Blattbild {
  const bild = leeresBild("foerderhoechstbetraege");
  const kopf = FOERDERHOECHSTBETRAEGE.kopf;
  bild.bloecke.push({ zeile: 1, spalte: 1, werte: [[...kopf]] });
  textFormat(bild, { zeile: 1, spalte: 1, zeilen: 1, spalten: kopf.length });
  if (zeilen.length > 0) {
    bild.bloecke.push({ zeile: 2, spalte: 1, werte: zeilen.map((z) => [...z]) });
    ERGEBNIS_SPALTEN.forEach((s, i) =>
      bild.formate.push({
        bereich: { zeile: 2, spalte: i + 1, zeilen: zeilen.length, spalten: 1 },
        format: ergebnisFormat(s),
      }),
    );
  }
  bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: kopf.length }, stil: "kopf" });
  bild.breiten = breitenAus(FOERDERHOECHSTBETRAEGE_BREITEN_PT, kopf.length);
  // Long headers („Betrag Abhängigenquotient (€)“) wrap in their column instead of running on.
  bild.umbruch.push({ zeile: 1, spalte: 1, zeilen: 1, spalten: kopf.length });
  for (const d of diagramme) {
    diagrammDaten(bild, d);
    if (!bild.breiten.some((b) => d.spalte >= b.von && d.spalte <= b.bis))
      bild.breiten.push({ von: d.spalte, bis: d.spalte, pt: UEBERSICHT_BREITEN_PT[0] });
  }
  bild.hoehen = hoehenFuerUmbruch(bild);
  bild.fixiert = 1;
  bild.druck = { hoch: false, titelZeile: 1 };
  return bild;
}

/** What a check writes on the tools' own sheets, each picture for the sheet kind it names. */
export interface PruefBilder {
  pruefbericht: Blattbild;
  uebersicht: Blattbild | null;
  siegel: Blattbild | null;
}

export function pruefBilder(a: {
  bericht: readonly BerichtZeile[];
  zusammenfassung?: readonly (readonly Zellwert[])[];
  diagramme?: readonly Diagramm[];
  ausschoepfung?: readonly Ausschoepfung[];
  siegel?: Siegel;
}): PruefBilder {
  const uebersicht = (a.diagramme ?? []).filter(
    (d) => (eigenesBlattFuer(d.blatt) ?? "uebersicht") === "uebersicht",
  );
  return {
    pruefbericht: berichtBild("pruefbericht", a.bericht, a.zusammenfassung ?? []),
    uebersicht: uebersicht.length > 0 ? uebersichtBild(uebersicht, a.ausschoepfung) : null,
    siegel: a.siegel ? siegelBild(a.siegel) : null,
  };
}

/** The ministry's two sheets of an allocation. */
export function verteilBilder(
  zeilen: readonly (readonly Zellwert[])[],
  bericht: readonly BerichtZeile[],
  diagramme: readonly Diagramm[],
): { foerderhoechstbetraege: Blattbild; verteilungsbericht: Blattbild } {
  return {
    foerderhoechstbetraege: foerderBild(zeilen, diagramme),
    verteilungsbericht: berichtBild("verteilungsbericht", bericht),
  };
}
