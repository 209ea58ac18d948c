/**
 * The Ilm-Kreis plan 2019 (data/ilm-kreis-2019-massnahmen.json) as a validation request.
 * The plan gives no amounts and no Träger names: the Finanzplan and the Träger below are MADE UP
 * (labelled so), shaped so that they break no money rule; Bestandsschutz categories and the 2017
 * state money of the six Bestandssicherung measures are assumed (they are Bestandsschutz institutions).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { FinanzplanZeile, MassnahmeZeile, ValidationRequest } from "../../shared";
import { REPO } from "./daten";

interface PlanMassnahme {
  nr: string;
  titel: string;
  handlungsfeld: number;
  art: string | null;
  beginn: string;
  wortlaut_beginn: string;
  traegerart: string;
}

export const ILM_PLAN = JSON.parse(
  readFileSync(resolve(REPO, "data/ilm-kreis-2019-massnahmen.json"), "utf8"),
) as {
  kreis: { kreisschluessel: string; name: string; foerderstufe: number; foerderhoechstsumme_eur: number };
  massnahmen: PlanMassnahme[];
  handlungsfelder_ohne_massnahme: { handlungsfeld: number; begruendung: string }[];
};

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

const MADE_UP_TRAEGER: Record<string, string> = {
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

export function ilmMassnahmen(): MassnahmeZeile[] {
  return ILM_PLAN.massnahmen.map((m) => ({
    nr: m.nr,
    titel: m.titel,
    handlungsfeld: `HF ${m.handlungsfeld}`,
    art: m.art,
    bestandsschutz_kategorie: KATEGORIE[m.nr] ?? null,
    landeszuwendung_2017: KATEGORIE[m.nr] ? "ja" : "nein",
    traeger: MADE_UP_TRAEGER[m.traegerart] ?? null,
    traegerart: m.traegerart,
    beginn: m.wortlaut_beginn, // the plan's own words: "ab zweitem Quartal 2019", "Bestandssicherung fortlaufend", …
    ende: null,
  }));
}

/** One row per measure for 2019: expenses = Landesmittel ÷ 70 %, rounded up to the euro; the rest Eigenmittel. */
export function ilmFinanzplan(): FinanzplanZeile[] {
  return ILM_PLAN.massnahmen.map((m, i) => {
    const landesmittel = ERFUNDENE_LANDESMITTEL[m.nr]!;
    const ausgaben = Math.ceil((landesmittel * 10) / 7);
    const personal = i % 3 === 0 ? ausgaben : Math.round(ausgaben * 0.6);
    const sach = ausgaben - personal;
    return {
      massnahme_nr: m.nr,
      jahr: 2019,
      personalausgaben: personal,
      sachausgaben: sach,
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

export function ilmAnfrage(): ValidationRequest {
  return {
    regelwerk: "LSZ-2019",
    foerderjahr: 2019,
    kreis: {
      schluessel: ILM_PLAN.kreis.kreisschluessel,
      name: ILM_PLAN.kreis.name,
      foerderstufe: ILM_PLAN.kreis.foerderstufe,
      foerderhoechstbetrag_eur: ILM_PLAN.kreis.foerderhoechstsumme_eur,
      fachplan_datum: "2018-11-15",
    },
    massnahmen: ilmMassnahmen(),
    finanzplan: ilmFinanzplan(),
    handlungsfelder_ohne_massnahme: ILM_PLAN.handlungsfelder_ohne_massnahme,
  };
}
