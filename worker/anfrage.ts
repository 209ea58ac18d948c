/**
 * Reads a JSON request body and parses it with a shared schema. Answers 415 for a wrong content type,
 * 400 for JSON that cannot be read, 422 (with a pointer per field) for the wrong shape.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { problem, zodFehler } from "./problem";

export type Gelesen<T> = { ok: true; daten: T } | { ok: false; antwort: Response };

export async function liesJson<S extends z.ZodType>(c: Context, schema: S): Promise<Gelesen<z.infer<S>>> {
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
  const ergebnis = schema.safeParse(roh);
  if (!ergebnis.success) {
    const fehler = zodFehler(ergebnis.error);
    const erstes = fehler[0];
    const anzahl = ergebnis.error.issues.length;
    return {
      ok: false,
      antwort: problem(
        c,
        422,
        `Die Anfrage passt nicht zum Schema: ${anzahl === 1 ? "1 Feld ist" : `${anzahl} Felder sind`} fehlerhaft${erstes ? ` (zuerst ${erstes.pointer || "/"}: ${erstes.detail})` : ""}.`,
        fehler,
      ),
    };
  }
  return { ok: true, daten: ergebnis.data };
}
