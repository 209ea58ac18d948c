/**
 * Rows per list of a request: one definition for the schemas (and so the OpenAPI document's
 * `maxItems`), the worker's early refusal (worker/grenzen.ts) and lsz. Set from what the product
 * needs — a Kreis plan has tens of rows, the largest workbooks a few thousand; a Gemeinde allocation a
 * few thousand regions — so that the worst request stays inside a Worker's 128 MB.
 */
export const LISTEN_GRENZEN = {
  // As many as Finanzplan rows: every measure has at least one (the pane's chunked reads are tested at 20.000).
  massnahmen: 20_000,
  finanzplan: 20_000,
  regionen: 12_000,
} as const;

/**
 * Characters of text per request: all string values of the body together (cell texts, names,
 * Schlüssel, dates typed as text). A real plan at the 5 MB body limit (10.000 Maßnahmen and 10.000 Finanzplan
 * rows) holds about 1,1 million; twice that is the limit, so that no request makes the readers go
 * through more than 2 million characters however its cells are crafted (issue 29). Object keys are
 * the schema's field names (unknown ones are dropped unread) and are not counted.
 */
export const MAX_TEXTZEICHEN = 2_000_000;

/**
 * The characters of all string values in `wert` (a parsed JSON body), counted without recursion; stops
 * as soon as the count passes `grenze` and returns it then (so a refused body is not walked to its end).
 */
export function textzeichen(wert: unknown, grenze = Infinity): number {
  let summe = 0;
  const offen: unknown[] = [wert];
  while (offen.length > 0 && summe <= grenze) {
    const x = offen.pop();
    if (typeof x === "string") summe += x.length;
    else if (Array.isArray(x)) for (const y of x) offen.push(y);
    else if (x !== null && typeof x === "object") for (const y of Object.values(x)) offen.push(y);
  }
  return summe;
}
