/**
 * The hot path of reading a validation request (issue 29): the schema in ./schema.ts, but its two long
 * lists read by hand in one pass. zod's generic object parse builds a result per cell and, in workerd
 * (no `new Function`), runs without its compiled fast path; a plan's 80 rows × 12 cells are most of
 * its work. The hand-written reader accepts only what the schema accepts — rows that are objects whose
 * cells are empty, a finite number, a text of at most 500 characters or true/false — and gives what zod
 * gives (the schema's fields in its order, unknown keys left out, a key sent as undefined kept); a row
 * that already is that (a plain object with the schema's keys in its order, as the add-in and lsz send
 * them) is taken as it is, any other row copied field by field. Every
 * other request, and every refused one, goes through the zod schema itself, so that each error
 * message, path and code stays zod's (docs/vertrag.md). test/shared/pruefung/schnell.test.ts shows
 * both ways give the same for generated valid and invalid requests.
 */
import { LISTEN_GRENZEN } from "../grenzen";
import { REGELWERK_IDS, type RegelwerkId } from "../regelwerke";
import {
  KOPF_GRENZEN,
  kreisSchema,
  finanzplanSchema,
  massnahmeSchema,
  validationRequestSchema,
  ZELLE_MAX_ZEICHEN,
  zelleSchema,
  type ValidationRequest,
} from "./schema";

type Zeile = Record<string, unknown>;

/** One cell as `zelleSchema` takes it: empty, a finite number, text up to 500 characters, true/false. */
function istZelle(v: unknown): boolean {
  switch (typeof v) {
    case "number":
      return Number.isFinite(v);
    case "string":
      return v.length <= ZELLE_MAX_ZEICHEN;
    case "boolean":
      return true;
    default:
      return v === null;
  }
}

/** Each field's place in its schema, on an object without a prototype (no „__proto__“ magic). */
type Stellen = Readonly<Record<string, number>>;
function stellenVon(felder: readonly string[]): Stellen {
  const stellen = Object.create(null) as Record<string, number>;
  felder.forEach((f, i) => (stellen[f] = i));
  return stellen;
}

/**
 * Whether a row is already what zod's object parse gives for it, so that it can be taken as it is: a
 * plain object (as JSON.parse builds it) whose own keys are fields of the schema in the schema's
 * order, each holding a cell. Any other row is copied field by field (below).
 */
function schonGelesen(zeile: Zeile, stellen: Stellen): boolean {
  if (Object.getPrototypeOf(zeile) !== Object.prototype) return false;
  let vorige = -1;
  for (const feld in zeile) {
    const stelle = stellen[feld];
    if (stelle === undefined || stelle <= vorige || !istZelle(zeile[feld])) return false;
    vorige = stelle;
  }
  return true;
}

/** The rows as zod's object parse gives them, or undefined where zod would refuse one. */
function liesZeilen(
  felder: readonly string[],
  stellen: Stellen,
  liste: readonly unknown[],
): Zeile[] | undefined {
  const aus: Zeile[] = new Array<Zeile>(liste.length);
  for (let i = 0; i < liste.length; i++) {
    const roh = liste[i];
    if (typeof roh !== "object" || roh === null || Array.isArray(roh)) return undefined;
    const zeile = roh as Zeile;
    if (schonGelesen(zeile, stellen)) {
      aus[i] = zeile;
      continue;
    }
    const gelesen: Zeile = {};
    for (const feld of felder) {
      const v = zeile[feld];
      if (v === undefined) {
        if (feld in zeile) gelesen[feld] = undefined; // as zod: a key sent as undefined stays
      } else if (istZelle(v)) gelesen[feld] = v;
      else return undefined;
    }
    aus[i] = gelesen;
  }
  return aus;
}

/**
 * The fields of a row schema whose every field is a cell (`zelleSchema`), or null: a field of another
 * kind is the schema's to read, and the hand-written path then takes no request (the test of the
 * typical plan fails until this reader learns it).
 */
function zellenFelder(schema: typeof massnahmeSchema | typeof finanzplanSchema): string[] | null {
  const shape = schema.shape as Record<string, unknown>;
  return Object.values(shape).every((s) => s === zelleSchema) ? Object.keys(shape) : null;
}
const MASSNAHME_ZELLEN = zellenFelder(massnahmeSchema);
const FINANZPLAN_ZELLEN = zellenFelder(finanzplanSchema);
const MASSNAHME_STELLEN = stellenVon(MASSNAHME_ZELLEN ?? []);
const FINANZPLAN_STELLEN = stellenVon(FINANZPLAN_ZELLEN ?? []);

/** The request read by the hand-written path, or undefined where only the zod schema can decide. */
function schnellGelesen(roh: unknown): ValidationRequest | undefined {
  if (typeof roh !== "object" || roh === null || !MASSNAHME_ZELLEN || !FINANZPLAN_ZELLEN) return undefined;
  // A plain object (as JSON.parse builds it): the copy below then sees what zod sees.
  const proto: unknown = Object.getPrototypeOf(roh);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const { massnahmen, finanzplan } = roh as { massnahmen?: unknown; finanzplan?: unknown };
  if (!Array.isArray(massnahmen) || massnahmen.length > LISTEN_GRENZEN.massnahmen) return undefined;
  if (!Array.isArray(finanzplan) || finanzplan.length > LISTEN_GRENZEN.finanzplan) return undefined;
  const m = liesZeilen(MASSNAHME_ZELLEN, MASSNAHME_STELLEN, massnahmen);
  const f = m && liesZeilen(FINANZPLAN_ZELLEN, FINANZPLAN_STELLEN, finanzplan);
  if (!f) return undefined;
  // The rest of the request (Kreis, years, settings: a few fields): by hand where it is plain, else by
  // the schema itself (the sheets' contents, anything unusual).
  const kopf = kopfGelesen(roh as Zeile);
  if (kopf) return { ...kopf, massnahmen: m, finanzplan: f } as ValidationRequest;
  const z = validationRequestSchema.safeParse({ ...roh, massnahmen: [], finanzplan: [] });
  if (!z.success) return undefined;
  return { ...z.data, massnahmen: m, finanzplan: f } as ValidationRequest;
}

const istObjekt = (v: unknown): v is Zeile => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const istJahr = (v: unknown) =>
  Number.isInteger(v) && (v as number) >= KOPF_GRENZEN.jahr.min && (v as number) <= KOPF_GRENZEN.jahr.max;
const istBlattZeile = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1;

/** A list of at most `max` entries each of which `gilt`: copied, as zod gives a new array; else undefined. */
function liste(v: unknown, max: number, gilt: (x: unknown) => boolean): unknown[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  for (const x of v) if (!gilt(x)) return undefined;
  return [...(v as unknown[])];
}

/**
 * Copies `felder` of `von` into `nach` as zod's object parse does (absent stays absent), each checked
 * by `gilt`; false where one is not plain (zod then decides).
 */
function felderKopiert(
  von: Zeile,
  nach: Zeile,
  felder: readonly string[],
  gilt: (x: unknown) => boolean,
): boolean {
  for (const feld of felder) {
    if (!(feld in von)) continue;
    const v = von[feld];
    if (v === undefined || !gilt(v)) return false;
    nach[feld] = v;
  }
  return true;
}

/** The Kreis's fields that are cells, from its schema (the one other field is read below). */
const KREIS_ZELLEN = Object.entries(kreisSchema.shape)
  .filter(([, s]) => s === zelleSchema)
  .map(([feld]) => feld);
const istVerteilung = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v) && v >= 0);
const istBegruendung = (v: unknown) =>
  v === null || (typeof v === "string" && v.length <= KOPF_GRENZEN.begruendungZeichen);
const istEinstellung = (v: unknown) => v === "warnung" || v === "fehler";

/**
 * The request without its two lists as `validationRequestSchema` gives it — the schema's keys in its
 * order, unknown keys left out — where every part is plain: the years, the Kreis's cells, the
 * settings, the sheet rows and the reasons for empty Handlungsfelder; the sheets' contents by the
 * schema's part for them. Undefined for anything else (a value the schema refuses, a key sent as
 * undefined): the whole schema reads the head then, so that every error stays zod's, path included.
 * test/shared/pruefung/schnell.test.ts compares both ways.
 */
function kopfGelesen(roh: Zeile): Zeile | undefined {
  const aus: Zeile = {};
  if ("regelwerk" in roh) {
    if (!REGELWERK_IDS.includes(roh["regelwerk"] as RegelwerkId)) return undefined;
    aus["regelwerk"] = roh["regelwerk"];
  }
  const jahr = roh["foerderjahr"];
  if (istJahr(jahr)) aus["foerderjahr"] = jahr;
  else {
    const jahre = liste(jahr, KOPF_GRENZEN.foerderjahre, istJahr);
    if (!jahre || jahre.length === 0) return undefined;
    aus["foerderjahr"] = jahre;
  }
  const kreis = roh["kreis"];
  if (!istObjekt(kreis)) return undefined;
  const k: Zeile = {};
  if (!felderKopiert(kreis, k, KREIS_ZELLEN, istZelle)) return undefined;
  if (!felderKopiert(kreis, k, ["foerderhoechstbetrag_verteilung_eur"], istVerteilung)) return undefined;
  aus["kreis"] = k;
  aus["massnahmen"] = [];
  aus["finanzplan"] = [];
  if ("handlungsfelder_ohne_massnahme" in roh) {
    const gruende = liste(roh["handlungsfelder_ohne_massnahme"], KOPF_GRENZEN.begruendungen, istObjekt);
    if (!gruende) return undefined;
    const gelesen: Zeile[] = [];
    for (const g of gruende as Zeile[]) {
      const b: Zeile = {};
      if (!felderKopiert(g, b, ["handlungsfeld"], istZelle)) return undefined;
      if (!felderKopiert(g, b, ["begruendung"], istBegruendung)) return undefined;
      gelesen.push(b);
    }
    aus["handlungsfelder_ohne_massnahme"] = gelesen;
  }
  if ("einstellungen" in roh) {
    const e = roh["einstellungen"];
    if (!istObjekt(e)) return undefined;
    const gelesen: Zeile = {};
    if (!felderKopiert(e, gelesen, ["landesquote_je_massnahme"], istEinstellung)) return undefined;
    aus["einstellungen"] = gelesen;
  }
  if ("zeilen_im_blatt" in roh) {
    const z = roh["zeilen_im_blatt"];
    if (!istObjekt(z)) return undefined;
    const gelesen: Zeile = {};
    for (const t of ["massnahmen", "finanzplan"] as const) {
      if (!(t in z)) continue;
      const zeilen = liste(z[t], LISTEN_GRENZEN[t], istBlattZeile);
      if (!zeilen) return undefined;
      gelesen[t] = zeilen;
    }
    aus["zeilen_im_blatt"] = gelesen;
  }
  if ("blaetter" in roh) {
    // The Parameter rows and the Indikatoren records: by the schema's own part for them.
    const b = BLAETTER.safeParse(roh["blaetter"]);
    if (!b.success || b.data === undefined) return undefined;
    aus["blaetter"] = b.data;
  }
  return aus;
}
const BLAETTER = validationRequestSchema.shape.blaetter;

/**
 * Reads a validation request as `validationRequestSchema.safeParse` does — the same data for every
 * request it accepts, the same error for every one it refuses — on the hand-written path where it can.
 */
export function liesPruefAnfrage(roh: unknown): ReturnType<typeof validationRequestSchema.safeParse> {
  const schnell = schnellGelesen(roh);
  return schnell ? { success: true, data: schnell } : validationRequestSchema.safeParse(roh);
}

/** The hand-written path alone, for a caller that falls back on its own (the worker's list-wise parse). */
export function schnellePruefAnfrage(roh: unknown): ValidationRequest | undefined {
  return schnellGelesen(roh);
}
