/**
 * liesCsv reads CSV as Excel and LibreOffice write it (RFC 4180; Excel's „sep=“ line): quoted fields
 * with separators, doubled quotes and line breaks inside (Alt+Enter in a cell), CRLF, a BOM. And what
 * our writer (csvFeld, with its injection guard) writes, it reads back.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvFeld, liesCsv } from "../../shared/csv";

describe("liesCsv", () => {
  it("a cell with a line break, a separator and quotes, as Excel saves „CSV UTF-8“ (BOM, CRLF, ;)", () => {
    // Excel writes a cell with Alt+Enter quoted, the break inside; quotes doubled (RFC 4180 §2.5–2.7).
    const text =
      '\uFEFFSchlüssel;Name;Einwohner\r\n16051;"Erfurt;\r\nLandeshauptstadt";213.699\r\n16052;"Gera ""Stadt""";94.152\r\n';
    expect(liesCsv(text)).toEqual({
      kopf: ["Schlüssel", "Name", "Einwohner"],
      zeilen: [
        ["16051", "Erfurt;\r\nLandeshauptstadt", "213.699"],
        ["16052", 'Gera "Stadt"', "94.152"],
      ],
    });
  });

  it("a first line „sep=;“ names the separator (Excel writes and reads it) and is no header", () => {
    // Header with more commas than semicolons: without the sep= line it would be read as „,“.
    const text = "sep=;\nName, Ort;Wert\nA, B;1\n";
    expect(liesCsv(text)).toEqual({ kopf: ["Name, Ort", "Wert"], zeilen: [["A, B", "1"]] });
    expect(liesCsv("\uFEFFsep=,\r\na;b,c\r\n")).toEqual({ kopf: ["a;b", "c"], zeilen: [] });
    expect(liesCsv("sep=\t\na\tb\n1\t2")).toEqual({ kopf: ["a", "b"], zeilen: [["1", "2"]] });
  });

  it("the header decides between „,“ and „;“, quoted separators not counted", () => {
    expect(liesCsv('"a;b;c",d\n1,2').kopf).toEqual(["a;b;c", "d"]);
    expect(liesCsv("a;b,c;d\n1;2,3;4").zeilen).toEqual([["1", "2,3", "4"]]);
  });

  it("empty and blank lines are skipped, rows of empty fields kept; LF, CRLF and CR alike", () => {
    expect(liesCsv("a;b\n\n  \n;\r\n1;2\r3;4").zeilen).toEqual([
      ["", ""],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(liesCsv("")).toEqual({ kopf: [""], zeilen: [] });
  });

  it("an unclosed quote takes the rest of the file, a quote inside a plain field is text", () => {
    expect(liesCsv('a;b\n1;"offen\n2;3').zeilen).toEqual([["1", "offen\n2;3"]]);
    expect(liesCsv('a;b\n5" Zoll;x').zeilen).toEqual([['5" Zoll', "x"]]);
  });

  it("what csvFeld writes, liesCsv reads back — guarded formulas with their apostrophe", () => {
    const zelle = fc
      .array(fc.constantFrom("a", "ä", " ", ";", ",", '"', "\n", "\r", "=", "-", "@", "1", "\t"), {
        maxLength: 8,
      })
      .map((z) => z.join(""));
    fc.assert(
      fc.property(
        fc.array(fc.array(zelle, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (tabelle) => {
          const text =
            "\uFEFF" + ["x;y", ...tabelle.map((z) => z.map((f) => csvFeld(f, ";")).join(";"))].join("\r\n");
          const { kopf, zeilen } = liesCsv(text);
          expect(kopf).toEqual(["x", "y"]);
          expect(zeilen).toEqual(
            tabelle.map((z) => z.map((f) => (csvFeld(f, ";").startsWith(`"'`) ? `'${f}` : f))),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("one pass: 200.000 quotes, separators or line breaks in a row are read at once", () => {
    const n = 200_000;
    expect(liesCsv(`a\n"${'""'.repeat(n)}"`).zeilen[0]![0]).toHaveLength(n);
    expect(liesCsv(`a;b\n${";".repeat(n)}`).zeilen[0]).toHaveLength(n + 1);
    expect(liesCsv(`a\n${"\r\n".repeat(n)}x`).zeilen).toEqual([["x"]]);
  });
});
