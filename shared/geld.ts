/**
 * Money: integer cents inside, euros at the edges. Every sum and every rounding works on integers,
 * so no floating-point drift can reach a cell.
 */

import { kurz, liesZahl, stellenEinerZahl } from "./zahl";

export type Cent = number;

/** The largest amount the core accepts: 100 Mrd. € keeps every cent sum far inside 2^53. */
export const MAX_EURO = 100_000_000_000;

/**
 * Euros to cents, exactly. Returns null when the amount has more than two decimals (counted as Excel
 * holds the number: 15 significant digits, so =0,1+0,2 is 0,30 €, while 445.785,001 has three), is not
 * finite or is beyond MAX_EURO.
 */
export function euroZuCent(euro: number): Cent | null {
  if (!Number.isFinite(euro) || Math.abs(euro) > MAX_EURO) return null;
  return stellenEinerZahl(euro) <= 2 ? Math.round(euro * 100) : null;
}

/** Why a euro cell is not an amount. */
export type Betragsproblem = "text" | "negativ" | "stellen" | "mehrdeutig" | "prozent" | "zu_gross";

type GelesenerBetrag =
  { art: "betrag"; cent: Cent } | { art: "leer" } | { art: "problem"; grund: Betragsproblem; text: string };

/**
 * The one reader of euro cells (Finanzplan, Förderhöchstbetrag, Vorjahresbetrag, Haushaltsmittel):
 * German text („1.234,56 €“, „6.000,- €“) and numbers; more than two decimals, a negative amount, a
 * percentage, or text with a decimal point („1.50“: 1,50 € or 150 €?) are problems, never guesses.
 */
export function liesBetrag(wert: unknown): GelesenerBetrag {
  if (typeof wert === "boolean") return { art: "problem", grund: "text", text: String(wert) };
  const g = liesZahl(wert);
  if (g.art === "leer") return g;
  if (g.art === "unlesbar") return { art: "problem", grund: "text", text: g.text };
  if (g.prozent) return { art: "problem", grund: "prozent", text: g.text };
  // „1.50“, „12.5“: a German reader sees a thousands group with a digit missing as well as 1,50 € —
  // ambiguous. „1234.56“ or „0.50“ have no German reading: there the point is the decimal separator.
  if (g.punktAlsKomma && /^[+-]?[1-9]\d{0,2}\.\d{1,2}$/.test(g.text.replace(/[\s\u00a0\u202f€]|EUR/gi, "")))
    return { art: "problem", grund: "mehrdeutig", text: g.text };
  if (g.wert < 0) return { art: "problem", grund: "negativ", text: g.text };
  if (g.stellen > 2) return { art: "problem", grund: "stellen", text: g.text };
  if (g.wert > MAX_EURO) return { art: "problem", grund: "zu_gross", text: g.text };
  return { art: "betrag", cent: Math.round(g.wert * 100) };
}

/** What is wrong with a euro cell, with what to type instead. */
export function betragsproblemText(grund: Betragsproblem, text: string): string {
  const t = kurz(text);
  switch (grund) {
    case "text":
      return `„${t}“ ist keine Zahl (z. B. 12000 oder 12.000,00 €)`;
    case "negativ":
      return `${t} ist negativ`;
    case "stellen":
      return `${t} hat mehr als zwei Nachkommastellen (Beträge auf den Cent, z. B. 445.785,00 €)`;
    case "mehrdeutig":
      return `„${t}“ ist mehrdeutig: im deutschen Excel trennt das Komma die Cent (z. B. „1,50“ für 1,50 € oder „150“ für 150 €)`;
    case "prozent":
      return `„${t}“ ist ein Prozentwert, kein Betrag`;
    case "zu_gross":
      return `${t} ist größer als 100 Mrd. €`;
  }
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

/**
 * Whether doubles hold both sides of „wert × 10⁶ against ppm × basis“ exactly: a computed product of
 * whole numbers at or below 2⁵³ − 1 is the true one, and a larger true one never rounds down to it.
 * Then the comparison needs no BigInt (the plans' amounts are far below 90 Mio € = 9·10⁹ cents).
 */
const genau = (links: number, rechts: number) =>
  Math.abs(links) <= Number.MAX_SAFE_INTEGER && Math.abs(rechts) <= Number.MAX_SAFE_INTEGER;

/** wert > anteil × basis, exactly (anteil to 6 decimals: 70 % → 700000 ppm). */
export function istUeberAnteil(wert: Cent, basis: Cent, anteil: number): boolean {
  const links = wert * 1_000_000;
  const rechts = Math.round(anteil * 1_000_000) * basis;
  if (genau(links, rechts)) return links > rechts;
  return BigInt(wert) * PPM > ppm(anteil) * BigInt(basis);
}

/** wert < anteil × basis, exactly. */
export function istUnterAnteil(wert: Cent, basis: Cent, anteil: number): boolean {
  const links = wert * 1_000_000;
  const rechts = Math.round(anteil * 1_000_000) * basis;
  if (genau(links, rechts)) return links < rechts;
  return BigInt(wert) * PPM < ppm(anteil) * BigInt(basis);
}

/**
 * betrag ÷ anteil, rounded **up** to the cent: the smallest basis whose anteil reaches betrag.
 * 445.785 € ÷ 70 % → 636.835,72 € (70 % of 636.835,71 € is only 445.784,997 €).
 */
export function teileDurchAnteil(betrag: Cent, anteil: number): Cent {
  const nenner = ppm(anteil);
  if (nenner <= 0n) return 0;
  return Number((BigInt(betrag) * PPM + nenner - 1n) / nenner);
}

/** anteil × basis rounded down to the cent: the most that stays within the share (F01's allowance). */
export function anteilAbgerundet(basis: Cent, anteil: number): Cent {
  return Number((BigInt(basis) * ppm(anteil)) / PPM);
}

/** anteil × basis rounded up to the cent: the least that reaches the share (F03's minimum). */
export function anteilAufgerundet(basis: Cent, anteil: number): Cent {
  return Number((BigInt(basis) * ppm(anteil) + PPM - 1n) / PPM);
}
