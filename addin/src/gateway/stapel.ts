/**
 * Batches that stay below Excel's payload limit. Excel on the web refuses a request or a response
 * above 5 MB (`RequestPayloadSizeLimitExceeded`, measured on the JSON the batch sends); the gateway
 * keeps every sync below 4 MB by its own estimate (UTF-8 bytes of the values' JSON plus a generous
 * allowance per command), splitting large writes into row chunks and reading large tables in chunks.
 */
import type { RequestContext } from "./excel-api";

/**
 * What one sync may carry by the gateway's estimate: Excel's limit is 5 MB, the aim below 4 MB as
 * Microsoft's Office.js library hands it to Excel. Measured through that library (test/officejs/,
 * BENCHMARKS.md „Office.js library“), the packed message is 10–18 % above its JSON, so a full 3,5 MB
 * chunk would reach ~4,2 MB; 3 MB keeps it at ~3,6 MB.
 */
const SYNC_BUDGET = 3_000_000;
/** What a chunk read aims at: measured rows may vary, so a chunk aims at half the budget. */
export const LESE_ZIEL = 2_000_000;
/**
 * Allowance per command for object paths, ids and method names: measured through Microsoft's library,
 * a command costs about 300 B besides its data (a single-cell write is an 855 B request).
 */
const BEFEHL_BYTES = 400;

/** UTF-8 bytes of a value's JSON, as it crosses the Office boundary. */
export function jsonBytes(wert: unknown): number {
  const s = JSON.stringify(wert) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Commands queued on one context, synced whenever the next would take the batch over the budget.
 * `syncs` counts the syncs it made (the progress shows them as chunks).
 */
export class Stapel {
  private bytes = 0;
  syncs = 0;
  constructor(
    private ctx: RequestContext,
    private beiSync: (nr: number) => void = () => {},
  ) {}

  /** Makes room for a command of about `bytes` (its data), syncing first when it would not fit. */
  async platz(bytes: number): Promise<void> {
    const kosten = bytes + BEFEHL_BYTES;
    if (this.bytes > 0 && this.bytes + kosten > SYNC_BUDGET) await this.sync();
    this.bytes += kosten;
  }

  async sync(): Promise<void> {
    await this.ctx.sync();
    this.bytes = 0;
    this.syncs++;
    this.beiSync(this.syncs);
  }

  /** Syncs what is queued (if anything). */
  async ende(): Promise<void> {
    if (this.bytes > 0) await this.sync();
  }
}

/**
 * Rows of a matrix in chunks that each fit the budget: [first row index, rows][]. A row larger than
 * the budget on its own still goes alone (Excel's own limit is higher than the budget).
 */
export function stuecke(zeilen: readonly unknown[][], extraJeZeile = 0): [number, number][] {
  const teile: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  zeilen.forEach((z, i) => {
    const b = jsonBytes(z) + 1 + extraJeZeile;
    if (i > start && bytes + b > SYNC_BUDGET - BEFEHL_BYTES * 4) {
      teile.push([start, i - start]);
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (zeilen.length > start) teile.push([start, zeilen.length - start]);
  return teile;
}
