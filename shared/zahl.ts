/**
 * Reading numbers the way users type them into Excel: JSON numbers, German text ("1.234,56 €",
 * "25 %"), empty cells. Nothing here throws; what cannot be read is said so.
 */

export type Zahlwert = number | string | null | undefined;

export type GeleseneZahl =
  | { art: "zahl"; wert: number; prozent: boolean; text: string }
  | { art: "leer" }
  | { art: "unlesbar"; text: string };

const LEERZEICHEN = /[\s\u00a0\u202f]/g;
const DEUTSCHE_TAUSENDER = /^[-+]?\d{1,3}(\.\d{3})+$/;

/** Reads a number from a cell value. "1.234,56 €" → 1234.56; "1.234" → 1234; "25 %" → 0.25. */
export function liesZahl(wert: unknown): GeleseneZahl {
  if (wert === null || wert === undefined) return { art: "leer" };
  if (typeof wert === "number") {
    return Number.isFinite(wert)
      ? { art: "zahl", wert, prozent: false, text: String(wert) }
      : { art: "unlesbar", text: String(wert) };
  }
  if (typeof wert !== "string") return { art: "unlesbar", text: kurz(String(wert)) };
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
  if (text.includes(",")) {
    // German: "." groups thousands, "," is the decimal separator.
    if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(text) && !/^[-+]?\d+,\d+$/.test(text)) {
      return { art: "unlesbar", text: kurz(roh) };
    }
    text = text.replace(/\./g, "").replace(",", ".");
  } else if (DEUTSCHE_TAUSENDER.test(text)) {
    text = text.replace(/\./g, "");
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { art: "unlesbar", text: kurz(roh) };
  const zahl = Number(text);
  if (!Number.isFinite(zahl)) return { art: "unlesbar", text: kurz(roh) };
  return { art: "zahl", wert: prozent ? zahl / 100 : zahl, prozent, text: roh };
}

/** The number of decimal places a number was written with (as typed, or as JSON gave it). */
export function nachkommastellen(gelesen: { wert: number; text: string; prozent: boolean }): number {
  const quelle = gelesen.prozent ? gelesen.text : String(gelesen.wert);
  if (/e/i.test(quelle)) {
    const [mantisse = "", exponent = "0"] = quelle.toLowerCase().split("e");
    const stellen = (mantisse.split(".")[1] ?? "").length;
    return Math.max(0, stellen - Number(exponent));
  }
  const ohneEinheit = quelle.replace(/[^\d.,]/g, "");
  const trenner = ohneEinheit.includes(",") ? "," : ".";
  if (trenner === "." && DEUTSCHE_TAUSENDER.test(ohneEinheit)) return 0;
  const teile = ohneEinheit.split(trenner);
  return teile.length > 1 ? (teile[teile.length - 1] ?? "").length : 0;
}

export function istGanzzahl(x: number): boolean {
  return Number.isInteger(x);
}

/** A short form of what the user typed, for messages. */
export function kurz(text: string, laenge = 40): string {
  return text.length > laenge ? `${text.slice(0, laenge - 1)}…` : text;
}
