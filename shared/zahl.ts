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
  return kurz.split("e")[0]!.replace(/^-|\./g, "").replace(/^0+/, "").length <= 15
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
  // „25 %“, „25 Prozent“ (000 §1.2: „je zu 25 Prozent gewichtet“), „25 v. H.“: one reading of a percentage.
  const pz = /(%|prozent|v\.?h\.?)$/i.exec(text);
  if (pz) {
    prozent = true;
    text = text.slice(0, -pz[0].length);
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

/** A unit as the columns of a table write it, folded: „km²“, „km2“, „qkm“ → „km²“; „EW“ → „einwohner“. */
function einheitKern(einheit: string): string {
  const e = einheit
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/\.$/, "")
    .trim();
  if (/^(km²|km2|km\^2|qkm|quadratkilometer)$/.test(e)) return "km²";
  if (/^(ew|einw|einwohner(innen)?|einwohnende)$/.test(e)) return "einwohner";
  if (/^(pers|personen|menschen|leistungsberechtigte|empf(ä|ae)nger(innen)?)$/.test(e)) return "personen";
  return e;
}

export type GeleseneMenge = GeleseneZahl | { art: "fremde_einheit"; einheit: string; text: string };

/**
 * The one reader of counts and areas: a number as liesZahl reads it, with a unit after it when it is
 * the column's unit („805,12 km²“ in „Fläche in km²“, Tabelle 2 of 000; „106.675 Einwohner“); another
 * unit („805 ha“ in a km² column) is named, never converted or ignored.
 */
export function liesMenge(wert: unknown, einheiten: readonly string[]): GeleseneMenge {
  if (typeof wert !== "string") return liesZahl(wert);
  const t = wert.trim();
  const erlaubt = einheiten.map(einheitKern);
  const m = /^([-+\u2212]?[\d.,\s\u00a0\u202f]*\d)\s*([A-Za-zÄÖÜäöüß].*)$/.exec(t);
  if (m && !/^(eur|prozent|v\.?\s?h\.?)$/i.test(m[2]!.trim())) {
    const einheit = m[2]!.trim();
    if (!erlaubt.includes(einheitKern(einheit))) return { art: "fremde_einheit", einheit, text: kurz(t) };
    const zahl = liesZahl(m[1]!);
    return zahl.art === "zahl" ? { ...zahl, text: t } : zahl;
  }
  const zahl = liesZahl(t);
  if (zahl.art !== "zahl") return zahl;
  // A percentage or a euro amount where a count or an area is asked is named, not read as one.
  if (zahl.prozent && !erlaubt.includes("%")) return { art: "fremde_einheit", einheit: "%", text: kurz(t) };
  if (/^(€|eur)|(€|eur)$/i.test(t)) return { art: "fremde_einheit", einheit: "€", text: kurz(t) };
  return zahl;
}

/**
 * The one reader of shares and quotas (the indicator weights, a typed Mindestsicherungsquote or
 * Abhängigenquotient): a number, or a percentage as „25 %“, „25 Prozent“ or „25 v. H.“; a euro amount
 * or another unit is named.
 */
export function liesAnteil(wert: unknown): GeleseneMenge {
  return liesMenge(wert, ["%"]);
}
