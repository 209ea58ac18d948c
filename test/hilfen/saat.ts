/**
 * The seed of every property test: fixed, so that a failure on CI is the same failure on a laptop
 * (fast-check prints the seed and path to replay it); `LSZ_SAAT=…` runs the same properties on other
 * random cases. And the time a property test may take on a 2-core machine — it runs hundreds of cases,
 * so vitest's 5 s default is not its measure.
 */
export const SAAT = Number(process.env["LSZ_SAAT"] ?? 20_261_202);
export const EIGENSCHAFT_ZEIT_MS = 120_000;
