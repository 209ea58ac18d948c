/**
 * The Ilm-Kreis plan 2019 (data/ilm-kreis-2019-massnahmen.json) as Maßnahmen and Finanzplan rows.
 * The plan gives no amounts and no Träger names: the Finanzplan and the Träger are MADE UP (labelled
 * so), shaped to break no money rule and to use the Förderhöchstbetrag 445.785 € exactly. The
 * Bestandsschutz categories and the 2017 state money of the six Bestandssicherung measures are
 * assumed (they are Bestandsschutz institutions). Pure: the caller reads the file.
 */
import type { FinanzplanZeile, MassnahmeZeile, ValidationRequest } from "../pruefung/schema";

export interface IlmPlan {
  kreis: { kreisschluessel: string; name: string; foerderstufe: number; foerderhoechstsumme_eur: number };
  massnahmen: {
    nr: string;
    titel: string;
    handlungsfeld: number;
    art: string | null;
    wortlaut_beginn: string;
    traegerart: string;
  }[];
  handlungsfelder_ohne_massnahme: { handlungsfeld: number; begruendung: string }[];
}

/** MADE UP: Landesmittel 2019 per measure, adding up to the Förderhöchstbetrag 445.785 €. */
export const ERFUNDENE_LANDESMITTEL: Record<string, number> = {
  "1.1": 42000,
  "1.2": 9000,
  "1.3": 6000,
  "2.1": 38000,
  "3.1": 12000,
  "3.2": 21000,
  "4.1": 61000,
  "4.2": 52000,
  "4.3": 24000,
  "4.4": 3500,
  "4.5": 15000,
  "6.1": 116000,
  "6.2": 19500,
  "6.3": 8000,
  "6.4": 18785,
};

const ERFUNDENE_TRAEGER: Record<string, string> = {
  Landkreis: "Landratsamt Ilm-Kreis",
  "gemeinnütziger Träger": "Familienhilfe Ilmenau e. V. (erfunden)",
  "kreisangehörige Stadt/Gemeinde": "Stadt Arnstadt",
};

const KATEGORIE: Record<string, string> = {
  "3.2": "Frauen- und Familienzentrum",
  "4.1": "Erziehungsberatungsstelle",
  "4.2": "Frauen- und Familienzentrum",
  "6.1": "Thüringer Eltern-Kind-Zentrum",
  "6.2": "Seniorenbeauftragte(r)",
  "6.3": "Seniorenbeirat",
};

export function ilmMassnahmen(plan: IlmPlan): MassnahmeZeile[] {
  return plan.massnahmen.map((m) => ({
    nr: m.nr,
    titel: m.titel,
    handlungsfeld: `HF ${m.handlungsfeld}`,
    art: m.art,
    bestandsschutz_kategorie: KATEGORIE[m.nr] ?? null,
    landeszuwendung_2017: KATEGORIE[m.nr] ? "ja" : "nein",
    traeger: ERFUNDENE_TRAEGER[m.traegerart] ?? null,
    traegerart: m.traegerart,
    beginn: m.wortlaut_beginn, // the plan's own words
    ende: null,
  }));
}

/** One row per measure for 2019: expenses = Landesmittel ÷ 70 %, rounded up to the euro; the rest Eigenmittel. */
export function ilmFinanzplan(plan: IlmPlan): FinanzplanZeile[] {
  return plan.massnahmen.map((m, i) => {
    const landesmittel = ERFUNDENE_LANDESMITTEL[m.nr] ?? 0;
    const ausgaben = Math.ceil((landesmittel * 10) / 7);
    const personal = i % 3 === 0 ? ausgaben : Math.round(ausgaben * 0.6);
    return {
      massnahme_nr: m.nr,
      jahr: 2019,
      personalausgaben: personal,
      sachausgaben: ausgaben - personal,
      verwaltungsausgaben: null,
      honorarausgaben: null,
      investitionen: null,
      drittmittel: null,
      eigenmittel_kreis: ausgaben - landesmittel,
      anteil_gemeinden: null,
      landesmittel,
    };
  });
}

export const ILM_FACHPLAN_DATUM = "2018-11-15"; // assumed: the plan was submitted for 2019

export function ilmAnfrage(plan: IlmPlan): ValidationRequest {
  return {
    regelwerk: "LSZ-2019",
    foerderjahr: 2019,
    kreis: {
      schluessel: plan.kreis.kreisschluessel,
      name: plan.kreis.name,
      foerderstufe: plan.kreis.foerderstufe,
      foerderhoechstbetrag_eur: plan.kreis.foerderhoechstsumme_eur,
      fachplan_datum: ILM_FACHPLAN_DATUM,
    },
    massnahmen: ilmMassnahmen(plan),
    finanzplan: ilmFinanzplan(plan),
    handlungsfelder_ohne_massnahme: plan.handlungsfelder_ohne_massnahme,
  };
}
