/**
 * From results to what the add-in and the command-line tool write into a workbook: values for the
 * add-in-owned output columns, and the rows of the Prüfbericht, each finding resolved to its cell.
 * Nothing here touches a cell the user typed: outputs go only into output columns and output sheets.
 */
import type { AllocationResponse } from "../allocation/schema";
import type { Befund, Schwere } from "../befund";
import { sortiereBefunde, zaehleBefunde } from "../befund";
import type { ValidationResponse } from "../pruefung/schema";
import type { Siegel } from "../siegel";
import {
  FINANZPLAN_UEBERSICHT,
  FOERDERHOECHSTBETRAEGE,
  PRUEFBERICHT,
  VERTEILUNGSBERICHT,
  type ParameterSchluessel,
  type TabellenDefinition,
} from "./layout";
import type { PruefBezug, VerteilBezug, Parameterwerte } from "./anfragen";
import { zellAdresse, type GeordneteTabelle, type Zellwert } from "./tabellen";
import {
  ausschoepfung,
  finanzplanDiagramm,
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

export interface Ausgabespalte {
  blatt: string;
  def: TabellenDefinition;
  schluessel: string;
  kopf: string;
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
}

export interface Ausgabe {
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

function ausgabespalten(
  t: GeordneteTabelle,
  werte: (schluessel: string, i: number) => Zellwert,
): Ausgabespalte[] {
  return t.def.spalten
    .filter((s) => s.ausgabe)
    .map((s) => ({
      blatt: t.blatt,
      def: t.def,
      schluessel: s.schluessel,
      kopf: s.kopf,
      spalte: t.spalten.get(s.schluessel) ?? null,
      kopfZeile: t.kopfZeile,
      werte: t.sheetZeilen.map((zeile, i) => ({ zeile, wert: werte(s.schluessel, i) })),
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
  "gewichte.bevoelkerung": "gewicht_bevoelkerung",
  "gewichte.abhaengigenquotient": "gewicht_abhaengigenquotient",
  "gewichte.mindestsicherung": "gewicht_mindestsicherung",
  "gewichte.inverse_dichte": "gewicht_inverse_dichte",
};

function zelleParameter(p: Parameterwerte, b: Befund): string | null {
  const schluessel = b.spalte ? PARAMETER_FELD[b.spalte] : undefined;
  const z = schluessel ? p.zellen[schluessel] : undefined;
  return z ? zellAdresse(z.spalte, z.zeile) : null;
}

function berichtZeilen(
  befunde: readonly Befund[],
  regelwerk: string,
  ort: (b: Befund) => { blatt: string; zelle: string | null },
): BerichtZeile[] {
  return sortiereBefunde(befunde).map((b) => ({
    schwere: b.schwere,
    regel: b.regel,
    meldung: b.meldung,
    ...ort(b),
    regelwerk,
  }));
}

export function pruefAusgabe(ergebnis: ValidationResponse, bezug: PruefBezug, siegel?: Siegel): Ausgabe {
  const { massnahmen, finanzplan, parameter } = bezug;
  const fp = ergebnis.zeilen.finanzplan;
  const ms = ergebnis.zeilen.massnahmen;
  const spalten = [
    ...ausgabespalten(massnahmen, (k, i) => {
      const z = ms[i];
      if (!z) return null;
      return k === "status" ? SCHWERE_TEXT[z.status] : k === "landesmittel_eur" ? z.landesmittel_eur : null;
    }),
    ...ausgabespalten(finanzplan, (k, i) => {
      const z = fp[i];
      if (!z) return null;
      switch (k) {
        case "status":
          return SCHWERE_TEXT[z.status];
        case "gesamtausgaben_eur":
          return z.gesamtausgaben_eur;
        case "bemessungsgrundlage_eur":
          return z.bemessungsgrundlage_eur;
        case "landesquote":
          return z.landesquote;
        case "eigenanteil_eur":
          return z.eigenanteil_eur;
        default:
          return null;
      }
    }),
  ];
  const bericht = berichtZeilen(
    ergebnis.befunde,
    `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`,
    (b) =>
      b.tabelle === "massnahmen"
        ? { blatt: massnahmen.blatt, zelle: zelleIn(massnahmen, b) }
        : b.tabelle === "finanzplan"
          ? { blatt: finanzplan.blatt, zelle: zelleIn(finanzplan, b) }
          : { blatt: parameter.blatt, zelle: zelleParameter(parameter, b) },
  );
  return {
    ...(siegel ? { siegel } : {}),
    spalten,
    bericht,
    anzahl: ergebnis.anzahl ?? zaehleBefunde(ergebnis.befunde),
    regelwerk: ergebnis.regelwerk,
    diagramme: [finanzplanDiagramm(ergebnis)],
    ausschoepfung: ausschoepfung(ergebnis),
  };
}

export function verteilAusgabe(
  ergebnis: AllocationResponse,
  bezug: VerteilBezug,
): Ausgabe & { zeilen: Zellwert[][]; diagramme: Diagramm[] } {
  const zeilen: Zellwert[][] = ergebnis.regionen.map((r) => [
    r.schluessel,
    r.name,
    r.foerderhoechstbetrag_eur,
    r.anteil_gesamt,
    r.sockelbetrag_eur,
    r.betraege_je_indikator_eur.bevoelkerung,
    r.betraege_je_indikator_eur.abhaengigenquotient,
    r.betraege_je_indikator_eur.mindestsicherung,
    r.betraege_je_indikator_eur.inverse_dichte,
    r.rundungsdifferenz_eur,
    r.indikatoren.einwohner,
    r.indikatoren.abhaengigenquotient,
    r.indikatoren.mindestsicherungsquote,
    r.indikatoren.km2_je_einwohner,
    r.anteile.bevoelkerung,
    r.anteile.abhaengigenquotient,
    r.anteile.mindestsicherung,
    r.anteile.inverse_dichte,
    r.veraenderung_vorjahr,
  ]);
  const bericht = berichtZeilen(
    ergebnis.befunde,
    `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`,
    (b) =>
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
  VERTEILUNGSBERICHT.blatt,
  FOERDERHOECHSTBETRAEGE.blatt,
  FINANZPLAN_UEBERSICHT.blatt,
] as const;
