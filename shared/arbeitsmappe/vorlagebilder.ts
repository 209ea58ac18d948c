/**
 * The pictures of the standard workbook `lsz vorlage` writes (shared/arbeitsmappe/blattbild.ts has
 * the type): the input sheets — Anleitung, Parameter, Maßnahmen, Finanzplan, Indikatoren and the
 * hidden Listen — as tables with their dropdowns, header colours, grey output columns, notes and
 * unlocked cells, and the tools' output sheets as they stand before the first check. Empty, the
 * example (the Ilm-Kreis plan 2019 with made-up amounts, the 23 Kreise of 2017 with made-up
 * Mindestsicherung), or for one Kreis.
 */
import { formatEuro, formatProzent } from "../format";
import type { Kreis } from "../kreise";
import { regelwerkFuerJahr, type Regelwerk } from "../regelwerke";
import { VERSION } from "../version";
import { berichtBild, foerderBild, uebersichtBild } from "./berichtbilder";
import { beispielTabellen, parameterZeilen, type BeispielTabellen, type Beispieldaten } from "./beispiel";
import {
  EINGABE_REITER,
  hoehenFuerUmbruch,
  istAusgabeblatt,
  leeresBild,
  textFormat,
  zeilenFuer,
  ZEILENHOEHE_PT,
  type Bereich,
  type Blattart,
  type Blattbild,
  type Eingabeblatt,
  type Gueltigkeit,
} from "./blattbild";
import {
  ANLEITUNG_BLATT,
  BEGRUENDUNGEN,
  EIGENE_BLAETTER,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  LISTEN,
  LISTEN_BLATT,
  MASSNAHMEN,
  PARAMETER,
  ZAHLENFORMATE,
  type ListenName,
  type Spaltentyp,
  type TabellenDefinition,
} from "./layout";
import { spaltenBuchstabe, type Zellwert } from "./tabellen";

/** The sheet names of the template's input sheets. */
export const EINGABE_BLAETTER = {
  anleitung: ANLEITUNG_BLATT,
  parameter: PARAMETER.blatt,
  massnahmen: MASSNAHMEN.blatt,
  finanzplan: FINANZPLAN.blatt,
  indikatoren: INDIKATOREN_TABELLE.blatt,
  listen: LISTEN_BLATT,
} as const satisfies Record<Eingabeblatt, string>;

/** The name of the sheet a picture shows (an output sheet's default name). */
export const blattName = (art: Blattart): string =>
  istAusgabeblatt(art) ? EIGENE_BLAETTER[art].blatt : EINGABE_BLAETTER[art];

/** A template for one Kreis: its name, key and Förderhöchstbetrag filled in, no other Kreis's data. */
export interface FuerKreis {
  kreis: Kreis;
  foerderjahr: number;
  /** From the ministry's allocation; null when none was given (the Kreis enters the notified amount). */
  foerderhoechstbetrag_eur: number | null;
}

/** The note on the header of every grey output column. */
export const AUSGABE_HINWEIS =
  "Wird vom LSZ-Add-in bzw. von „lsz pruefen“ geschrieben – bitte nicht bearbeiten.";
/** Empty rows of an empty template's table, ready to type into. */
const LEERZEILEN = 20;
/** The tables' look: Excel's light blue style with banded rows. */
const TABELLEN_STIL = "TableStyleLight9";

/** Excel's width in characters of Calibri 11 (as `breite` in the layout) in points. */
const punkte = (zeichen: number) => (zeichen * 7 + 5) * 0.75;
const zelle = (zeile: number, spalte: number): Bereich => ({ zeile, spalte, zeilen: 1, spalten: 1 });

/** A list from the hidden Listen sheet; another spelling is let through with a warning. */
function auswahl(bereich: Bereich, liste: ListenName): Gueltigkeit {
  const spalte = spaltenBuchstabe(Object.keys(LISTEN).indexOf(liste) + 1);
  return {
    bereich,
    art: "liste",
    quelle: `'${LISTEN_BLATT}'!$${spalte}$2:$${spalte}$${LISTEN[liste].length + 1}`,
    stufe: "warnung",
    titel: "Wert nicht in der Liste",
    meldung:
      "Bitte einen Wert aus der Liste wählen. Andere Schreibweisen werden bei der Prüfung gemeldet, wenn sie nicht verstanden werden.",
  };
}

/**
 * The grey output columns refuse typing (a validation that is never met, with a German message).
 * Sheet protection would do it too, but Excel cannot add rows to a table on a protected sheet, and the
 * Kreise add Maßnahmen all the time; the add-in's and lsz's own writes are not subject to validation.
 */
function gesperrt(bereich: Bereich): Gueltigkeit {
  return {
    bereich,
    art: "gesperrt",
    quelle: "",
    stufe: "stopp",
    titel: "Graue Spalte: wird berechnet",
    meldung:
      "Diese Spalte füllt die Prüfung (Add-in oder lsz). Eingaben hier würden beim nächsten Prüfen ersetzt.",
  };
}

/** A note on a cell; a later note on the same cell replaces the earlier. */
function notiz(bild: Blattbild<Blattart>, zeile: number, spalte: number, text: string) {
  bild.notizen = bild.notizen.filter((n) => n.zeile !== zeile || n.spalte !== spalte);
  bild.notizen.push({ zeile, spalte, text });
}

/** An input sheet: not protected, frozen header, printed landscape with the header on every page. */
function eingabeBild(art: Eingabeblatt, reiter: string): Blattbild<Eingabeblatt> {
  return {
    ...leeresBild(art),
    geschuetzt: false,
    reiter,
    fixiert: 1,
    druck: { hoch: false, titelZeile: 1 },
  };
}

/** One column of a template table: width, header colour and note, format, grey or unlocked, its list. */
function tabellenSpalte(
  bild: Blattbild<Eingabeblatt>,
  s: TabellenDefinition["spalten"][number],
  zeile: number,
  spalte: number,
  zeilen: number,
) {
  bild.breiten.push({ von: spalte, bis: spalte, pt: punkte(s.breite ?? 14) });
  bild.stile.push({ bereich: zelle(zeile, spalte), stil: s.ausgabe ? "kopf" : "eingabeKopf" });
  bild.umbruch.push(zelle(zeile, spalte));
  const hinweis = s.ausgabe ? AUSGABE_HINWEIS : s.hinweis;
  if (hinweis) notiz(bild, zeile, spalte, hinweis);
  const koerper = { zeile: zeile + 1, spalte, zeilen, spalten: 1 };
  bild.formate.push({ bereich: koerper, format: ZAHLENFORMATE[s.typ] });
  if (s.ausgabe) {
    bild.stile.push({ bereich: koerper, stil: "ausgabe" });
    bild.gueltigkeiten.push(gesperrt({ ...koerper, zeilen: 2000 }));
  } else bild.entsperrt.push(koerper);
  if (s.liste) bild.gueltigkeiten.push(auswahl({ ...koerper, zeilen: Math.max(zeilen, 500) }, s.liste));
}

/** A template table from row 1 of column `spalte`: its rows, or empty rows to type into. */
function tabelle(
  bild: Blattbild<Eingabeblatt>,
  def: TabellenDefinition,
  zeilen: readonly Zellwert[][],
  spalte = 1,
) {
  const daten =
    zeilen.length > 0 ? zeilen : Array.from({ length: LEERZEILEN }, () => def.spalten.map(() => null));
  const kopf = def.spalten.map((s) => s.kopf);
  bild.bloecke.push({ zeile: 1, spalte, werte: [kopf, ...daten] });
  bild.tabellen.push({
    name: def.tabelle,
    zeile: 1,
    spalte,
    spalten: kopf,
    zeilen: daten.length,
    stil: TABELLEN_STIL,
    filter: true,
  });
  def.spalten.forEach((s, i) => tabellenSpalte(bild, s, 1, spalte + i, daten.length));
  // As tall as the longest wrapped header needs (bold text is wider: one character more per line).
  const kopfZeilen = def.spalten.map((sp) => zeilenFuer(sp.kopf, punkte(sp.breite ?? 14) - 6));
  bild.hoehen.push({ zeile: 1, pt: Math.max(2, ...kopfZeilen) * ZEILENHOEHE_PT + 2 });
}

/** An ISO date („2019-01-01“) of a date column as Excel's serial number; anything else as it is. */
function datumOderWert(v: Zellwert, typ: Spaltentyp): Zellwert {
  if (typ === "datum" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return Date.parse(`${v}T00:00:00Z`) / 86_400_000 + 25_569;
  return v;
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

/** The Anleitung's lines; they name the rules of the example's year, or of the newest rule set. */
function anleitungZeilen(beispiel: boolean, jahr: number | null, fuer: FuerKreis | null): string[] {
  return [
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
}

/** The Anleitung: one wrapped column, printed portrait, an explicit height per wrapped line. */
export function anleitungBild(beispiel: boolean, jahr: number | null, fuer: FuerKreis | null) {
  const bild: Blattbild<Eingabeblatt> = {
    ...leeresBild("anleitung"),
    geschuetzt: false,
    reiter: EINGABE_REITER.anleitung,
    druck: { hoch: true, titelZeile: null },
  };
  const zeilen = anleitungZeilen(beispiel, jahr, fuer);
  bild.breiten.push({ von: 1, bis: 1, pt: punkte(110) });
  bild.bloecke.push({ zeile: 1, spalte: 1, werte: zeilen.map((t) => [t]) });
  bild.umbruch.push({ zeile: 1, spalte: 1, zeilen: zeilen.length, spalten: 1 });
  zeilen.forEach((text, i) => {
    if (i === 0) bild.stile.push({ bereich: zelle(1, 1), stil: "anleitungTitel" });
    if (text.startsWith("BEISPIEL")) bild.stile.push({ bereich: zelle(i + 1, 1), stil: "warnung" });
    // An explicit height per wrapped line: printed (and in LibreOffice) the lines never overlap.
    bild.hoehen.push({ zeile: i + 1, pt: i === 0 ? 24 : Math.max(1, Math.ceil(text.length / 95)) * 15 + 3 });
  });
  return bild;
}

/** Parameter: the key/value table on the left, the Handlungsfelder without a measure on the right. */
function parameterBild(b: BeispielTabellen | null, parameter: BeispielTabellen["parameter"] | null) {
  const bild = eingabeBild("parameter", EINGABE_REITER.kreis);
  const zeilen = parameterZeilen(parameter ?? {}).map((z, i) => [
    z[0] ?? null,
    datumOderWert(z[1] ?? null, PARAMETER.zeilen[i]!.typ),
    z[2] ?? null,
  ]);
  const kopf = [PARAMETER.kopf[0], PARAMETER.kopf[1], "Hinweis"];
  bild.bloecke.push({ zeile: 1, spalte: 1, werte: [kopf, ...zeilen] });
  bild.tabellen.push({
    name: PARAMETER.tabelle,
    zeile: 1,
    spalte: 1,
    spalten: kopf,
    zeilen: zeilen.length,
    stil: TABELLEN_STIL,
    filter: false,
  });
  [40, 22, 44].forEach((w, i) => bild.breiten.push({ von: i + 1, bis: i + 1, pt: punkte(w) }));
  PARAMETER.zeilen.forEach((z, i) => {
    bild.formate.push({ bereich: zelle(i + 2, 2), format: ZAHLENFORMATE[z.typ] });
    bild.entsperrt.push(zelle(i + 2, 2));
    if (z.liste) bild.gueltigkeiten.push(auswahl(zelle(i + 2, 2), z.liste));
  });
  bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: 3 }, stil: "eingabeKopf" });
  const begruendungen = b?.begruendungen.length
    ? b.begruendungen
    : Array.from({ length: 6 }, () => [null, null]);
  tabelle(bild, BEGRUENDUNGEN, begruendungen, 5);
  return bild;
}

/** The ministry's indicator table (with the example's notes on the made-up columns). */
function indikatorenBild(b: BeispielTabellen | null) {
  const bild = eingabeBild("indikatoren", EINGABE_REITER.ministerium);
  const zeilen = (b?.indikatoren ?? []).map((z) =>
    z.map((v, i) => datumOderWert(v, INDIKATOREN_TABELLE.spalten[i]!.typ)),
  );
  tabelle(bild, INDIKATOREN_TABELLE, zeilen);
  if (!b) return bild;
  // The notes sit on the header of the column they speak of, wherever the layout puts it.
  const kopfSpalte = (schluessel: string) => {
    const i = INDIKATOREN_TABELLE.spalten.findIndex((sp) => sp.schluessel === schluessel);
    if (i < 0) throw new Error(`Spalte ${schluessel} fehlt in der Indikatorentabelle`);
    return i + 1;
  };
  notiz(
    bild,
    1,
    kopfSpalte("mindestsicherung"),
    "BEISPIEL: die Mindestsicherung je Kreis ist ERFUNDEN (nicht öffentlich); nur der Ilm-Kreis (9.120) ist echt.",
  );
  notiz(
    bild,
    1,
    kopfSpalte("vorjahr_eur"),
    "BEISPIEL: die Vorjahresbeträge sind ERFUNDEN (die Verteilung von 10 Mio. € auf dieselben Daten, je Kreis um −6 … +6 % verändert), damit das Diagramm der Veränderung etwas zeigt.",
  );
  return bild;
}

/** The hidden sheet with the dropdown lists: a column per list, its name above. */
function listenBild(): Blattbild<Eingabeblatt> {
  const bild: Blattbild<Eingabeblatt> = {
    ...leeresBild("listen"),
    geschuetzt: false,
    sichtbar: false,
    reiter: null,
  };
  (Object.keys(LISTEN) as ListenName[]).forEach((name, i) => {
    bild.bloecke.push({ zeile: 1, spalte: i + 1, werte: [[name], ...LISTEN[name].map((w) => [w])] });
    bild.breiten.push({ von: i + 1, bis: i + 1, pt: punkte(30) });
  });
  return bild;
}

/** An output sheet as the template holds it before the first check: its header (or caption) only. */
export function vorlageBild(art: "pruefbericht" | "foerderhoechstbetraege" | "uebersicht"): Blattbild {
  if (art === "uebersicht") {
    const bild = uebersichtBild([], undefined);
    // Room for the Finanzplan chart: the add-in writes its numbers from A1 and puts the chart beside them.
    bild.bloecke.push({ zeile: 1, spalte: 1, werte: [["Diagrammdaten (vom Add-in geschrieben)"]] });
    textFormat(bild, { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 });
    bild.stile.push({ bereich: { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, stil: "kopf" });
    return bild;
  }
  const bild = art === "pruefbericht" ? berichtBild(art, []) : foerderBild([], []);
  bild.bloecke = bild.bloecke.slice(0, 1); // the header row; no „Keine Befunde“ before any check
  bild.formate = bild.formate.filter((f) => f.bereich.zeile === 1);
  bild.umbruch = bild.umbruch.filter((u) => u.zeile === 1);
  bild.hoehen = hoehenFuerUmbruch(bild);
  return bild;
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
 * Every sheet of the standard workbook, in order: empty, the example, or (`fuer`) empty for one Kreis
 * — its name, key and Förderhöchstbetrag filled in, without the ministry's Indikatoren and
 * Förderhöchstbeträge sheets, so that no other Kreis's data goes out and the check has no second
 * amount to compare (K03).
 */
export function vorlageBilder(
  beispiel: Beispieldaten | null,
  fuer: FuerKreis | null = null,
): Blattbild<Blattart>[] {
  const b = beispiel ? beispielTabellen(beispiel) : null;
  const parameter = b?.parameter ?? (fuer ? kreisParameter(fuer) : null);
  const jahr = typeof parameter?.foerderjahr === "number" ? parameter.foerderjahr : null;
  const massnahmen = eingabeBild("massnahmen", EINGABE_REITER.kreis);
  tabelle(massnahmen, MASSNAHMEN, b?.massnahmen ?? []);
  const finanzplan = eingabeBild("finanzplan", EINGABE_REITER.kreis);
  tabelle(finanzplan, FINANZPLAN, b?.finanzplan ?? []);
  if (beispiel)
    notiz(
      finanzplan,
      1,
      1,
      "BEISPIEL: alle Beträge sind erfunden (Landesmittel zusammen 445.785 € = Förderhöchstbetrag des Ilm-Kreises).",
    );
  const eigene = fuer
    ? (["pruefbericht", "uebersicht"] as const)
    : (["pruefbericht", "foerderhoechstbetraege", "uebersicht"] as const);
  return [
    anleitungBild(beispiel !== null, jahr, fuer),
    parameterBild(b, parameter),
    massnahmen,
    finanzplan,
    ...(fuer ? [] : [indikatorenBild(b)]),
    ...eigene.map(vorlageBild),
    listenBild(),
  ];
}
