/**
 * Z03: an input cell that shows one of Excel's error values (#NV, #DIV/0!, #BEZUG! …) holds no value
 * to check. It is named here once, cell by cell, with what it means and what to do — F07 and M06 leave
 * such a cell to this rule, and the year rules count it as unreadable (F14), never as 0.
 */
import { FINANZPLAN, FINANZPLAN_FELDNAME, MASSNAHMEN } from "../../arbeitsmappe/layout";
import { befund, type Befund } from "../../befund";
import { excelFehler } from "../../excel-fehler";
import { MASSNAHME_FELDER, FINANZPLAN_FELDER } from "../schema";
import type { Regel } from "../kontext";

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
  wert: unknown,
): Befund | null {
  const f = excelFehler(wert);
  if (!f) return null;
  const spalte = (tabelle === "massnahmen" ? MASSNAHME_FELDNAME : FINANZ_FELDNAME)[feld] ?? feld;
  const name = f.de === f.en ? f.de : `${f.de} (englisch ${f.en})`;
  return befund(
    "Z03",
    `Excel-Fehler ${name} in „${spalte}“ (${wo}): die Zelle zeigt keinen Wert, sondern den Fehler ihrer Formel – ${f.bedeutung}. Sie wurde nicht als Zahl oder Text geprüft.`,
    { tabelle, zeile, spalte: feld },
  );
}

export const Z03: Regel = {
  code: "Z03",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    for (const m of [...k.massnahmen, ...k.keineDatenzeilen.massnahmen]) {
      const wo = m.nr ? `Maßnahme ${m.nr}, Zeile ${m.zeile}` : `Zeile ${m.zeile}`;
      for (const feld of MASSNAHME_FELDER) {
        const b = fehlerwert("massnahmen", m.zeile, wo, feld, m.roh[feld]);
        if (b) befunde.push(b);
      }
    }
    for (const z of [...k.finanzplan, ...k.keineDatenzeilen.finanzplan]) {
      const wo = `${z.nr ? `Maßnahme ${z.nr}` : "ohne Maßnahme-Nr"}, ${z.jahr ?? z.jahrText ?? "ohne Jahr"}, Zeile ${z.zeile}`;
      for (const feld of FINANZPLAN_FELDER) {
        const b = fehlerwert("finanzplan", z.zeile, wo, feld, z.roh[feld]);
        if (b) befunde.push(b);
      }
    }
    return befunde.sort((a, b) => a.tabelle.localeCompare(b.tabelle) || (a.zeile ?? 0) - (b.zeile ?? 0));
  },
};
