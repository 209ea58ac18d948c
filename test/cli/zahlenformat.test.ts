/**
 * Number formats that show other digits than the value. The format language is Excel's (Microsoft:
 * "Number format codes": up to four sections positive;negative;zero;text, text in quotes, \ shows the
 * next character, _ and * take the next one, [..] is a colour or condition, 0 # ? are digits).
 */
import { describe, expect, it } from "vitest";
import { taeuschendesFormat } from "../../cli/zahlenformat";

describe("taeuschendesFormat", () => {
  it.each([
    ['"30.000,00 €"', 999_999, "feste Ziffern"],
    ['#,##0" 000"', 30, "feste Ziffern"],
    ["\\1#,##0", 5, "feste Ziffern"],
    [";;;", 12_000, "verbirgt"],
    ['"siehe Anlage"', 12_000, "verbirgt"],
    ['#,##0.00;;"—"', 0, "verbirgt"],
    ['#,##0;"0"', -5, "feste Ziffern"],
  ])("%s on %d: %s", (format, wert, grund) => {
    expect(taeuschendesFormat(format, wert)).toContain(grund);
  });

  it.each([
    ["General", 5],
    ["#,##0.00 €", 30_000],
    ['#,##0.00 "€"', 30_000],
    ["[Red]-#,##0;[Blue]#,##0", -5],
    ["0%", 0.7],
    ['_-* #,##0.00 "€"_-;-* #,##0.00 "€"_-;_-* "-"?? "€"_-;_-@_-', 0],
    ["#,##0.00;;", 5],
    ["@", 5],
    ["dd.mm.yyyy", 43_466],
  ])("%s on %d shows the value", (format, wert) => {
    expect(taeuschendesFormat(format, wert)).toBeNull();
  });
});
