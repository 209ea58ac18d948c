/**
 * Reads a JSON request body and parses it with a shared schema. Answers 415 for a wrong content type,
 * 400 for JSON that cannot be read, 413 for more text than MAX_TEXTZEICHEN, 422 (with a pointer per
 * field) for the wrong shape.
 */
import type { Context } from "hono";
import { z } from "zod";
import { MAX_TEXTZEICHEN, textzeichen } from "../shared/grenzen";
import { MAX_LISTE, MAX_FELDFEHLER } from "./grenzen";
import { problem, zodFehler } from "./problem";

/** `gross`: a body past GROSS_AB bytes, whose work is cut into turns (abgeben). */
type GeleseneAnfrage<T> = { ok: true; daten: T; gross: boolean } | { ok: false; antwort: Response };

/** Bodies above this give the isolate back between their steps; a typical plan (20 KB) never waits. */
const GROSS_AB = 256 * 1024;

/**
 * `schnell`: the schema's hand-written hot path, if it has one (shared/pruefung/schnell.ts) — the data
 * zod would give, or undefined where the schema itself must decide (and word any error).
 */
export async function liesJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  schnell?: (roh: unknown) => z.infer<S> | undefined,
): Promise<GeleseneAnfrage<z.infer<S>>> {
  const typ = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(typ)) {
    return {
      ok: false,
      antwort: problem(
        c,
        415,
        `Der Inhalt muss JSON sein (Content-Type: application/json), nicht „${typ.slice(0, 80) || "leer"}“.`,
      ),
    };
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    return { ok: false, antwort: problem(c, 400, "Der Inhalt der Anfrage konnte nicht gelesen werden.") };
  }
  let roh: unknown;
  try {
    roh = JSON.parse(text);
  } catch (e) {
    const grund = e instanceof Error ? e.message.slice(0, 200) : "";
    return {
      ok: false,
      antwort: problem(c, 400, `Der Inhalt ist kein gültiges JSON${grund ? ` (${grund})` : ""}.`),
    };
  }
  const zeichen = textzeichen(roh, MAX_TEXTZEICHEN);
  if (zeichen > MAX_TEXTZEICHEN) return { ok: false, antwort: zuVielText(c) };
  const gross = text.length > GROSS_AB;
  if (gross) await abgeben();
  // A large body keeps the list-wise parse, which gives the isolate back between its rows.
  const daten = gross ? undefined : schnell?.(roh);
  if (daten !== undefined) return { ok: true, daten, gross };
  const ergebnis = await parseBegrenzt(schema, roh);
  if (!ergebnis.ok) {
    const fehler = zodFehler(ergebnis.issues);
    const erstes = fehler[0];
    const anzahl = ergebnis.anzahl;
    return {
      ok: false,
      antwort: problem(
        c,
        422,
        `Die Anfrage passt nicht zum Schema: ${anzahl === 1 ? "1 Feld ist" : `${anzahl.toLocaleString("de-DE")} Felder sind`} fehlerhaft${anzahl > fehler.length ? ` (die ersten ${fehler.length} sind einzeln aufgeführt)` : ""}${erstes ? ` (zuerst ${erstes.pointer || "/"}: ${erstes.detail})` : ""}.`,
        fehler,
      ),
    };
  }
  return { ok: true, daten: ergebnis.daten, gross };
}

/** 413: the body holds more text than the readers go through for one request. */
function zuVielText(c: Context): Response {
  return problem(
    c,
    413,
    `Die Anfrage enthält mehr als ${MAX_TEXTZEICHEN.toLocaleString("de-DE")} Zeichen Text (alle Zellen zusammen). Bitte die Tabelle in Teilen prüfen lassen oder lange Texte in den Zellen kürzen.`,
  );
}

type Issue = z.core.$ZodIssue;
type Begrenzt<T> = { ok: true; daten: T } | { ok: false; issues: Issue[]; anzahl: number };

function unverpackt(s: z.ZodType): z.ZodType {
  let t = s;
  while (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
  return t;
}

/**
 * Parses like schema.safeParse, but the long lists of a body (rows, regions) row by row: their length
 * is checked first against MAX_LISTE, and at most MAX_FELDFEHLER issues are kept (the rest counted), so
 * that no list of any size makes a parser gather — or spread — hundreds of thousands of issues.
 */
/**
 * Gives the isolate back to other requests for a moment: workerd runs one request's JavaScript at a
 * time, and a 5 MB body's parse would otherwise keep `/health` and small requests waiting behind it
 * (issue 29). A timer, not a microtask, so that waiting requests really get their turn — and only for
 * large bodies: a timer costs a request milliseconds in workerd (typical plan: 540 → 120 requests/s).
 */
export function abgeben(): Promise<void> {
  return new Promise((weiter) => setTimeout(weiter, 0));
}

/** Rows parsed between two turns given back. */
const ZEILEN_JE_SCHRITT = 2000;

async function parseBegrenzt<S extends z.ZodType>(schema: S, roh: unknown): Promise<Begrenzt<z.infer<S>>> {
  if (!(schema instanceof z.ZodObject) || roh === null || typeof roh !== "object" || Array.isArray(roh)) {
    const r = schema.safeParse(roh);
    return r.success
      ? { ok: true, daten: r.data }
      : { ok: false, issues: r.error.issues.slice(0, MAX_FELDFEHLER), anzahl: r.error.issues.length };
  }
  const objekt = roh as Record<string, unknown>;
  const reihenfolge = Object.keys(schema.shape as object);
  // Issues per top-level field, each bucket capped; merged in the schema's field order at the end.
  const je = new Map<string, Issue[]>();
  let anzahl = 0;
  const melde = (neu: readonly Issue[]) => {
    anzahl += neu.length;
    for (const i of neu) {
      const feld = String(i.path[0] ?? "");
      const eimer = je.get(feld) ?? [];
      if (eimer.length < MAX_FELDFEHLER) eimer.push(i);
      je.set(feld, eimer);
    }
  };
  const rest: Record<string, unknown> = { ...objekt };
  const listen: Record<string, unknown[]> = {};
  for (const [feld, feldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const liste = objekt[feld];
    const art = unverpackt(feldSchema);
    const max = MAX_LISTE[feld];
    if (max === undefined || !(art instanceof z.ZodArray) || !Array.isArray(liste)) continue;
    rest[feld] = liste.slice(0, 1); // keeps list-level rules (at least one region) in the object's parse
    if (liste.length > max) {
      melde([
        {
          code: "too_big",
          origin: "array",
          maximum: max,
          inclusive: true,
          path: [feld],
          message: `Zu viele Einträge: ${liste.length.toLocaleString("de-DE")}, höchstens ${max.toLocaleString("de-DE")} je Anfrage. Bitte in Teilen prüfen lassen.`,
          input: undefined,
        } as Issue,
      ]);
      listen[feld] = [];
      continue;
    }
    const element = art.element as z.ZodType;
    const gelesen: unknown[] = new Array(liste.length);
    for (let i = 0; i < liste.length; i++) {
      if (i > 0 && i % ZEILEN_JE_SCHRITT === 0) await abgeben();
      const r = element.safeParse(liste[i]);
      if (r.success) gelesen[i] = r.data;
      else melde(r.error.issues.map((x) => ({ ...x, path: [feld, i, ...x.path] })));
    }
    listen[feld] = gelesen;
  }
  const r = schema.safeParse(rest);
  // Element issues of the long lists were counted above; the object's parse adds only the others.
  if (!r.success) melde(r.error.issues.filter((i) => !(i.path.length > 1 && String(i.path[0]) in listen)));
  if (anzahl > 0 || !r.success) {
    const rang = (feld: string) =>
      reihenfolge.includes(feld) ? reihenfolge.indexOf(feld) : reihenfolge.length;
    const issues = [...je]
      .sort(([a], [b]) => rang(a) - rang(b))
      .flatMap(([, eimer]) => eimer)
      .slice(0, MAX_FELDFEHLER);
    return { ok: false, issues, anzahl };
  }
  return { ok: true, daten: { ...(r.data as object), ...listen } as z.infer<S> };
}
