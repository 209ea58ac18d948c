/**
 * The linear cuts of shared/pruefung/rand.ts (issue 29, point 6) do what the regular expressions they
 * replace did — on every text, checked against those expressions — and stay linear on crafted text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ohneRand, ohneSchlussklammer, trenne } from "../../../shared/pruefung/rand";
import { liesJaNein, liesTraegerart, traegerVerneinung } from "../../../shared/pruefung/woerter";
import { liesZeitraum } from "../../../shared/pruefung/zeitraum";

/** Texts from the characters the cuts care about, so that edges, brackets and separators meet. */
const text = fc
  .array(
    fc.constantFrom(" ", "\u00a0", "\t", "(", ")", "/", ",", "*", "_", ".", "!", "„", "“", '"', "a", "1"),
    {
      maxLength: 24,
    },
  )
  .map((zeichen) => zeichen.join(""));

describe("linear cuts at the edges of cell text", () => {
  it("ohneRand cuts what /^[…]+|[…]+$/g cut", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(ohneRand(t, "*")).toBe(t.replace(/^\*+|\*+$/g, ""));
        expect(ohneRand(t, "", ".!")).toBe(t.replace(/[.!]+$/, ""));
        expect(ohneRand(t, '(„"', ')“",;')).toBe(t.replace(/^[(„"]+|[)“",;]+$/g, ""));
      }),
      { numRuns: 2000 },
    );
  });

  it("ohneSchlussklammer cuts what /\\s*\\([^)]*\\)\\s*$/ cut", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(ohneSchlussklammer(t)).toBe(t.replace(/\s*\([^)]*\)\s*$/, ""));
      }),
      { numRuns: 2000 },
    );
    expect(ohneSchlussklammer("eingetragener verein (e. v.) ")).toBe("eingetragener verein");
    expect(ohneSchlussklammer("seit 2017 (bestandsschutz) (alt)")).toBe("seit 2017 (bestandsschutz)");
    expect(ohneSchlussklammer("(alt))")).toBe("(alt))");
  });

  it("trenne splits as /\\s*,\\s*/ and /\\s*\\/\\s*/ split", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(trenne(t, ",")).toEqual(t.split(/\s*,\s*/));
        expect(trenne(t, "/").join("/")).toBe(t.replace(/\s*\/\s*/g, "/"));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the readers on crafted cells of 200.000 characters still answer", () => {
  // Each of these took seconds to minutes with the old expressions (n² steps); the answers are the
  // ones a short cell of the same kind gets.
  const lang = 200_000;
  it("Trägerart, Verneinung, ja/nein, Zeitraum", () => {
    expect(liesTraegerart(`${" ".repeat(lang)}x`)).toBeNull();
    expect(liesTraegerart(`verein${"(".repeat(lang)}`)).toBeNull();
    expect(liesJaNein(`ja${"!".repeat(lang)}x`)).toBe(true);
    const verneint = `nicht gemeinnützig${",".repeat(lang)}x`;
    expect(traegerVerneinung(verneint)).toBe(verneint);
    expect(liesZeitraum(`2019${" ".repeat(lang)}x`)).toEqual({ art: "unlesbar" });
    expect(liesZeitraum(`${"*".repeat(lang)}2019${"*".repeat(lang)}`).art).toBe("zeitraum");
  });
});
