/**
 * The preview's cells as a German Excel shows them (Microsoft, „Number format codes“ and „Available
 * number formats in Excel“, support.microsoft.com: "." and "," in a code stand for the locale's
 * decimal and thousands separators; "%" multiplies by 100; a quoted text is shown as it is; General
 * shows numbers as typed, up to the column's width; a typed ISO date becomes a date).
 */
import { describe, expect, it } from "vitest";
import { ZAHLENFORMATE } from "../../shared/arbeitsmappe";
import { excelAnzeige } from "../../addin/src/vorschau-format";

describe("excelAnzeige: a value through its number format, in German", () => {
  it("the template's formats", () => {
    expect(excelAnzeige(0.6999533364442371, ZAHLENFORMATE.prozent)).toBe("70,0%");
    expect(excelAnzeige(0.123456, "0.0000%")).toBe("12,3456%");
    expect(excelAnzeige(60000, ZAHLENFORMATE.euro)).toBe("60.000,00 €");
    expect(excelAnzeige(-8078.5, ZAHLENFORMATE.euro)).toBe("-8.078,50 €");
    expect(excelAnzeige(1234567, ZAHLENFORMATE.ganzzahl)).toBe("1.234.567");
    expect(excelAnzeige(2019, ZAHLENFORMATE.jahr)).toBe("2019");
    expect(excelAnzeige(43419, ZAHLENFORMATE.datum)).toBe("15.11.2018"); // Excel's serial of that day
    expect(excelAnzeige("16051", ZAHLENFORMATE.text)).toBe("16051");
  });

  it("General, typed dates and truth values", () => {
    expect(excelAnzeige(0.6999533364442371, undefined)).toBe("0,6999533364");
    expect(excelAnzeige(445785, undefined)).toBe("445785");
    expect(excelAnzeige("2018-11-15", undefined)).toBe("15.11.2018");
    expect(excelAnzeige("2018-11-15", "@")).toBe("2018-11-15"); // a text cell keeps what was typed
    expect(excelAnzeige(true, undefined)).toBe("WAHR");
    expect(excelAnzeige(null, ZAHLENFORMATE.euro)).toBe("");
  });
});
