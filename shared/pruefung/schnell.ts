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
import {
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
  // The rest of the request (Kreis, years, settings: a few fields) by the schema itself.
  const kopf = validationRequestSchema.safeParse({ ...roh, massnahmen: [], finanzplan: [] });
  if (!kopf.success) return undefined;
  return { ...kopf.data, massnahmen: m, finanzplan: f } as ValidationRequest;
}

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
