/**
 * Z03: Excel's error values in input cells. A Finanzplan amount computed by SVERWEIS that finds
 * nothing shows #NV; a share divided by an empty cell #DIV/0!; a row whose source was deleted #BEZUG!.
 * Office.js returns them in `Range.values` as text and says "Error" in `Range.valueTypes` (Microsoft,
 * Excel JavaScript API: `Excel.RangeValueType.error`; `ErrorCellValue.basicValue`), exceljs as
 * `{ error: "#N/A" }` — the en-US code of the xlsx file. Both readers hand on the text; the core names
 * the cell as an Excel error with its meaning, not as „keine Zahl“, and never counts it as 0.
 */
import { describe, expect, it } from "vitest";
import { excelFehler } from "../../../shared/excel-fehler";
import { codes, mitMassnahme, mitZeile } from "../../hilfen/plan";

describe("Z03: Excel error values in input cells", () => {
  it("an amount showing #N/A is Z03 with the German name and its meaning, not F07, and the year stays open (F14)", () => {
    const e = mitZeile(3, { landesmittel: "#N/A" });
    const z03 = e.befunde.filter((b) => b.regel === "Z03");
    expect(z03).toHaveLength(1);
    expect(z03[0]).toMatchObject({
      schwere: "fehler",
      tabelle: "finanzplan",
      zeile: 4,
      spalte: "landesmittel",
    });
    expect(z03[0]!.meldung).toContain("Excel-Fehler #NV (englisch #N/A)");
    expect(z03[0]!.meldung).toContain("SVERWEIS");
    expect(codes(e)).not.toContain("F07");
    expect(codes(e)).toContain("F14"); // not decided as if the cell were 0
    expect(e.anzahl.fehler).toBeGreaterThan(0);
  });

  it("the German names a pasted value shows (#BEZUG!, #DIV/0!) are recognised too", () => {
    const e = mitZeile(0, { personalausgaben: "#BEZUG!", eigenmittel_kreis: "#DIV/0!" });
    const z03 = e.befunde.filter((b) => b.regel === "Z03").map((b) => b.spalte);
    expect(z03).toEqual(["personalausgaben", "eigenmittel_kreis"]);
    expect(codes(e)).not.toContain("F07");
  });

  it("a Beginn showing #VALUE! is Z03, not „nicht lesbar“ (M06)", () => {
    const e = mitMassnahme(1, { beginn: "#VALUE!" });
    expect(e.befunde.filter((b) => b.regel === "Z03")).toMatchObject([
      { tabelle: "massnahmen", zeile: 2, spalte: "beginn" },
    ]);
    expect(codes(e)).not.toContain("M06");
  });

  it("an error value in another display language is recognised by its form; text and numbers are not", () => {
    expect(excelFehler("#VALEUR!")).not.toBeNull();
    expect(excelFehler("#N/D")).not.toBeNull();
    expect(excelFehler("#1")).toBeNull();
    expect(excelFehler("# 4.3")).toBeNull();
    expect(excelFehler("#Kita")).toBeNull();
    expect(excelFehler(404)).toBeNull();
  });
});
