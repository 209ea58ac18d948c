/**
 * The hand-written hot path of reading a validation request (shared/pruefung/schnell.ts) gives exactly
 * what the zod schema gives: the same data for every request it accepts (values, keys and their order,
 * a key sent as undefined), the same issues for every request it refuses — for generated requests that
 * are valid and invalid in every way a cell, a row, a list or the rest can be.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { liesPruefAnfrage, schnellePruefAnfrage } from "../../../shared/pruefung/schnell";
import {
  FINANZPLAN_FELDER,
  MASSNAHME_FELDER,
  validationRequestSchema,
} from "../../../shared/pruefung/schema";
import { typischerPlan } from "../../../bench/validation";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../../hilfen/saat";

/** Every value with its keys in order, so that a different key order or a lost undefined shows. */
function form(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(form);
  if (x === undefined) return "‹undefined›";
  if (typeof x === "number" && Object.is(x, -0)) return "‹-0›";
  if (typeof x !== "object" || x === null) return x;
  return Object.entries(x).map(([k, v]) => [k, form(v)]);
}

/** What a cell can be, as Excel, a reader or a hand-written request sends it — and what it must not be. */
const zelle = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.constant(null), fc.double(), fc.integer(), fc.boolean()) },
  { weight: 4, arbitrary: fc.oneof(fc.string(), fc.constantFrom("10.000,00 €", "#NV", "", " ", "HF 3")) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(500), "x".repeat(501), "ä".repeat(501)) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, {}, [], [1], { wert: 1 }, 10n) },
);

function zeile(felder: readonly string[]): fc.Arbitrary<unknown> {
  const mitFeldern = fc
    .record(Object.fromEntries(felder.map((f) => [f, zelle])), { requiredKeys: [] })
    .chain((z) =>
      fc
        .oneof(fc.constant({}), fc.dictionary(fc.constantFrom("extra", "Nr", "__proto__", "wert"), zelle))
        .map((extra) => ({ ...extra, ...z })),
    );
  return fc.oneof(
    { weight: 12, arbitrary: mitFeldern },
    { weight: 1, arbitrary: fc.constantFrom(null, 1, "Zeile", [], [{ nr: 1 }], true) },
  );
}

const liste = (felder: readonly string[]) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.array(zeile(felder), { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, {}, "Liste", 3) },
  );

/** Parts of the rest of a request: valid, broken, unusual — as the add-in, lsz or a caller sends them. */
const KOPF_TEILE: Record<string, unknown>[] = [
  { foerderjahr: 1999 },
  { foerderjahr: [] },
  { foerderjahr: "2019" },
  { regelwerk: "LSZ-1990" },
  { kreis: null },
  { kreis: { name: { x: 1 } } },
  { einstellungen: { landesquote_je_massnahme: "streng" } },
  { zeilen_im_blatt: { finanzplan: [0] } },
  { handlungsfelder_ohne_massnahme: [{ handlungsfeld: 3, begruendung: null }] },
  { unbekannt: 1 },
  // What the add-in and lsz send, and its edges (the head read by hand where it is plain).
  { regelwerk: "LSZ-2022" },
  { regelwerk: undefined },
  { foerderjahr: [2019, 2020, 2021] },
  { foerderjahr: [2019, 2019.5] },
  { foerderjahr: Array.from({ length: 21 }, () => 2019) },
  { foerderjahr: 2100 },
  { foerderjahr: 2101 },
  { kreis: { schluessel: "16070", extra: 1 } },
  { kreis: { name: "x".repeat(501) } },
  { kreis: { name: undefined } },
  { kreis: [] },
  { kreis: Object.assign(Object.create(null) as object, { name: "Ilm-Kreis" }) },
  { kreis: { foerderhoechstbetrag_verteilung_eur: 445785.5 } },
  { kreis: { foerderhoechstbetrag_verteilung_eur: null } },
  { kreis: { foerderhoechstbetrag_verteilung_eur: -0 } },
  { kreis: { foerderhoechstbetrag_verteilung_eur: -1 } },
  { kreis: { foerderhoechstbetrag_verteilung_eur: Infinity } },
  { kreis: { foerderhoechstbetrag_verteilung_eur: NaN } },
  { kreis: { foerderhoechstbetrag_verteilung_eur: "445785" } },
  { zeilen_im_blatt: { massnahmen: [2, 3, 4], finanzplan: [2, 5] } },
  { zeilen_im_blatt: { finanzplan: [2, 2.5] } },
  { zeilen_im_blatt: { finanzplan: [2 ** 53] } },
  { zeilen_im_blatt: {} },
  { zeilen_im_blatt: { massnahmen: undefined } },
  { zeilen_im_blatt: [] },
  { handlungsfelder_ohne_massnahme: [] },
  { handlungsfelder_ohne_massnahme: [{ handlungsfeld: "HF 5", begruendung: "im Aufbau", x: 1 }] },
  { handlungsfelder_ohne_massnahme: [{ handlungsfeld: 5 }] },
  { handlungsfelder_ohne_massnahme: [{ handlungsfeld: 5, begruendung: "x".repeat(2001) }] },
  { handlungsfelder_ohne_massnahme: [{ handlungsfeld: 5, begruendung: 3 }] },
  { handlungsfelder_ohne_massnahme: [null] },
  { handlungsfelder_ohne_massnahme: Array.from({ length: 13 }, () => ({ handlungsfeld: 1 })) },
  { einstellungen: { landesquote_je_massnahme: "fehler" } },
  { einstellungen: {} },
  { einstellungen: { landesquote_je_massnahme: undefined } },
  { blaetter: { parameter: [{ angabe: "Förderjahr", wert: 2019 }], indikatoren: [] } },
  { blaetter: { parameter: [{ angabe: 1, wert: {} }], indikatoren: [] } },
];

/** The rest of a request: the typical plan's, or up to three of those parts put over it. */
const kopf = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...KOPF_TEILE), { minLength: 1, maxLength: 3 })
      .map((teile) => Object.assign({}, ...teile) as Record<string, unknown>),
  },
);

const anfrage = fc
  .tuple(kopf, liste(MASSNAHME_FELDER), liste(FINANZPLAN_FELDER), fc.boolean())
  .map(([k, massnahmen, finanzplan, ohneListe]) => {
    const a: Record<string, unknown> = { ...typischerPlan(), ...k, massnahmen, finanzplan };
    if (ohneListe) delete a["massnahmen"];
    return a;
  });

function gleich(roh: unknown): void {
  const schnell = liesPruefAnfrage(roh);
  const zod = validationRequestSchema.safeParse(roh);
  expect(schnell.success).toBe(zod.success);
  if (zod.success) expect(form(schnell.data)).toEqual(form(zod.data));
  else expect(schnell.error?.issues).toEqual(zod.error.issues);
}

describe("the hand-written path reads a request as the zod schema does", () => {
  it(
    "for generated valid and invalid requests",
    () => {
      fc.assert(
        fc.property(anfrage, (a) => gleich(a)),
        { numRuns: 2000, seed: SAAT },
      );
    },
    EIGENSCHAFT_ZEIT_MS,
  );

  it(
    "for every head over valid rows (so that the hand-read head is reached)",
    () => {
      fc.assert(
        fc.property(kopf, (k) => gleich({ ...typischerPlan(), ...k })),
        { numRuns: 1000, seed: SAAT },
      );
    },
    EIGENSCHAFT_ZEIT_MS,
  );

  it("takes the typical plan itself, not through the fallback", () => {
    const plan = JSON.parse(JSON.stringify(typischerPlan())) as unknown;
    // Fails when a row schema gets a field that is not a cell: the reader then leaves every request
    // to zod (still correct, no longer fast) until shared/pruefung/schnell.ts learns the field.
    expect(schnellePruefAnfrage(plan), "the hand-written path must take the typical plan").toBeDefined();
    gleich(plan);
  });

  it("reads the head of a request as the add-in sends it without the whole schema", () => {
    const plan = typischerPlan();
    const roh = JSON.parse(
      JSON.stringify({
        ...plan,
        zeilen_im_blatt: {
          massnahmen: plan.massnahmen.map((_, i) => i + 5),
          finanzplan: plan.finanzplan.map((_, i) => i + 5),
        },
        handlungsfelder_ohne_massnahme: [{ handlungsfeld: "HF 5", begruendung: "im Aufbau" }],
        blaetter: {
          parameter: [{ angabe: "Förderjahr", wert: 2019 }],
          indikatoren: [{ Kreis: "Ilm-Kreis" }],
        },
      }),
    ) as unknown;
    const ganz = vi.spyOn(validationRequestSchema, "safeParse");
    try {
      expect(schnellePruefAnfrage(roh)).toBeDefined();
      expect(ganz, "the whole schema is asked only where the head is not plain").not.toHaveBeenCalled();
    } finally {
      ganz.mockRestore();
    }
    gleich(roh);
  });

  it("takes a row as it is only where zod would give it unchanged: schema's keys, schema's order", () => {
    const plan = JSON.parse(JSON.stringify(typischerPlan())) as ReturnType<typeof typischerPlan>;
    const zeile = plan.finanzplan[0]!;
    const umgekehrt = Object.fromEntries(Object.entries(zeile).reverse());
    const mitExtra = { ...zeile, kommentar: "von Hand" };
    const roh = { ...plan, finanzplan: [zeile, umgekehrt, mitExtra] };
    const gelesen = schnellePruefAnfrage(roh)!;
    expect(gelesen.finanzplan[0]).toBe(zeile); // one copy fewer on the hot path
    expect(gelesen.finanzplan[1]).not.toBe(umgekehrt);
    expect(gelesen.finanzplan[2]).not.toBe(mitExtra);
    gleich(roh); // and what comes out is zod's, key order included
  });

  it("leaves a row whose cell is not a cell, an overlong text or an object with a prototype to zod", () => {
    const plan = typischerPlan();
    const zuLang = { ...plan, finanzplan: [{ ...plan.finanzplan[0], personalausgaben: "1".repeat(501) }] };
    const klasse = Object.assign(Object.create({ geerbt: 1 }) as object, plan);
    for (const roh of [zuLang, klasse, { ...plan, massnahmen: [[]] }]) {
      expect(schnellePruefAnfrage(roh)).toBeUndefined();
      gleich(roh);
    }
    // An inherited cell is read as zod reads it (`key in row`): here the zod path and ours agree.
    const geerbt = { ...plan, massnahmen: [Object.create({ nr: "1.1" }) as object] };
    gleich(geerbt);
  });
});
