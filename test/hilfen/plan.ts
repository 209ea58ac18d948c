/**
 * A small, clean Kreis plan (one measure per Handlungsfeld, 70/30 to the cent, using the whole
 * Förderhöchstbetrag) that breaks no rule. Tests change one thing and look for one finding.
 */
import {
  pruefe,
  validationRequestSchema,
  type FinanzplanZeile,
  type MassnahmeZeile,
  type ValidationRequest,
} from "../../shared";

export const MASSNAHMEN: MassnahmeZeile[] = [
  {
    nr: "1.1",
    titel: "Sozialplanung",
    handlungsfeld: "HF 1",
    art: "neu",
    traeger: "Landratsamt",
    traegerart: "Landkreis",
    beginn: "01.02.2019",
  },
  {
    nr: "2.1",
    titel: "Mobilitätsberatung",
    handlungsfeld: 2,
    art: "Ausbau",
    traeger: "Caritasverband",
    traegerart: "Verband der Wohlfahrtspflege",
    beginn: "ab Februar 2019",
  },
  {
    nr: "3.1",
    titel: "Elternkurse",
    handlungsfeld: "3",
    art: "neu",
    traeger: "Bildungswerk e. V.",
    traegerart: "gemeinnütziger Träger",
    beginn: "ab 2. Halbjahr 2019",
  },
  {
    nr: "4.1",
    titel: "Erziehungsberatungsstelle",
    handlungsfeld: "HF4",
    art: "Bestandssicherung",
    bestandsschutz_kategorie: "Erziehungsberatungsstelle",
    landeszuwendung_2017: "ja",
    traeger: "Diakonie",
    traegerart: "kirchlicher Träger",
    beginn: "fortlaufend",
  },
  {
    nr: "5.1",
    titel: "Spielplatzpaten",
    handlungsfeld: "Wohnumfeld und Lebensqualität",
    art: "neu",
    traeger: "Stadt Ilmenau",
    traegerart: "kreisangehörige Gemeinde",
    beginn: "September 2019",
    ende: "31.12.2021",
  },
  {
    nr: "6.1",
    titel: "Seniorenbeirat",
    handlungsfeld: "Handlungsfeld 6",
    art: "Bestandssicherung",
    bestandsschutz_kategorie: "Seniorenbeirat",
    landeszuwendung_2017: "ja",
    traeger: "Stadt Arnstadt",
    traegerart: "Stadt",
    beginn: "ab Frühjahr 2019",
  },
];

/** Landesmittel 14.000 / 14.000 / 14.000 / 28.000 / 14.000 / 16.100 = 100.100 €, each exactly 70 %. */
export function zeile(
  nr: string,
  landesmittel: number,
  teil: Partial<FinanzplanZeile> = {},
): FinanzplanZeile {
  const ausgaben = (landesmittel * 10) / 7;
  return {
    massnahme_nr: nr,
    jahr: 2019,
    personalausgaben: ausgaben,
    sachausgaben: null,
    verwaltungsausgaben: null,
    honorarausgaben: null,
    investitionen: null,
    drittmittel: null,
    eigenmittel_kreis: ausgaben - landesmittel,
    anteil_gemeinden: null,
    landesmittel,
    ...teil,
  };
}

export const FINANZPLAN: FinanzplanZeile[] = [
  zeile("1.1", 14000),
  zeile("2.1", 14000),
  zeile("3.1", 14000),
  zeile("4.1", 28000),
  zeile("5.1", 14000),
  zeile("6.1", 16100),
];

export function plan(teil: Partial<ValidationRequest> = {}): ValidationRequest {
  return {
    regelwerk: "LSZ-2019",
    foerderjahr: 2019,
    kreis: {
      schluessel: "16070",
      name: "Ilm-Kreis",
      foerderstufe: 3,
      foerderhoechstbetrag_eur: 100100,
      fachplan_datum: "2018-06-01",
    },
    massnahmen: MASSNAHMEN.map((m) => ({ ...m })),
    finanzplan: FINANZPLAN.map((z) => ({ ...z })),
    ...teil,
  };
}

/** Checks a plan; the request goes through the schema as the worker would. */
export function pruefePlan(teil: Partial<ValidationRequest> = {}) {
  return pruefe(validationRequestSchema.parse(plan(teil)));
}

/** The plan with one Maßnahme row changed. */
export function mitMassnahme(i: number, aenderung: Partial<MassnahmeZeile>) {
  const massnahmen = MASSNAHMEN.map((m, j) => (j === i ? { ...m, ...aenderung } : { ...m }));
  return pruefePlan({ massnahmen });
}

/** The plan with one Finanzplan row changed. */
export function mitZeile(
  i: number,
  aenderung: Partial<FinanzplanZeile>,
  teil: Partial<ValidationRequest> = {},
) {
  const finanzplan = FINANZPLAN.map((z, j) => (j === i ? { ...z, ...aenderung } : { ...z }));
  return pruefePlan({ finanzplan, ...teil });
}

export const codes = (e: ReturnType<typeof pruefe>) => e.befunde.map((b) => b.regel);
