/**
 * Dates as users type them: ISO (2019-02-01), German (01.02.2019, 1.2.19) and Excel serial numbers.
 * Dates are ISO strings (YYYY-MM-DD) inside the core; no time zones are involved.
 */

export interface Datum {
  jahr: number;
  monat: number;
  tag: number;
}

export function datumIso(d: Datum): string {
  return `${String(d.jahr).padStart(4, "0")}-${String(d.monat).padStart(2, "0")}-${String(d.tag).padStart(2, "0")}`;
}

function istGueltigesDatum(jahr: number, monat: number, tag: number): boolean {
  if (!Number.isInteger(jahr) || !Number.isInteger(monat) || !Number.isInteger(tag)) return false;
  if (jahr < 1900 || jahr > 2200 || monat < 1 || monat > 12 || tag < 1) return false;
  return tag <= tageImMonat(jahr, monat);
}

export function tageImMonat(jahr: number, monat: number): number {
  return new Date(Date.UTC(jahr, monat, 0)).getUTCDate();
}

/** Excel's serial date (1900 system, with its phantom 29.02.1900) to a date. */
function excelSerialZuDatum(serial: number): Datum | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null;
  const tage = Math.floor(serial) - (serial >= 61 ? 1 : 0);
  const d = new Date(Date.UTC(1899, 11, 31) + tage * 86400000);
  return { jahr: d.getUTCFullYear(), monat: d.getUTCMonth() + 1, tag: d.getUTCDate() };
}

/**
 * A whole number 1900–2200 is a year someone typed („2019“, „Stichtag 2017“), never Excel's serial
 * for a day in 1905/1906: no date of this programme lies there.
 */
export function istJahreszahl(zahl: number): boolean {
  return Number.isInteger(zahl) && zahl >= 1900 && zahl <= 2200;
}

/** Reads an exact calendar date; null when the value is not one (a year alone is not a date). */
export function liesDatum(wert: unknown): Datum | null {
  if (typeof wert === "number") return istJahreszahl(wert) ? null : excelSerialZuDatum(wert);
  if (typeof wert !== "string") return null;
  const text = wert.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return gueltigesDatum(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const jahr = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return gueltigesDatum(jahr, Number(m[2]), Number(m[1]));
  }
  // An Excel date number that arrived as text: five digits (1927–2173), never „01.2019“ or a year.
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialZuDatum(Number(text));
  return null;
}

function gueltigesDatum(jahr: number, monat: number, tag: number): Datum | null {
  return istGueltigesDatum(jahr, monat, tag) ? { jahr, monat, tag } : null;
}
