/**
 * Limits of what one request may carry, set from what the product needs — a Kreis plan has tens of
 * rows, the largest workbooks the add-in sends a few thousand; a Gemeinde allocation a few thousand
 * regions — so that the worst request under them stays inside a Worker's 128 MB and well under a
 * second of CPU, and its answer under 10 MB (measured by the reliability suite, BENCHMARKS.md).
 */
import { LISTEN_GRENZEN } from "../shared/grenzen";

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Bytes of an answer (UTF-8). An allocation of 12.000 regions with 200-character names came to
 * 11,3 MB (issue 29); no cap on names alone bounds it (keys, escaped characters and findings grow it
 * too), so the worker measures every answer and refuses one past this with a 413 (docs/vertrag.md).
 */
export const MAX_ANTWORT_BYTES = 10 * 1024 * 1024;

/** Rows per list of a request body; longer lists are refused (422) before any row is parsed. */
export const MAX_LISTE: Readonly<Record<string, number>> = LISTEN_GRENZEN;

/** Shape errors reported one by one; the rest are counted. */
export const MAX_FELDFEHLER = 100;
