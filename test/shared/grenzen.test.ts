/** The request limits of shared/grenzen.ts that are computed, not only stated (issue 29). */
import { describe, expect, it } from "vitest";
import { MAX_TEXTZEICHEN, textzeichen } from "../../shared/grenzen";

describe("textzeichen: the characters of text in a request body", () => {
  it("counts every string value at any depth, not the field names, numbers or booleans", () => {
    expect(textzeichen({ titel: "Beratung", zahlen: [1, 2, true, null], kreis: { name: "Ilm-Kreis" } })).toBe(
      17,
    );
    expect(textzeichen("ä€😀")).toBe(4); // UTF-16 code units, as String.length and zod's max() count
    expect(textzeichen([])).toBe(0);
  });

  it("walks a body nested 100.000 deep without running out of stack", () => {
    let tief: unknown = "x";
    for (let i = 0; i < 100_000; i++) tief = [tief];
    expect(textzeichen(tief)).toBe(1);
  });

  it("stops once past the limit it is given", () => {
    const zellen = Array.from({ length: 1000 }, () => "x".repeat(10));
    expect(textzeichen(zellen, 25)).toBeGreaterThan(25);
    expect(textzeichen(zellen, 25)).toBeLessThan(10_000);
    expect(textzeichen(zellen)).toBe(10_000);
    expect(MAX_TEXTZEICHEN).toBe(2_000_000);
  });
});
