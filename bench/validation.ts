/** Validation of 15 (the Ilm-Kreis plan), 1.000, 10.000 and 100.000 rows: growth must be linear. */
import { pruefe, validationRequestSchema, type ValidationRequest } from "../shared";
import { liesPruefAnfrage } from "../shared/pruefung/schnell";
import { ilmAnfrage } from "../test/hilfen/ilm";
import { miss, type Messung } from "./messen";

/** n Maßnahmen and n Finanzplan rows; every 50th title repeats (M09 must stay linear). */
export function grosserPlan(n: number): ValidationRequest {
  const massnahmen = Array.from({ length: n }, (_, i) => ({
    nr: `${(i % 6) + 1}.${i}`,
    titel: i % 50 === 0 ? "Frauen- und Familienzentrum" : `Maßnahme Nummer ${i}`,
    handlungsfeld: `HF ${(i % 6) + 1}`,
    art: i % 7 === 0 ? "Bestandssicherung" : "neu",
    bestandsschutz_kategorie: i % 7 === 0 ? "Frauen- und Familienzentrum" : null,
    landeszuwendung_2017: i % 7 === 0 ? "ja" : null,
    traeger: i % 11 === 0 ? "Sozialwerk GmbH" : "Familienhilfe e. V.",
    traegerart: i % 5 === 0 ? "Landkreis" : "gemeinnütziger Träger",
    beginn: i % 3 === 0 ? "ab zweitem Quartal 2019" : "01.02.2019",
    ende: null,
  }));
  const finanzplan = massnahmen.map((m, i) => ({
    massnahme_nr: m.nr,
    jahr: 2019 + (i % 3),
    personalausgaben: "10.000,00 €",
    sachausgaben: 1000,
    verwaltungsausgaben: null,
    honorarausgaben: null,
    investitionen: null,
    drittmittel: null,
    eigenmittel_kreis: 3300,
    anteil_gemeinden: null,
    landesmittel: i % 13 === 0 ? 7800 : 7700,
  }));
  return {
    regelwerk: "LSZ-2019",
    foerderjahr: [2019, 2020, 2021],
    kreis: {
      schluessel: "16070",
      name: "Ilm-Kreis",
      foerderstufe: 3,
      foerderhoechstbetrag_eur: 445785,
      fachplan_datum: "2018-11-15",
    },
    massnahmen,
    finanzplan,
  };
}

export function benchValidation(): Messung[] {
  const faelle: [string, ValidationRequest, number][] = [
    ["Ilm-Kreis plan (15 measures)", ilmAnfrage(), 15],
    ["1.000 rows", grosserPlan(1000), 1000],
    ["10.000 rows", grosserPlan(10_000), 10_000],
    ["100.000 rows", grosserPlan(100_000), 100_000],
  ];
  return faelle.map(([name, anfrage, n]) => {
    // The core itself, above the request limit too (LISTEN_GRENZEN binds the service, not the core):
    // parsed with the first row of each list, then given all rows (grosserPlan builds them parsed).
    const kopf = validationRequestSchema.parse({
      ...anfrage,
      massnahmen: anfrage.massnahmen.slice(0, 1),
      finanzplan: anfrage.finanzplan.slice(0, 1),
    });
    const geparst = { ...kopf, massnahmen: anfrage.massnahmen, finanzplan: anfrage.finanzplan };
    return miss(name, n, () => pruefe(geparst), n >= 100_000 ? 3 : n >= 10_000 ? 7 : 21);
  });
}

/** A typical Kreis Finanzplan: 20 measures × 3 years (60 rows), clean. */
export function typischerPlan(): ValidationRequest {
  const p = grosserPlan(20);
  p.finanzplan = [2019, 2020, 2021].flatMap((jahr) =>
    p.massnahmen.map((m) => ({ ...p.finanzplan[0]!, massnahme_nr: m.nr, jahr, landesmittel: 7700 })),
  );
  return p;
}

export interface Bodenvergleich {
  boden_ms: number;
  zod_ms: number;
  voll_ms: number;
  verhaeltnis: number;
}

/**
 * The hot path against its floor, for the typical plan: the floor is JSON.parse of the request and
 * JSON.stringify of the answer (what any service must do); "zod" adds reading the request against
 * the schema (the hand-written hot path with zod behind it, shared/pruefung/schnell.ts, as the worker
 * reads it); "voll" is the whole validation as the worker runs it (parse, schema, pruefe, stringify).
 *
 * `aufwaermen`: whole validations run before measuring. With none, the 301 measured runs are among a
 * process's first few hundred checks, while V8 still runs the once-per-check code (rules, context,
 * results) unoptimised; the floor is native code and needs no warming. V8 optimises a function after
 * ~400 calls (Maglev) and ~3.000 calls (TurboFan; `node --v8-options` of Node 22: invocation counts
 * for maglev and turbofan), so 3.000 checks first measure the path as an isolate under steady load
 * runs it.
 */
export function bodenVergleich(aufwaermen = 0): Bodenvergleich {
  const lies = (text: string): ValidationRequest => {
    const r = liesPruefAnfrage(JSON.parse(text));
    if (!r.success) throw new Error("the typical plan must be valid");
    return r.data;
  };
  const text = JSON.stringify(typischerPlan());
  const antwort = pruefe(validationRequestSchema.parse(JSON.parse(text)));
  const n = 301;
  for (let i = 0; i < aufwaermen; i++) JSON.stringify(pruefe(lies(text)));
  const boden = miss("floor", 1, () => [JSON.parse(text) as unknown, JSON.stringify(antwort)], n);
  const zod = miss("zod", 1, () => lies(text), n);
  const voll = miss("voll", 1, () => JSON.stringify(pruefe(lies(text))), n);
  return {
    boden_ms: boden.median_ms,
    zod_ms: zod.median_ms,
    voll_ms: voll.median_ms,
    verhaeltnis: voll.median_ms / boden.median_ms,
  };
}
