/**
 * Reading numbers the way users type them into Excel: JSON numbers, German text ("1.234,56 €",
 * "6.000,- €", "25 %"), empty cells. Nothing here throws; what cannot be read is said so. The
 * precision of a number is the one it was typed with: the digits after the decimal separator of the
 * text, or for a JSON number its shortest form at Excel's 15 significant digits.
 */

import { merke } from "./merken";

type GeleseneZahl =
  | {
      art: "zahl";
      wert: number;
      prozent: boolean;
      /** What the user typed (trimmed), or the JSON number's shortest form. */
      text: string;
      /** Decimal places as typed ("0,019" → 3, "6.000,-" → 0, 0.084 → 3). */
      stellen: number;
      /** Text with a "." as decimal point ("0.716", "1.50"): not German; ambiguous in a euro cell. */
      punktAlsKomma: boolean;
    }
  | { art: "leer" }
  | { art: "unlesbar"; text: string };

const LEERZEICHEN = /[\s\u00a0\u202f]/g;
/** German thousands: "1.500", "445.785", "1.234.567" — never starting with 0 ("0.716" is a decimal). */
const DEUTSCHE_TAUSENDER = /^[-+]?[1-9]\d{0,2}(\.\d{3})+$/;
/** German whole euros: "6.000,-", "6.000,--", "6.000,–". */
const GANZE_EURO = /,[-–—]{1,2}$/;

/** The decimal places of a JSON number as Excel holds it (15 significant digits, no float noise). */
export function stellenEinerZahl(zahl: number): number {
  if (!Number.isFinite(zahl) || Number.isInteger(zahl)) return 0;
  const text = excelText(zahl);
  const e = /e([-+]\d+)$/i.exec(text);
  if (e) {
    const mantisse = text.slice(0, e.index);
    return Math.max(0, (mantisse.split(".")[1] ?? "").length - Number(e[1]));
  }
  return (text.split(".")[1] ?? "").length;
}

/** A number as Excel holds it: its shortest form at 15 significant digits (no float noise). */
function excelText(zahl: number): string {
  const kurz = String(zahl);
  // Up to 15 significant digits the shortest form is already Excel's; only longer ones carry noise.
  return kurz.replace(/^-|\.|e.*$/g, "").replace(/^0+/, "").length <= 15
    ? kurz
    : String(Number(zahl.toPrecision(15)));
}

/** Reads a number from a cell value. "1.234,56 €" → 1234.56; "1.234" → 1234; "25 %" → 0.25. */
export function liesZahl(wert: unknown): GeleseneZahl {
  if (wert === null || wert === undefined) return { art: "leer" };
  if (typeof wert === "number") {
    return Number.isFinite(wert)
      ? {
          art: "zahl",
          wert,
          prozent: false,
          text: Number.isInteger(wert) ? String(wert) : excelText(wert),
          stellen: stellenEinerZahl(wert),
          punktAlsKomma: false,
        }
      : { art: "unlesbar", text: String(wert) };
  }
  if (typeof wert !== "string") return { art: "unlesbar", text: kurz(String(wert)) };
  return zahlAusText(wert);
}

/** Text cells repeat („10.000,00 €“ in every row): each distinct text is read once. */
const zahlAusText = merke((wert: string): GeleseneZahl => {
  const roh = wert.trim();
  if (roh === "") return { art: "leer" };
  let text = roh.replace(LEERZEICHEN, "").replace(/\u2212/g, "-");
  let prozent = false;
  if (text.endsWith("%")) {
    prozent = true;
    text = text.slice(0, -1);
  } else if (text.endsWith("€")) {
    text = text.slice(0, -1);
  } else if (/EUR$/i.test(text)) {
    text = text.slice(0, -3);
  }
  if (/^(€|EUR)/i.test(text)) text = text.replace(/^(€|EUR)/i, "");
  if (GANZE_EURO.test(text)) text = text.replace(GANZE_EURO, "");
  let stellen = 0;
  let punktAlsKomma = false;
  if (text.includes(",")) {
    // German: "." groups thousands, "," is the decimal separator.
    if (!/^[-+]?([1-9]\d{0,2}(\.\d{3})+|\d+),\d+$/.test(text)) return { art: "unlesbar", text: kurz(roh) };
    stellen = text.length - text.indexOf(",") - 1;
    text = text.replace(/\./g, "").replace(",", ".");
  } else if (DEUTSCHE_TAUSENDER.test(text)) {
    text = text.replace(/\./g, "");
  } else if (text.includes(".")) {
    punktAlsKomma = true;
    stellen = text.length - text.indexOf(".") - 1;
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { art: "unlesbar", text: kurz(roh) };
  const zahl = Number(text);
  if (!Number.isFinite(zahl)) return { art: "unlesbar", text: kurz(roh) };
  return { art: "zahl", wert: prozent ? zahl / 100 : zahl, prozent, text: roh, stellen, punktAlsKomma };
});

/** A short form of what the user typed, for messages. */
export function kurz(text: string, laenge = 40): string {
  return text.length > laenge ? `${text.slice(0, laenge - 1)}…` : text;
}
