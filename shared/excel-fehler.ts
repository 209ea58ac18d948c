/**
 * Excel's error values (#N/A, #DIV/0!, #REF! …): a cell that shows one holds no value, but the error
 * of its formula. Both readers hand them on as the text Excel gives: Office.js's `Range.values`
 * returns the error as a string and `Range.valueTypes` says "Error" for it (Microsoft, Excel
 * JavaScript API, the enum `RangeValueType`, member `error`; `ErrorCellValue.basicValue`: „the value that would be
 * returned by Range.values“, en-US in `valuesAsJson`, the display language in `valuesAsJsonLocal`);
 * exceljs gives `{ error: "#N/A" }`, the en-US code the xlsx file stores (`<c t="e">`). A German user
 * sees the German name (#NV, #BEZUG!), so both are known here; the message names the one Excel shows.
 */

export interface ExcelFehlerwert {
  /** As the xlsx file and Office.js's en-US values write it. */
  en: string;
  /** As German Excel shows it. */
  de: string;
  /** What it means, in the words of Excel's own help, shortened. */
  bedeutung: string;
}

/** The error values of Excel (Microsoft support, „How to correct a … error“, one page each). */
export const EXCEL_FEHLERWERTE: readonly ExcelFehlerwert[] = [
  { en: "#N/A", de: "#NV", bedeutung: "Wert nicht verfügbar, z. B. findet SVERWEIS den Suchbegriff nicht" },
  { en: "#DIV/0!", de: "#DIV/0!", bedeutung: "Division durch null oder durch eine leere Zelle" },
  { en: "#REF!", de: "#BEZUG!", bedeutung: "die Formel bezieht sich auf gelöschte Zellen" },
  { en: "#VALUE!", de: "#WERT!", bedeutung: "die Formel rechnet mit Text, wo eine Zahl stehen muss" },
  {
    en: "#NAME?",
    de: "#NAME?",
    bedeutung: "die Formel nennt eine unbekannte Funktion oder einen unbekannten Namen",
  },
  { en: "#NUM!", de: "#ZAHL!", bedeutung: "das Ergebnis der Formel ist keine gültige Zahl" },
  { en: "#NULL!", de: "#NULL!", bedeutung: "zwei Bereiche der Formel überschneiden sich nicht" },
  {
    en: "#SPILL!",
    de: "#ÜBERLAUF!",
    bedeutung: "das Ergebnis der Formel hat keinen Platz in den Zellen daneben",
  },
  {
    en: "#CALC!",
    de: "#CALC!",
    bedeutung: "die Formel kann ihr Ergebnis nicht berechnen, z. B. ein leeres FILTER-Ergebnis",
  },
  { en: "#GETTING_DATA", de: "#DATEN_ABRUFEN", bedeutung: "Excel berechnet die Zelle noch" },
  { en: "#FIELD!", de: "#FELD!", bedeutung: "das Feld eines Datentyps fehlt" },
  { en: "#BLOCKED!", de: "#BLOCKIERT!", bedeutung: "Excel hat den Zugriff der Formel gesperrt" },
  { en: "#CONNECT!", de: "#VERBINDEN!", bedeutung: "die Formel erreicht ihre Datenquelle nicht" },
  { en: "#BUSY!", de: "#BUSY!", bedeutung: "Excel berechnet die Zelle noch" },
  {
    en: "#UNKNOWN!",
    de: "#UNBEKANNT!",
    bedeutung: "die Zelle hat einen Datentyp, den diese Excel-Version nicht kennt",
  },
];

const NACH_TEXT = new Map<string, ExcelFehlerwert>();
for (const f of EXCEL_FEHLERWERTE) {
  NACH_TEXT.set(f.en, f);
  NACH_TEXT.set(f.de, f);
}

/**
 * The shape of an error value in another display language („#VALEUR!“, „#N/D“, „#Н/Д“): a hash, a
 * word in capitals, and ! or ? at its end — or the two letters of #N/A. A number („#1“) or words are none.
 */
const FORM = /^#(\p{Lu}[\p{Lu}\p{N}/_.]{0,20}[!?]|\p{Lu}\/\p{Lu})$/u;

/** The error value a cell holds, or null for every other value. */
export function excelFehler(wert: unknown): ExcelFehlerwert | null {
  if (typeof wert !== "string") return null;
  const t = wert.trim();
  if (t.charCodeAt(0) !== 35) return null; // every error value begins with „#“ (the hot path: most cells are text)
  const bekannt = NACH_TEXT.get(t.toUpperCase());
  if (bekannt) return bekannt;
  return FORM.test(t) ? { en: t, de: t, bedeutung: "ein Fehler der Formel" } : null;
}

/**
 * The text a reader hands on for a cell that Excel says holds an error value (`valueTypes` "Error"):
 * Excel's own text where it is recognised here, otherwise the same word in the form of an error value
 * („#busy“ → „#BUSY!“), so that the core never takes an error for text or a number.
 */
export function alsFehlerwert(text: unknown): string {
  const t = String(text ?? "").trim();
  if (excelFehler(t)) return t;
  const kern = t
    .replace(/^#/, "")
    .replace(/[^\p{L}\p{N}/_.]/gu, "")
    .toUpperCase()
    .slice(0, 20);
  return /^\p{Lu}/u.test(kern) ? `#${kern}!` : "#FEHLER!";
}
