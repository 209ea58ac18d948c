/**
 * Money: integer cents inside, euros at the edges. Every sum and every rounding works on integers,
 * so no floating-point drift can reach a cell.
 */

export type Cent = number;

/** The largest amount the core accepts: 100 Mrd. € keeps every cent sum far inside 2^53. */
export const MAX_EURO = 100_000_000_000;

/**
 * Euros to cents, exactly. Returns null when the amount has more than two decimals, is not finite
 * or is beyond MAX_EURO.
 */
export function euroZuCent(euro: number): Cent | null {
  if (!Number.isFinite(euro) || Math.abs(euro) > MAX_EURO) return null;
  const cent = Math.round(euro * 100);
  // Accept only when the decimal text of the number has at most two places.
  const text = String(euro);
  if (/e/i.test(text)) return Number.isInteger(euro) ? cent : null;
  const stellen = (text.split(".")[1] ?? "").length;
  return stellen <= 2 ? cent : null;
}

/** Cents to a JSON-ready euro number (1234.56). Integer cents divided by 100 print exactly. */
export function centZuEuro(cent: Cent): number {
  return cent / 100;
}

/**
 * Largest-remainder (Hare–Niemeyer) rounding: distributes `gesamt` whole units in proportion to
 * `gewichte` so that the parts add up to `gesamt` exactly. Ties go to the larger weight, then to the
 * smaller `schluessel`, so the result does not depend on the order of the input.
 */
export function verteileGroessterRest(
  gewichte: readonly number[],
  gesamt: number,
  schluessel: readonly string[],
): number[] {
  const n = gewichte.length;
  if (n === 0) return [];
  const summe = gewichte.reduce((a, b) => a + b, 0);
  if (!(summe > 0) || !Number.isFinite(summe)) {
    throw new RangeError("verteileGroessterRest: Gewichte müssen positiv sein");
  }
  const quoten = gewichte.map((g) => (gesamt * g) / summe);
  const teile = quoten.map((q) => Math.floor(q));
  let rest = gesamt - teile.reduce((a, b) => a + b, 0);
  if (rest === 0) return teile;
  const reihenfolge = [...Array(n).keys()].sort((a, b) => {
    const ra = (quoten[a] as number) - (teile[a] as number);
    const rb = (quoten[b] as number) - (teile[b] as number);
    if (rb !== ra) return rb - ra;
    const qa = quoten[a] as number;
    const qb = quoten[b] as number;
    if (qb !== qa) return qb - qa;
    const sa = schluessel[a] ?? "";
    const sb = schluessel[b] ?? "";
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  // rest is 0 < rest <= n in exact arithmetic; the loops also settle any float surprise.
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) teile[reihenfolge[i] as number]! += 1;
  for (let i = n - 1; rest < 0; i = (i - 1 + n) % n) {
    const k = reihenfolge[i] as number;
    if ((teile[k] as number) > 0) {
      teile[k]! -= 1;
      rest++;
    }
  }
  return teile;
}

const PPM = 1_000_000n;
const ppm = (anteil: number) => BigInt(Math.round(anteil * 1_000_000));

/** wert > anteil × basis, exactly (anteil to 6 decimals: 70 % → 700000 ppm). */
export function istUeberAnteil(wert: Cent, basis: Cent, anteil: number): boolean {
  return BigInt(wert) * PPM > ppm(anteil) * BigInt(basis);
}

/** wert < anteil × basis, exactly. */
export function istUnterAnteil(wert: Cent, basis: Cent, anteil: number): boolean {
  return BigInt(wert) * PPM < ppm(anteil) * BigInt(basis);
}

/** betrag ÷ anteil, rounded half up to the cent: 445.785 € ÷ 70 % → 636.835,71 €. */
export function teileDurchAnteil(betrag: Cent, anteil: number): Cent {
  const nenner = ppm(anteil);
  if (nenner <= 0n) return 0;
  return Number((BigInt(betrag) * PPM * 2n + nenner) / (2n * nenner));
}
