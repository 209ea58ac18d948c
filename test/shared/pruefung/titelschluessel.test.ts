/**
 * M09 compares titles by a key (shared/pruefung/regeln/massnahmen.ts): the one-pass reader must give
 * exactly what the rule's definition says — lower case, white space and dashes removed, umlauts and ß
 * written out — which is written here as the five replaces it was before, for any text people type.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { titelSchluessel } from "../../../shared/pruefung/regeln/massnahmen";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../../hilfen/saat";

const definition = (titel: string) =>
  titel
    .toLowerCase()
    .replace(/[\s\u00a0\-‐–—_]/g, "")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss");

/** Characters titles are made of, and every character that is white space or a dash to JavaScript. */
const zeichen = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(..."aAzZ09 .,-_()/&äöüÄÖÜßẞéÉ\u00a0‐–—‑−") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ..."\t\n\v\f\r\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u0085\u200b",
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 1 }) },
);

describe("M09's title key", () => {
  it(
    "is the definition's five replaces for any text",
    () => {
      fc.assert(
        fc.property(
          fc.array(zeichen, { maxLength: 40 }).map((z) => z.join("")),
          (titel) => {
            expect(titelSchluessel(titel)).toBe(definition(titel));
          },
        ),
        { numRuns: 3000, seed: SAAT },
      );
    },
    EIGENSCHAFT_ZEIT_MS,
  );

  it("for the titles of real plans", () => {
    for (const titel of [
      "Frauen- und Familienzentrum",
      "FRAUEN – UND FAMILIENZENTRUM ",
      "Straßen\u00a0–\u00a0Sozialarbeit Süd",
      "Mehrgenerationenhaus „Am Markt“",
      "",
      "ẞ",
    ])
      expect(titelSchluessel(titel), titel).toBe(definition(titel));
  });
});
