import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  euroZuCent,
  formatEuro,
  formatProzent,
  liesZahl,
  teileDurchAnteil,
  istUeberAnteil,
  istUnterAnteil,
  verteileGroessterRest,
} from "../../shared";

describe("liesZahl: numbers as users type them", () => {
  const zahlen: [unknown, number][] = [
    [1234.56, 1234.56],
    ["1.234,56", 1234.56],
    ["1.234,56 €", 1234.56],
    ["1234,56", 1234.56],
    ["1234.56", 1234.56],
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["  7 € ", 7],
    ["25 %", 0.25],
    ["8,4 %", 0.084],
    ["-5", -5],
    ["−5", -5],
    ["1 234,5", 1234.5],
  ];
  for (const [text, wert] of zahlen)
    it(`reads ${JSON.stringify(text)}`, () => expect(liesZahl(text)).toMatchObject({ art: "zahl", wert }));
  it("empty and unreadable", () => {
    expect(liesZahl(null)).toEqual({ art: "leer" });
    expect(liesZahl(" ")).toEqual({ art: "leer" });
    for (const t of ["abc", "1,2,3", "12.34,5", "1e5x", NaN, Infinity])
      expect(liesZahl(t).art, String(t)).toBe("unlesbar");
  });
});

describe("money", () => {
  it("euros to cents exactly, refusing a third decimal", () => {
    // Excel holds 15 significant digits: =0,1+0,2 is 0,30 € there, not a third decimal.
    expect(euroZuCent(0.1 + 0.2)).toBe(30);
    expect(euroZuCent(1234.56)).toBe(123456);
    expect(euroZuCent(1.005)).toBeNull();
    expect(euroZuCent(445785)).toBe(44578500);
  });
  it("formats de-DE", () => {
    expect(formatEuro(44578500)).toBe("445.785,00 €");
    expect(formatEuro(-1)).toBe("-0,01 €");
    expect(formatProzent(0.743)).toBe("74,3 %");
    expect(formatProzent(0.7)).toBe("70 %");
  });
  it("formatProzent keeps what Intl writes, also for a value written before (kept once) and for -0", () => {
    const intl = (x: number) =>
      `${new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 }).format(x * 100)} %`;
    for (const x of [0, -0, 0.7, 0.3, 0.70004, 1 / 3, NaN, -0.5, 2, 0.7, 0, -0, 1 / 3])
      expect(formatProzent(x), String(x)).toBe(intl(x));
    expect(formatProzent(-0)).toBe("-0 %");
  });
  it("formatEuro groups the euros by hand exactly as Intl.NumberFormat does (de and en)", () => {
    const intl = (sprache: "de-DE" | "en-US") => new Intl.NumberFormat(sprache, { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.maxSafeInteger().map((n) => n - (n % 7)),
        ),
        (cent) => {
          const euro = Math.floor(Math.abs(cent) / 100);
          const rest = String(Math.abs(cent) % 100).padStart(2, "0");
          const vz = cent < 0 ? "-" : "";
          expect(formatEuro(cent)).toBe(`${vz}${intl("de-DE").format(euro)},${rest} €`);
          expect(formatEuro(cent, "en")).toBe(`€${vz}${intl("en-US").format(euro)}.${rest}`);
        },
      ),
      { numRuns: 3000 },
    );
    expect(formatEuro(100_000)).toBe("1.000,00 €");
    expect(formatEuro(99_999)).toBe("999,99 €");
  });

  it("exact quota comparisons: 70,00 % passes, 70,01 % does not", () => {
    expect(istUeberAnteil(700000, 1000000, 0.7)).toBe(false);
    expect(istUeberAnteil(700100, 1000000, 0.7)).toBe(true);
    expect(istUeberAnteil(7_000_000_000_001, 10_000_000_000_000, 0.7)).toBe(true);
    // Rounded up, so that 70 % of it reaches the amount: 70 % of 636.835,71 € is 445.784,997 €.
    expect(teileDurchAnteil(44578500, 0.7)).toBe(63683572);
    expect(istUeberAnteil(44578500, 63683572, 0.7)).toBe(false);
    expect(istUeberAnteil(44578500, 63683571, 0.7)).toBe(true);
  });
  it("quota comparisons without BigInt where doubles are exact: the same answer as in BigInt, also at 2⁵³", () => {
    const ppm = (anteil: number) => BigInt(Math.round(anteil * 1_000_000));
    const ueber = (w: number, b: number, a: number) => BigInt(w) * 1_000_000n > ppm(a) * BigInt(b);
    const unter = (w: number, b: number, a: number) => BigInt(w) * 1_000_000n < ppm(a) * BigInt(b);
    // Amounts around the bound where wert × 10⁶ or ppm × basis leaves the exact doubles (2⁵³ / 10⁶).
    const grenze = Math.floor(Number.MAX_SAFE_INTEGER / 1_000_000);
    const cent = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: grenze - 50, max: grenze + 50 }),
      fc.integer({
        min: Math.floor(Number.MAX_SAFE_INTEGER / 700_000) - 5,
        max: Math.floor(Number.MAX_SAFE_INTEGER / 700_000) + 5,
      }),
      fc.maxSafeInteger(),
    );
    const anteil = fc.oneof(
      fc.constantFrom(0.7, 0.3, 0.5, 1, 0, 0.700001, 1 / 3),
      fc.double({ min: 0, max: 2, noNaN: true }),
    );
    fc.assert(
      fc.property(cent, cent, anteil, (w, b, a) => {
        expect(istUeberAnteil(w, b, a)).toBe(ueber(w, b, a));
        expect(istUnterAnteil(w, b, a)).toBe(unter(w, b, a));
        // Products one apart at any size: ⅓ is 333.333 ppm, and 333.333 × (3 + 10⁶·k) is one below a
        // multiple of 10⁶, which wert × 10⁶ then passes by one (or falls short of by 999.999).
        const basis = 3 + 1_000_000 * (Math.abs(w) % 20_000_000);
        for (const wert of [(333_333 * basis + 1) / 1_000_000, (333_333 * basis - 999_999) / 1_000_000])
          if (Number.isSafeInteger(wert) && Number.isSafeInteger(basis)) {
            expect(istUeberAnteil(wert, basis, 1 / 3)).toBe(ueber(wert, basis, 1 / 3));
            expect(istUnterAnteil(wert, basis, 1 / 3)).toBe(unter(wert, basis, 1 / 3));
          }
        // At the boundary: exactly 70 % is neither above nor below.
        if (Number.isSafeInteger(10 * w)) {
          expect(istUeberAnteil(7 * w, 10 * w, 0.7)).toBe(false);
          expect(istUnterAnteil(7 * w, 10 * w, 0.7)).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });
  it("largest remainder adds up and breaks ties by key, not by position", () => {
    expect(verteileGroessterRest([1, 1, 1], 100, ["b", "a", "c"])).toEqual([33, 34, 33]);
    expect(verteileGroessterRest([1, 1, 1], 100, ["a", "b", "c"])).toEqual([34, 33, 33]);
  });
});
