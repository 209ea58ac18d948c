/**
 * The example workbook's table rows, in layout order: the Ilm-Kreis plan 2019 (amounts made up) and the
 * 23 Kreise of 2017 (Mindestsicherung made up). The template generator and the task pane's preview
 * (an in-memory workbook) both fill their tables from here.
 */
import { erfundeneVorjahresbetraege, kreiseAlsRegionenAus, kreiseAusCsv } from "../beispiel/kreise";
import { ilmFinanzplan, ilmMassnahmen, ILM_FACHPLAN_DATUM, type IlmPlan } from "../beispiel/ilm";
import { liesHandlungsfeld } from "../pruefung/woerter";
import {
  BEGRUENDUNGEN,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  LISTEN,
  MASSNAHMEN,
  PARAMETER,
  type ParameterSchluessel,
  type TabellenDefinition,
  NORMIERUNG_WORT,
  RUNDUNG_WORT,
} from "./layout";
import type { Zellwert } from "./tabellen";

export interface Beispieldaten {
  plan: IlmPlan;
  kreiseCsv: string;
}

export interface BeispielTabellen {
  parameter: Partial<Record<ParameterSchluessel, Zellwert>>;
  massnahmen: Zellwert[][];
  finanzplan: Zellwert[][];
  begruendungen: Zellwert[][];
  indikatoren: Zellwert[][];
}

function zeilen(def: TabellenDefinition, objekte: Record<string, unknown>[]): Zellwert[][] {
  return objekte.map((o) =>
    def.spalten.map((s) => (s.ausgabe ? null : ((o[s.schluessel] ?? null) as Zellwert))),
  );
}

const hfText = (v: unknown) => {
  const hf = liesHandlungsfeld(v);
  return hf ? LISTEN.handlungsfelder[hf - 1]! : (v as Zellwert);
};

/** The 23 Kreise with made-up Mindestsicherung and made-up Vorjahresbeträge (see ../beispiel/kreise.ts). */
function beispielRegionen(csv: string) {
  const regionen = kreiseAlsRegionenAus(kreiseAusCsv(csv));
  const vorjahr = erfundeneVorjahresbetraege(regionen);
  return regionen.map((r, i) => ({ ...r, vorjahr_eur: vorjahr[i] ?? null }));
}

export function beispielTabellen(b: Beispieldaten): BeispielTabellen {
  const k = b.plan.kreis;
  return {
    parameter: {
      foerderjahr: 2019,
      regelwerk: "LSZ-2019",
      kreis_schluessel: k.kreisschluessel,
      kreis_name: k.name,
      foerderstufe: String(k.foerderstufe),
      foerderhoechstbetrag_eur: k.foerderhoechstsumme_eur,
      fachplan_datum: ILM_FACHPLAN_DATUM,
      haushaltsmittel_eur: 10_000_000,
      stichtag: "2017-12-31",
      normierung: NORMIERUNG_WORT.summe_der_kreiswerte,
      gewicht_bevoelkerung: 0.25,
      gewicht_abhaengigenquotient: 0.25,
      gewicht_mindestsicherung: 0.25,
      gewicht_inverse_dichte: 0.25,
      sockelbetrag_eur: 0,
      rundung: RUNDUNG_WORT.euro,
    },
    massnahmen: zeilen(
      MASSNAHMEN,
      ilmMassnahmen(b.plan).map((m) => ({ ...m, handlungsfeld: hfText(m.handlungsfeld) })),
    ),
    finanzplan: zeilen(FINANZPLAN, ilmFinanzplan(b.plan)),
    begruendungen: zeilen(
      BEGRUENDUNGEN,
      b.plan.handlungsfelder_ohne_massnahme.map((h) => ({
        handlungsfeld: hfText(h.handlungsfeld),
        begruendung: h.begruendung,
      })),
    ),
    indikatoren: zeilen(INDIKATOREN_TABELLE, beispielRegionen(b.kreiseCsv)),
  };
}

/** The Parameter table's rows: Angabe, Wert, Hinweis. */
export function parameterZeilen(werte: Partial<Record<ParameterSchluessel, Zellwert>>): Zellwert[][] {
  return PARAMETER.zeilen.map((z) => [
    z.angabe,
    werte[z.schluessel] ?? null,
    `${z.fuer === "kreis" ? "Kreis" : z.fuer === "ministerium" ? "Ministerium" : "alle"}${z.hinweis ? ` · ${z.hinweis}` : ""}`,
  ]);
}
