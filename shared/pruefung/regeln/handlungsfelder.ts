/**
 * The Handlungsfelder as a whole: every field has a measure or a stated reason (M10), and a reason
 * stands only for a field without measures (M14). The reason is typed on the Parameter sheet, in the
 * table „Handlungsfeld ohne Maßnahme“ / „Begründung“; both findings point there.
 */
import { BEGRUENDUNGEN, LISTEN } from "../../arbeitsmappe/layout";
import { befund } from "../../befund";
import { soBeheben } from "../../regeln/katalog";
import { kurz } from "../../zahl";
import type { Pruefkontext, Regel } from "../kontext";
import { zellText, type GeleseneMassnahme } from "../lesen";
import { HANDLUNGSFELDER, type Handlungsfeld } from "../woerter";
import { name } from "./massnahmen";

/** A column's header in the Begründungen table (on the Parameter sheet). */
const kopfVon = (schluessel: "handlungsfeld" | "begruendung") =>
  BEGRUENDUNGEN.spalten.find((s) => s.schluessel === schluessel)!.kopf;

/**
 * Where the reason for a Handlungsfeld without measures is typed: the Parameter sheet's table
 * „Handlungsfeld ohne Maßnahme“ / „Begründung“ — the row that names the field, else its first row
 * without a field, else the row below it (Excel extends the table there).
 */
function begruendungsOrt(k: Pruefkontext, hf: Handlungsfeld) {
  const z = k.begruendungsZeilen;
  const eigene = z.indexOf(hf);
  const frei = z.indexOf(null);
  return {
    tabelle: "parameter" as const,
    zeile: (eigene >= 0 ? eigene : frei >= 0 ? frei : z.length) + 1,
    spalte: eigene >= 0 ? "begruendungen.begruendung" : "begruendungen.handlungsfeld",
  };
}

/**
 * An unreadable Handlungsfeld cell (M02) that might be meant for an empty field: named in the finding
 * instead of silencing it — nothing says which field „HF 7“ was meant for.
 */
function vielleichtGemeint(unlesbar: readonly GeleseneMassnahme[], hf: Handlungsfeld): string {
  if (unlesbar.length === 0) return "";
  // Rows naming this field's number first; then the others, at most three in all.
  const sortiert = [...unlesbar].sort(
    (a, b) =>
      Number(!zellText(a.roh.handlungsfeld)!.includes(String(hf))) -
      Number(!zellText(b.roh.handlungsfeld)!.includes(String(hf))),
  );
  const genannt = sortiert.slice(0, 3).map((m) => `${name(m)} mit „${kurz(zellText(m.roh.handlungsfeld)!)}“`);
  const weitere = unlesbar.length > 3 ? ` (oder eine von ${unlesbar.length - 3} weiteren)` : "";
  return `, es sei denn, ${genannt.join(" oder ")}${weitere} ist für Handlungsfeld ${hf} gemeint`;
}

/** „ (Zeile 7 sagt „keine Maßnahme“)“: a placeholder row left for the field, where there is one. */
function platzhalterZeile(k: Pruefkontext, hf: Handlungsfeld): string {
  const p = k.keineDatenzeilen.massnahmen.find(
    (m) => m.keineDatenzeile === "platzhalter" && m.handlungsfeld === hf,
  );
  return p ? ` (Zeile ${p.blattZeile} sagt „${kurz(zellText(p.roh.titel) ?? "keine Maßnahme")}“)` : "";
}

export const M10: Regel = {
  code: "M10",
  pruefe: (k) => {
    const belegt = new Set(k.massnahmen.map((m) => m.handlungsfeld));
    const schwere = k.kreis.foerderstufe === 3 ? "fehler" : "hinweis";
    const unlesbar = k.massnahmen.filter(
      (m) => m.handlungsfeld === null && zellText(m.roh.handlungsfeld) !== null,
    );
    // Never quiet: an empty field is always named (000 §1.1: Stufe 3 funds the plan „entsprechend der
    // sechs vorgegebenen Handlungsfelder“; 003: „dass alle Handlungsfelder geprüft … sind“).
    return ([1, 2, 3, 4, 5, 6] as Handlungsfeld[])
      .filter((hf) => !belegt.has(hf) && !k.begruendungen.get(hf))
      .map((hf) =>
        befund(
          "M10",
          `Handlungsfeld ${hf} (${HANDLUNGSFELDER[hf]}) hat keine Maßnahme${platzhalterZeile(k, hf)} und keine Begründung${vielleichtGemeint(unlesbar, hf)}${schwere === "fehler" ? "; in Förderstufe 3 muss jedes Handlungsfeld geprüft sein" : ""}. ${soBeheben(
            "M10",
            {
              blatt: BEGRUENDUNGEN.blatt,
              feld: kopfVon("handlungsfeld"),
              hf: `„${LISTEN.handlungsfelder[hf - 1]}“`,
              begruendung: kopfVon("begruendung"),
            },
          )}`,
          begruendungsOrt(k, hf),
          schwere,
        ),
      );
  },
};

/** A reason for an empty Handlungsfeld that has measures after all. */
export const M14: Regel = {
  code: "M14",
  pruefe: (k) => {
    const belegt = new Set(k.massnahmen.map((m) => m.handlungsfeld));
    return [...k.begruendungen.keys()]
      .filter((hf) => belegt.has(hf))
      .sort()
      .map((hf) =>
        befund(
          "M14",
          `Für Handlungsfeld ${hf} (${HANDLUNGSFELDER[hf]}) ist eine Begründung angegeben, warum es ohne Maßnahme bleibt, doch es hat Maßnahmen: Begründung streichen oder die Zuordnung prüfen.`,
          begruendungsOrt(k, hf),
        ),
      );
  },
};
