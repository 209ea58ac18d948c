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
