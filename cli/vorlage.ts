/**
 * The standard workbook, generated with exceljs from the layout in shared/arbeitsmappe: the empty
 * template, or the example (the Ilm-Kreis plan 2019 with made-up amounts, and the 23 Kreise of 2017
 * with made-up Mindestsicherung).
 */
import ExcelJS from "exceljs";
import {
  ANLEITUNG_BLATT,
  EIGENE_BLAETTER,
  BEGRUENDUNGEN,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  LISTEN,
  LISTEN_BLATT,
  MASSNAHMEN,
  PARAMETER,
  ZAHLENFORMATE,
  beispielTabellen,
  vorlageBild,
  zeilenFuer,
  ZEILENHOEHE_PT,
  type BeispielTabellen,
  parameterZeilen,
  spaltenBuchstabe,
  type Beispieldaten,
  type ListenName,
  type Spaltentyp,
  type TabellenDefinition,
  type Zellwert,
} from "../shared/arbeitsmappe";
import { VERSION } from "../shared/version";
import { formatEuro, formatProzent } from "../shared/format";
import type { Kreis } from "../shared/kreise";
import { regelwerkFuerJahr, type Regelwerk } from "../shared/regelwerke";
import { druckEinrichtung, neuesBlatt, schreibeBild } from "./blattbild";

export type { Beispieldaten };

/** A template for one Kreis: its name, key and Förderhöchstbetrag filled in, no other Kreis's data. */
export interface FuerKreis {
  kreis: Kreis;
  foerderjahr: number;
  /** From the ministry's allocation; null when none was given (the Kreis enters the notified amount). */
  foerderhoechstbetrag_eur: number | null;
}

const VORLAGE_FARBE = { kopf: "FF1F4E79", ausgabeKopf: "FF595959", ausgabe: "FFEDEDED", schrift: "FFFFFFFF" };
export const AUSGABE_HINWEIS =
  "Wird vom LSZ-Add-in bzw. von „lsz pruefen“ geschrieben – bitte nicht bearbeiten.";
const LEERZEILEN = 20;

function listenBereich(liste: ListenName): string {
  const spalte = spaltenBuchstabe(Object.keys(LISTEN).indexOf(liste) + 1);
  return `'${LISTEN_BLATT}'!$${spalte}$2:$${spalte}$${LISTEN[liste].length + 1}`;
}

function auswahl(ws: ExcelJS.Worksheet, bereich: string, liste: ListenName) {
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(bereich, {
    type: "list",
    allowBlank: true,
    formulae: [listenBereich(liste)],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "Wert nicht in der Liste",
    error:
      "Bitte einen Wert aus der Liste wählen. Andere Schreibweisen werden bei der Prüfung gemeldet, wenn sie nicht verstanden werden.",
  });
}

function tabelle(ws: ExcelJS.Worksheet, def: TabellenDefinition, zeilen: Zellwert[][], start = "A1") {
  const daten =
    zeilen.length > 0 ? zeilen : Array.from({ length: LEERZEILEN }, () => def.spalten.map(() => null));
  ws.addTable({
    name: def.tabelle,
    ref: start,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: def.spalten.map((s) => ({ name: s.kopf, filterButton: true })),
    rows: daten.map((z) => z.map((v) => (v === null ? null : v))) as ExcelJS.CellValue[][],
  });
  const erste = ws.getCell(start);
  const c0 = Number(erste.col);
  const r0 = Number(erste.row);
  def.spalten.forEach((s, i) => {
    const spalte = ws.getColumn(c0 + i);
    spalte.width = s.breite ?? 14;
    const kopf = ws.getCell(r0, c0 + i);
    kopf.font = { bold: true, color: { argb: VORLAGE_FARBE.schrift } };
    kopf.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: s.ausgabe ? VORLAGE_FARBE.ausgabeKopf : VORLAGE_FARBE.kopf },
    };
    kopf.alignment = { wrapText: true, vertical: "top" };
    const hinweis = s.ausgabe ? AUSGABE_HINWEIS : s.hinweis;
    if (hinweis) kopf.note = hinweis;
    for (let r = r0 + 1; r <= r0 + daten.length; r++) {
      const zelle = ws.getCell(r, c0 + i);
      zelle.numFmt = ZAHLENFORMATE[s.typ];
      if (s.ausgabe)
        zelle.fill = { type: "pattern", pattern: "solid", fgColor: { argb: VORLAGE_FARBE.ausgabe } };
      else zelle.protection = { locked: false };
    }
    if (s.ausgabe)
      ausgabeSchutz(ws, `${spaltenBuchstabe(c0 + i)}${r0 + 1}:${spaltenBuchstabe(c0 + i)}${r0 + 2000}`);
    if (s.liste)
      auswahl(
        ws,
        `${spaltenBuchstabe(c0 + i)}${r0 + 1}:${spaltenBuchstabe(c0 + i)}${r0 + Math.max(daten.length, 500)}`,
        s.liste,
      );
  });
  // As tall as the longest wrapped header needs (bold text is wider: one character more per line).
  const kopfZeilen = def.spalten.map((sp) => zeilenFuer(sp.kopf, ((sp.breite ?? 14) * 7 + 5) * 0.75 - 6));
  ws.getRow(r0).height = Math.max(2, ...kopfZeilen) * ZEILENHOEHE_PT + 2;
}

/**
 * The grey output columns refuse typing (a validation that is never met, with a German message).
 * Sheet protection would do it too, but Excel cannot add rows to a table on a protected sheet, and the
 * Kreise add Maßnahmen all the time; the add-in's and lsz's own writes are not subject to validation.
 */
function ausgabeSchutz(ws: ExcelJS.Worksheet, bereich: string) {
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(bereich, {
    type: "custom",
    allowBlank: true,
    formulae: ["FALSE"],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Graue Spalte: wird berechnet",
    error:
      "Diese Spalte füllt die Prüfung (Add-in oder lsz). Eingaben hier würden beim nächsten Prüfen ersetzt.",
  });
}

function blatt(wb: ExcelJS.Workbook, name: string, farbe?: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    ...(farbe ? { properties: { tabColor: { argb: farbe } } } : {}),
  });
  druckEinrichtung(ws, { hoch: false, titelZeile: 1 });
  return ws;
}

/** The money rules in the words of the Anleitung, with the limits of the rule set named. */
export function regelnText(rw: Regelwerk): string {
  const g = rw.grenzen;
  return `Regeln (${rw.id}): Landesmittel höchstens ${formatProzent(g.landesquote_max)} der Bemessungsgrundlage (zuwendungsfähige Ausgaben ohne Investitionen, abzüglich Drittmittel), Eigenanteil mindestens ${formatProzent(g.eigenanteil_min)}, höchstens der Förderhöchstbetrag.`;
}

/** The Anleitung's line on who the workbook is for: the ministry's indicators, or the one Kreis. */
function fuerWenText(fuer: FuerKreis | null): string {
  if (!fuer)
    return "Ministerium: das Blatt „Indikatoren“ enthält die Kreise mit Einwohnern, Altersgruppen, Mindestsicherung und Fläche; die Haushaltsmittel und Gewichte stehen unter „Parameter“.";
  const { kreis, foerderjahr, foerderhoechstbetrag_eur: betrag } = fuer;
  return `Diese Mappe ist für ${kreis.name} (Kreisschlüssel ${kreis.schluessel}), Förderjahr ${foerderjahr}. ${betrag === null ? "Den Förderhöchstbetrag aus dem Bescheid des Ministeriums unter „Parameter“ eintragen." : `Der Förderhöchstbetrag ${formatEuro(Math.round(betrag * 100))} stammt aus der Verteilung des Ministeriums.`} Die Förderstufe unter „Parameter“ wählen.`;
}

/** The Anleitung sheet; it names the rules of the example's year, or of the newest rule set. */
function anleitung(wb: ExcelJS.Workbook, beispiel: boolean, jahr: number | null, fuer: FuerKreis | null) {
  const ws = wb.addWorksheet(ANLEITUNG_BLATT, { properties: { tabColor: { argb: "FF2E7D32" } } });
  ws.getColumn(1).width = 110;
  const zeilen = [
    "LSZ-Finanzplan – Standardarbeitsmappe",
    `Landesprogramm „Solidarisches Zusammenleben der Generationen“ (LSZ) · Vorlage ${VERSION}`,
    beispiel
      ? "BEISPIEL: Maßnahmen aus dem Fachplan des Ilm-Kreises 2019. Alle Beträge im Finanzplan, die Träger-Namen und die Mindestsicherung je Kreis sind ERFUNDEN."
      : "",
    "",
    "So arbeiten Sie mit der Mappe:",
    "1. Blatt „Parameter“: Förderjahr, Kreis, Förderstufe, Förderhöchstbetrag und das Datum des Fachplans eintragen.",
    "2. Blatt „Maßnahmen“: je Maßnahme eine Zeile. Handlungsfeld, Art und Trägerart aus den Auswahllisten; Beginn als Datum oder im Wortlaut des Plans („ab zweitem Quartal 2019“, „fortlaufend“).",
    "3. Blatt „Finanzplan“: je Maßnahme und Jahr eine Zeile mit Ausgaben nach Art, Drittmitteln, Eigenmitteln, Anteil der Gemeinden und beantragten Landesmitteln.",
    "4. Handlungsfelder ohne Maßnahme: auf dem Blatt „Parameter“ in der Tabelle rechts mit Begründung eintragen.",
    "5. Prüfen: im Add-in „Finanzplan prüfen“ oder beim Ministerium mit „lsz pruefen“. Ergebnisse stehen in den grauen Spalten und im Blatt „Prüfbericht“.",
    "",
    `Graue Spalten und ${fuer ? "das Blatt „Prüfbericht“" : "die Blätter „Prüfbericht“ und „Förderhöchstbeträge“"} schreibt das Add-in. Bitte dort nichts eintragen – Ihre Eingaben werden nie überschrieben.`,
    fuerWenText(fuer),
    regelnText(regelwerkFuerJahr(jahr ?? Number.MAX_SAFE_INTEGER)),
  ].filter((z, i) => z !== "" || i > 2);
  zeilen.forEach((text, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    c.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) c.font = { bold: true, size: 16 };
    if (text.startsWith("BEISPIEL")) c.font = { bold: true, color: { argb: "FFC00000" } };
    // An explicit height per wrapped line: printed (and in LibreOffice) the lines never overlap.
    ws.getRow(i + 1).height = i === 0 ? 24 : Math.max(1, Math.ceil(text.length / 95)) * 15 + 3;
  });
  druckEinrichtung(ws, { hoch: true, titelZeile: null });
}

function datumOderWert(v: Zellwert, typ: Spaltentyp): ExcelJS.CellValue {
  if (typ === "datum" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return new Date(`${v}T00:00:00Z`);
  return v;
}

/** The Parameter values of a template for one Kreis; the Förderstufe is left for the Kreis to choose. */
function kreisParameter(fuer: FuerKreis): BeispielTabellen["parameter"] {
  return {
    foerderjahr: fuer.foerderjahr,
    kreis_schluessel: fuer.kreis.schluessel,
    kreis_name: fuer.kreis.name,
    foerderhoechstbetrag_eur: fuer.foerderhoechstbetrag_eur,
  };
}

/**
 * The standard workbook: empty, the example, or (`fuer`) empty for one Kreis — its name, key and
 * Förderhöchstbetrag filled in, without the ministry's Indikatoren and Förderhöchstbeträge sheets, so
 * that no other Kreis's data goes out and the check has no second amount to compare (K03).
 */
export function erzeugeArbeitsmappe(
  beispiel: Beispieldaten | null,
  fuer: FuerKreis | null = null,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "LSZ-Finanzplan";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const b = beispiel ? beispielTabellen(beispiel) : null;
  const parameter = b?.parameter ?? (fuer ? kreisParameter(fuer) : null);
  anleitung(
    wb,
    beispiel !== null,
    typeof parameter?.foerderjahr === "number" ? parameter.foerderjahr : null,
    fuer,
  );
  parameterBlatt(wb, b, parameter);
  tabelle(blatt(wb, MASSNAHMEN.blatt, "FF1F4E79"), MASSNAHMEN, b?.massnahmen ?? []);
  const fp = blatt(wb, FINANZPLAN.blatt, "FF1F4E79");
  tabelle(fp, FINANZPLAN, b?.finanzplan ?? []);
  if (beispiel)
    fp.getCell("A1").note =
      "BEISPIEL: alle Beträge sind erfunden (Landesmittel zusammen 445.785 € = Förderhöchstbetrag des Ilm-Kreises).";
  if (!fuer) indikatorenBlatt(wb, b);
  eigeneBlaetter(wb, fuer ? ["pruefbericht", "uebersicht"] : undefined);
  listenBlatt(wb);
  return wb;
}

/** Parameter: the key/value table on the left, the Handlungsfelder without a measure on the right. */
function parameterBlatt(
  wb: ExcelJS.Workbook,
  b: BeispielTabellen | null,
  parameter: BeispielTabellen["parameter"] | null,
) {
  const par = blatt(wb, PARAMETER.blatt, "FF1F4E79");
  par.addTable({
    name: PARAMETER.tabelle,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: PARAMETER.kopf[0] }, { name: PARAMETER.kopf[1] }, { name: "Hinweis" }],
    rows: parameterZeilen(parameter ?? {}).map((z, i) => [
      z[0],
      datumOderWert(z[1] ?? null, PARAMETER.zeilen[i]!.typ),
      z[2],
    ]) as ExcelJS.CellValue[][],
  });
  par.getColumn(1).width = 40;
  par.getColumn(2).width = 22;
  par.getColumn(3).width = 44;
  PARAMETER.zeilen.forEach((z, i) => {
    const c = par.getCell(i + 2, 2);
    c.numFmt = ZAHLENFORMATE[z.typ];
    c.protection = { locked: false };
    if (z.liste) auswahl(par, `B${i + 2}`, z.liste);
  });
  for (const c of [1, 2, 3]) {
    const kopf = par.getCell(1, c);
    kopf.font = { bold: true, color: { argb: VORLAGE_FARBE.schrift } };
    kopf.fill = { type: "pattern", pattern: "solid", fgColor: { argb: VORLAGE_FARBE.kopf } };
  }
  tabelle(
    par,
    BEGRUENDUNGEN,
    b?.begruendungen.length ? b.begruendungen : Array.from({ length: 6 }, () => [null, null]),
    "E1",
  );
}

/** The ministry's indicator table (with the example's notes on the made-up columns). */
function indikatorenBlatt(wb: ExcelJS.Workbook, b: BeispielTabellen | null) {
  const ind = blatt(wb, INDIKATOREN_TABELLE.blatt, "FF7B1FA2");
  tabelle(
    ind,
    INDIKATOREN_TABELLE,
    (b?.indikatoren ?? []).map((z) =>
      z.map((v, i) => datumOderWert(v, INDIKATOREN_TABELLE.spalten[i]!.typ) as Zellwert),
    ),
  );
  if (b) {
    // The notes sit on the header of the column they speak of, wherever the layout puts it.
    const kopfZelle = (schluessel: string) => {
      const i = INDIKATOREN_TABELLE.spalten.findIndex((sp) => sp.schluessel === schluessel);
      if (i < 0) throw new Error(`Spalte ${schluessel} fehlt in der Indikatorentabelle`);
      return ind.getCell(1, i + 1);
    };
    kopfZelle("mindestsicherung").note =
      "BEISPIEL: die Mindestsicherung je Kreis ist ERFUNDEN (nicht öffentlich); nur der Ilm-Kreis (9.120) ist echt.";
    kopfZelle("vorjahr_eur").note =
      "BEISPIEL: die Vorjahresbeträge sind ERFUNDEN (die Verteilung von 10 Mio. € auf dieselben Daten, je Kreis um −6 … +6 % verändert), damit das Diagramm der Veränderung etwas zeigt.";
  }
}

/** The add-in's output sheets as they stand before the first check: the same pictures the tools write. */
function eigeneBlaetter(
  wb: ExcelJS.Workbook,
  arten: readonly ("pruefbericht" | "foerderhoechstbetraege" | "uebersicht")[] = [
    "pruefbericht",
    "foerderhoechstbetraege",
    "uebersicht",
  ],
) {
  for (const art of arten) {
    const bild = vorlageBild(art);
    schreibeBild(neuesBlatt(wb, EIGENE_BLAETTER[art].blatt, bild), bild);
  }
}

/** The hidden sheet with the dropdown lists. */
function listenBlatt(wb: ExcelJS.Workbook) {
  const listen = wb.addWorksheet(LISTEN_BLATT, { state: "hidden" });
  (Object.keys(LISTEN) as ListenName[]).forEach((name, i) => {
    listen.getCell(1, i + 1).value = name;
    LISTEN[name].forEach((wert, j) => (listen.getCell(j + 2, i + 1).value = wert));
    listen.getColumn(i + 1).width = 30;
  });
}
