/**
 * From results to what the add-in and the command-line tool write into a workbook: values for the
 * add-in-owned output columns, and the rows of the Prüfbericht, each finding resolved to its cell.
 * Nothing here touches a cell the user typed: outputs go only into output columns and output sheets.
 */
import { INDIKATOREN, gewichtSchluessel } from "../allocation/indikatoren";
import type { AllocationResponse } from "../allocation/schema";
import type { Befund, Schwere } from "../befund";
import { sortiereBefunde, zaehleBefunde } from "../befund";
import type { ValidationResponse } from "../pruefung/schema";
import { ortszeit, type Siegel } from "../siegel";
import {
  ERGEBNIS_SPALTEN,
  FINANZPLAN_UEBERSICHT,
  FOERDERHOECHSTBETRAEGE,
  PRUEFBERICHT,
  SIEGEL_BLATT,
  VERTEILUNGSBERICHT,
  eigenesBlattFuer,
  type EigenesBlatt,
  type ParameterSchluessel,
  type Spaltentyp,
  type TabellenDefinition,
} from "./layout";
import type { PruefBezug, VerteilBezug, Parameterwerte } from "./anfragen";
import { zellAdresse, type GeordneteTabelle, type Zellwert } from "./tabellen";
import { REGELWERKE, type RegelwerkId } from "../regelwerke";
import { BEHEBEN_FOLGE, behebenText } from "../regeln/katalog";
import { istRegelCode } from "../regeln/katalog";
import {
  ausschoepfung,
  ausschoepfungZellen,
  diagrammZellen,
  finanzplanDiagramm,
  finanzplanJahresDiagramm,
  nachAusschoepfung,
  verteilDiagramme,
  type Ausschoepfung,
  type Diagramm,
} from "./diagramme";

export const SCHWERE_TEXT: Record<Schwere | "ok", string> = {
  fehler: "✖ Fehler",
  warnung: "⚠ Warnung",
  hinweis: "ℹ Hinweis",
  ok: "✓ in Ordnung",
};

interface Ausgabespalte {
  blatt: string;
  def: TabellenDefinition;
  schluessel: string;
  kopf: string;
  /** The column's type in the layout: its number format. */
  typ: Spaltentyp;
  /** Sheet column where the table has it, or null: the writer appends it after the table's last column. */
  spalte: number | null;
  kopfZeile: number;
  /** Sheet row → value, for every data row of the table. */
  werte: { zeile: number; wert: Zellwert }[];
}

export interface BerichtZeile {
  schwere: Schwere;
  regel: string;
  meldung: string;
  blatt: string;
  /** "E7", or null where the finding concerns the whole table and it has no place. */
  zelle: string | null;
  regelwerk: string;
  /** What to do about it (the rule's „So beheben“, with the rule set's limits). */
  beheben: string;
  /** It follows from the slip whose own finding stands right before it (`Befund.folgt_aus`). */
  folge?: true;
}

/**
 * The summary page the Prüfbericht begins with (fits one landscape page): Kreis, Förderjahr,
 * Förderstufe, when and with which rule set, the counts, one line on the seal, the sums per year.
 * The findings follow below it, from row `zusammenfassung.length + 2`.
 */
function zusammenfassungZellen(
  ergebnis: ValidationResponse,
  parameter: Parameterwerte,
  anzahl: Record<Schwere, number>,
  jahre: readonly Ausschoepfung[],
  siegel?: Siegel,
): Zellwert[][] {
  const w = parameter.werte;
  const text = (v: Zellwert | undefined) => (v === null || v === undefined ? "" : String(v));
  const kreis = [text(w.kreis_name), text(w.kreis_schluessel) && `(${text(w.kreis_schluessel)})`]
    .filter(Boolean)
    .join(" ");
  const zaehlung = `${anzahl.fehler} Fehler, ${anzahl.warnung} ${anzahl.warnung === 1 ? "Warnung" : "Warnungen"}, ${anzahl.hinweis} ${anzahl.hinweis === 1 ? "Hinweis" : "Hinweise"}`;
  return [
    [PRUEFBERICHT.titel],
    ["Kreis", kreis || "–"],
    ["Förderjahr", ergebnis.foerderjahre.join(", ")],
    ["Förderstufe", text(w.foerderstufe) || "–"],
    ["geprüft am", siegel ? ortszeit(siegel.aussage.zeit) : "–"],
    ["Regelwerk", `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`],
    [
      "Ergebnis",
      anzahl.fehler === 0 ? `${zaehlung} – ohne Fehler` : `${zaehlung} – Fehler vor der Abgabe beheben`,
    ],
    [
      "Prüfsiegel",
      siegel
        ? `${siegel.signatur ? `signiert vom Rechendienst (Schlüssel ${siegel.aussage.schluessel}${siegel.aussage.entwicklung ? ", Entwicklungsschlüssel" : ""})` : "nicht signiert (lokal geprüft)"}, vollständig auf dem ausgeblendeten Blatt „${SIEGEL_BLATT.blatt}“`
        : "–",
    ],
    [],
    ...ausschoepfungZellen(jahre),
  ];
}

export interface Ausgabe {
  /** Check only: the summary page at the top of the Prüfbericht (findings follow below it). */
  zusammenfassung?: Zellwert[][];
  /** The Prüfsiegel of this check (written as a block at H1 of the Prüfbericht). */
  siegel?: Siegel;
  spalten: Ausgabespalte[];
  bericht: BerichtZeile[];
  anzahl: Record<Schwere, number>;
  regelwerk: string;
  /** Charts with their data blocks, on add-in-owned sheets. */
  diagramme?: Diagramm[];
  /** Check only: how much of the Förderhöchstbetrag the plan draws, per year. */
  ausschoepfung?: Ausschoepfung[];
}

/**
 * The output columns of a table, each filled from the result row's field of the column's key (the
 * layout ties that key to the result row's type); the status as its German word.
 */
function ausgabespalten(
  t: GeordneteTabelle,
  ergebnisse: readonly { status: keyof typeof SCHWERE_TEXT }[],
): Ausgabespalte[] {
  const wert = (i: number, schluessel: string): Zellwert => {
    const z = ergebnisse[i];
    if (!z) return null;
    if (schluessel === "status") return SCHWERE_TEXT[z.status];
    const v = (z as unknown as Record<string, unknown>)[schluessel];
    return typeof v === "number" || typeof v === "string" ? v : null;
  };
  return t.def.spalten
    .filter((s) => s.ausgabe)
    .map((s) => ({
      blatt: t.blatt,
      def: t.def,
      schluessel: s.schluessel,
      kopf: s.kopf,
      typ: s.typ,
      spalte: t.spalten.get(s.schluessel) ?? null,
      kopfZeile: t.kopfZeile,
      werte: t.sheetZeilen.map((zeile, i) => ({ zeile, wert: wert(i, s.schluessel) })),
    }));
}

/** Where a finding points: table row and column → sheet cell. */
function zelleIn(t: GeordneteTabelle, b: Befund): string | null {
  const spalte = (b.spalte && t.spalten.get(b.spalte)) || t.spalten.values().next().value;
  if (spalte === undefined) return null;
  if (b.zeile === null) return zellAdresse(spalte, t.kopfZeile);
  const zeile = t.sheetZeilen[b.zeile - 1];
  return zeile === undefined ? null : zellAdresse(spalte, zeile);
}

const PARAMETER_FELD: Record<string, ParameterSchluessel> = {
  foerderjahr: "foerderjahr",
  foerderstufe: "foerderstufe",
  foerderhoechstbetrag_eur: "foerderhoechstbetrag_eur",
  fachplan_datum: "fachplan_datum",
  haushaltsmittel_eur: "haushaltsmittel_eur",
  sockelbetrag_eur: "sockelbetrag_eur",
  stichtag: "stichtag",
  gewichte: "gewicht_bevoelkerung",
  ...Object.fromEntries(INDIKATOREN.map((k) => [`gewichte.${k}`, gewichtSchluessel(k)])),
};

function zelleParameter(p: Parameterwerte, b: Befund): string | null {
  const schluessel = b.spalte ? PARAMETER_FELD[b.spalte] : undefined;
  const z = schluessel ? p.zellen[schluessel] : undefined;
  return z ? zellAdresse(z.spalte, z.zeile) : null;
}

/**
 * A finding on the Begründungen table (M10, M14: `begruendungen.handlungsfeld` or `….begruendung`):
 * its row; past the rows sent, the table's first empty row, else the row below the table (Excel
 * extends the table there).
 */
function zelleBegruendung(t: GeordneteTabelle | undefined, b: Befund): string | null {
  const feld = b.spalte?.startsWith("begruendungen.") ? b.spalte.slice("begruendungen.".length) : null;
  const spalte = feld === null ? undefined : t?.spalten.get(feld);
  if (!t || spalte === undefined) return null;
  const gesendet = t.sheetZeilen[(b.zeile ?? 1) - 1];
  if (gesendet !== undefined) return zellAdresse(spalte, gesendet);
  let frei = t.kopfZeile + 1;
  while (frei < t.endeZeile && t.sheetZeilen.includes(frei)) frei++;
  return zellAdresse(spalte, frei);
}

function berichtZeilen(
  befunde: readonly Befund[],
  ergebnis: { regelwerk: RegelwerkId; regelwerk_version: string },
  ort: (b: Befund) => { blatt: string; zelle: string | null },
): BerichtZeile[] {
  const regelwerk = REGELWERKE[ergebnis.regelwerk];
  return sortiereBefunde(befunde).map((b) => ({
    schwere: b.schwere,
    regel: b.regel,
    meldung: b.meldung,
    ...ort(b),
    regelwerk: `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`,
    beheben: b.folgt_aus ? BEHEBEN_FOLGE : istRegelCode(b.regel) ? behebenText(b.regel, regelwerk) : "",
    ...(b.folgt_aus ? { folge: true as const } : {}),
  }));
}

/** Which column of the Übersicht's Ausschöpfung block shows what a year rule is about. */
const JAHRES_SPALTE: Partial<Record<string, string>> = {
  F01: "E", // Landesquote
  F02: "B", // Landesmittel
  F03: "F", // Eigenanteilsquote
  F13: "D", // Ausschöpfung
  F14: "B",
};

/**
 * A year rule's finding points at the cell that shows the year's sum — the Übersicht's Ausschöpfung
 * row of that year — not at a table header. The year is the first „20xx“ of the message (every year
 * rule's message names it). Null where the rule is no year rule or the year has no row.
 */
function jahresZelle(b: Befund, d: Diagramm, liste: readonly Ausschoepfung[]): string | null {
  const spalte = JAHRES_SPALTE[b.regel];
  if (!spalte || b.zeile !== null) return null;
  const jahr = /\b(20\d\d)\b/.exec(b.meldung)?.[1];
  const i = liste.findIndex((a) => String(a.jahr) === jahr);
  if (i < 0) return null;
  return `${spalte}${diagrammZellen(d).length + 2 + 1 + i}`;
}

export function pruefAusgabe(ergebnis: ValidationResponse, bezug: PruefBezug, siegel?: Siegel): Ausgabe {
  const { massnahmen, finanzplan, parameter } = bezug;
  const spalten = [
    ...ausgabespalten(massnahmen, ergebnis.zeilen.massnahmen),
    ...ausgabespalten(finanzplan, ergebnis.zeilen.finanzplan),
  ];
  const diagramm = finanzplanJahresDiagramm(ergebnis);
  const jahre = ausschoepfung(ergebnis);
  const jeHandlungsfeld = finanzplanDiagramm(ergebnis, nachAusschoepfung(diagramm, jahre.length));
  const bericht = berichtZeilen(ergebnis.befunde, ergebnis, (b) => {
    if (b.tabelle === "massnahmen") return { blatt: massnahmen.blatt, zelle: zelleIn(massnahmen, b) };
    // A finding that follows from a slip points at the cell to change, not at a sum.
    const ursache = b.folgt_aus?.find((s) => s.tabelle === "finanzplan");
    if (ursache) return { blatt: finanzplan.blatt, zelle: zelleIn(finanzplan, { ...b, ...ursache }) };
    if (b.tabelle === "finanzplan") {
      const summe = jahresZelle(b, diagramm, jahre);
      return summe
        ? { blatt: FINANZPLAN_UEBERSICHT.blatt, zelle: summe }
        : { blatt: finanzplan.blatt, zelle: zelleIn(finanzplan, b) };
    }
    const begruendung = zelleBegruendung(bezug.begruendungen, b);
    if (begruendung) return { blatt: bezug.begruendungen!.blatt, zelle: begruendung };
    return { blatt: parameter.blatt, zelle: zelleParameter(parameter, b) };
  });
  const anzahl = ergebnis.anzahl ?? zaehleBefunde(ergebnis.befunde);
  return {
    ...(siegel ? { siegel } : {}),
    zusammenfassung: zusammenfassungZellen(ergebnis, parameter, anzahl, jahre, siegel),
    spalten,
    bericht,
    anzahl,
    regelwerk: ergebnis.regelwerk,
    diagramme: [diagramm, jeHandlungsfeld],
    ausschoepfung: jahre,
  };
}

export function verteilAusgabe(
  ergebnis: AllocationResponse,
  bezug: VerteilBezug,
): Ausgabe & { zeilen: Zellwert[][]; diagramme: Diagramm[] } {
  const zeilen: Zellwert[][] = ergebnis.regionen.map((r) => ERGEBNIS_SPALTEN.map((s) => s.wert(r)));
  const bericht = berichtZeilen(ergebnis.befunde, ergebnis, (b) =>
    b.tabelle === "regionen"
      ? { blatt: bezug.indikatoren.blatt, zelle: zelleIn(bezug.indikatoren, b) }
      : { blatt: bezug.parameter.blatt, zelle: zelleParameter(bezug.parameter, b) },
  );
  return {
    spalten: [],
    bericht,
    anzahl: ergebnis.anzahl ?? zaehleBefunde(ergebnis.befunde),
    regelwerk: ergebnis.regelwerk,
    zeilen,
    diagramme: verteilDiagramme(ergebnis),
  };
}

export const AUSGABE_BLAETTER = [
  PRUEFBERICHT.blatt,
  SIEGEL_BLATT.blatt,
  VERTEILUNGSBERICHT.blatt,
  FOERDERHOECHSTBETRAEGE.blatt,
  FINANZPLAN_UEBERSICHT.blatt,
] as const;

/** Findings that point at one of the add-in's sheets name it as the writer placed it (a free name where a user's sheet has the wanted one); the add-in and lsz both call this. */
export function mitEigenenBlaettern(
  bericht: readonly BerichtZeile[],
  blaetter: Partial<Record<EigenesBlatt, string>>,
): BerichtZeile[] {
  return bericht.map((b) => {
    const art = eigenesBlattFuer(b.blatt);
    const blatt = art ? blaetter[art] : undefined;
    return blatt && blatt !== b.blatt ? { ...b, blatt } : b;
  });
}
