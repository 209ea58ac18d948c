/**
 * Z03: an input cell that shows one of Excel's error values (#NV, #DIV/0!, #BEZUG! …) holds no value
 * to check. It is named here once, cell by cell, with what it means and what to do — F07 and M06 leave
 * such a cell to this rule, and the year rules count it as unreadable (F14), never as 0.
 */
import { FINANZPLAN, FINANZPLAN_FELDNAME, MASSNAHMEN } from "../../arbeitsmappe/layout";
import { befund, type Befund } from "../../befund";
import { excelFehler, type ExcelFehlerwert } from "../../excel-fehler";
import { MASSNAHME_FELDER, FINANZPLAN_FELDER } from "../schema";
import type { Regel } from "../kontext";
import type { GeleseneFinanzzeile, GeleseneMassnahme } from "../lesen";

const MASSNAHME_FELDNAME: Record<string, string> = Object.fromEntries(
  MASSNAHMEN.spalten.map((s) => [s.schluessel, s.kopf]),
);
const FINANZ_FELDNAME: Record<string, string> = {
  ...Object.fromEntries(FINANZPLAN.spalten.map((s) => [s.schluessel, s.kopf])),
  ...FINANZPLAN_FELDNAME,
};

function fehlerwert(
  tabelle: "massnahmen" | "finanzplan",
  zeile: number,
  wo: string,
  feld: string,
  f: ExcelFehlerwert,
): Befund {
  const spalte = (tabelle === "massnahmen" ? MASSNAHME_FELDNAME : FINANZ_FELDNAME)[feld] ?? feld;
  const name = f.de === f.en ? f.de : `${f.de} (englisch ${f.en})`;
  return befund(
    "Z03",
    `Excel-Fehler ${name} in „${spalte}“ (${wo}): die Zelle zeigt keinen Wert, sondern den Fehler ihrer Formel – ${f.bedeutung}. Sie wurde nicht als Zahl oder Text geprüft.`,
    { tabelle, zeile, spalte: feld },
  );
}

/**
 * Whether a Finanzplan row may show an error value, from the row as read: an error value is a text
 * beginning with „#“, which no amount cell reads as an amount (it is among the row's problems), and
 * which the Nr and the year keep as their text. test/shared/pruefung/fehlerwerte-schnell.test.ts shows
 * that no row with an error value is passed over.
 */
export function kannFehlerwertHaben(z: GeleseneFinanzzeile): boolean {
  return z.probleme.length > 0 || z.nr?.charCodeAt(0) === 35 || z.jahrText?.charCodeAt(0) === 35;
}

/** Only a text with a „#“ can be an error value (excelFehler decides; this passes most cells by). */
const mitRaute = (v: unknown) => typeof v === "string" && v.includes("#");

/** Whether any cell of a row has a „#“: one look over its cells in their own order. */
function irgendwoRaute(roh: Record<string, unknown>): boolean {
  for (const feld in roh) if (mitRaute(roh[feld])) return true;
  return false;
}

function inMassnahme(m: GeleseneMassnahme, befunde: Befund[]): void {
  if (!irgendwoRaute(m.roh)) return;
  for (const feld of MASSNAHME_FELDER) {
    const v = m.roh[feld];
    const f = mitRaute(v) ? excelFehler(v) : null;
    if (!f) continue;
    const wo = m.nr ? `Maßnahme ${m.nr}, Zeile ${m.zeile}` : `Zeile ${m.zeile}`;
    befunde.push(fehlerwert("massnahmen", m.zeile, wo, feld, f));
  }
}

function inFinanzzeile(z: GeleseneFinanzzeile, befunde: Befund[]): void {
  if (!kannFehlerwertHaben(z)) return;
  for (const feld of FINANZPLAN_FELDER) {
    const f = excelFehler(z.roh[feld]);
    if (!f) continue;
    const wo = `${z.nr ? `Maßnahme ${z.nr}` : "ohne Maßnahme-Nr"}, ${z.jahr ?? z.jahrText ?? "ohne Jahr"}, Zeile ${z.zeile}`;
    befunde.push(fehlerwert("finanzplan", z.zeile, wo, feld, f));
  }
}

export const Z03: Regel = {
  code: "Z03",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    // Where a row is named only once it shows an error value (the hot path: most rows show none).
    for (const m of k.massnahmen) inMassnahme(m, befunde);
    for (const m of k.keineDatenzeilen.massnahmen) inMassnahme(m, befunde);
    for (const z of k.finanzplan) inFinanzzeile(z, befunde);
    for (const z of k.keineDatenzeilen.finanzplan) inFinanzzeile(z, befunde);
    return befunde.sort((a, b) => a.tabelle.localeCompare(b.tabelle) || (a.zeile ?? 0) - (b.zeile ?? 0));
  },
};
