/**
 * Errors as application/problem+json (RFC 9457) with a German `detail`, and for shape errors the JSON
 * pointer of every offending field.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

import type { Problem } from "../shared/client";
import { MAX_FELDFEHLER } from "./grenzen";

type FeldFehler = NonNullable<Problem["errors"]>[number];

const TITEL: Record<number, string> = {
  400: "Anfrage nicht lesbar",
  404: "Nicht gefunden",
  405: "Methode nicht erlaubt",
  413: "Anfrage zu groß",
  415: "Falscher Inhaltstyp",
  422: "Anfrage passt nicht zum Schema",
  500: "Interner Fehler",
};

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  errors?: FeldFehler[],
): Response {
  const body: Problem = {
    type: `https://lsz-finanzplan.de/probleme/${status}`,
    title: TITEL[status] ?? "Fehler",
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    ...(errors ? { errors } : {}),
  };
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/problem+json; charset=utf-8" });
}

/** RFC 6901: "/regionen/3/einwohner"; "~" and "/" in keys escaped. */
function jsonPointer(pfad: readonly PropertyKey[]): string {
  return pfad.map((teil) => "/" + String(teil).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function zodFehler(issues: readonly z.core.$ZodIssue[]): FeldFehler[] {
  return issues
    .slice(0, MAX_FELDFEHLER)
    .map((issue) => ({ pointer: jsonPointer(issue.path), detail: issue.message }));
}
