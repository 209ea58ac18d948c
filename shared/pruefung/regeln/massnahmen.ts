/**
 * The Maßnahmen checks M01–M12 and the Kreis header check K01 (docs/regeln.md).
 */
import { befund, type Befund } from "../../befund";
import { formatDatum, formatEuro, formatProzent } from "../../format";
import { betragsproblemText } from "../../geld";
import { normiere } from "../woerter";
import { kurz } from "../../zahl";
import { zellText, type GeleseneFinanzzeile, type GeleseneMassnahme, type KeineDatenzeile } from "../lesen";
import type { Regel } from "../kontext";
import { ARTEN, BESTANDSSCHUTZ_KATEGORIEN, HANDLUNGSFELDER, type Handlungsfeld } from "../woerter";

const ort = (m: GeleseneMassnahme, spalte: string | null) => ({
  tabelle: "massnahmen" as const,
  zeile: m.zeile,
  spalte,
});
const name = (m: GeleseneMassnahme) => (m.nr ? `Maßnahme ${m.nr}` : `Zeile ${m.zeile}`);
const nameEn = (m: GeleseneMassnahme) => (m.nr ? `measure ${m.nr}` : `row ${m.zeile}`);

const ARTEN_TEXT = ARTEN.join(", ");
const TRAEGERARTEN_TEXT =
  "gemeinnütziger Träger, Verband der Wohlfahrtspflege, kirchlicher Träger, kreisangehörige Stadt/Gemeinde oder Landkreis/kreisfreie Stadt (der Kreis selbst)";
const HF_TEXT = "1–6, z. B. „4“, „HF 4“ oder „Beratung, Unterstützung und Information“";

/** Required fields, each with what may stand there. */
const PFLICHT = [
  ["nr", "Nr", "number", "z. B. „4.1“"],
  ["titel", "Titel", "title", "der Name der Maßnahme"],
  ["handlungsfeld", "Handlungsfeld", "field of action", HF_TEXT],
  ["art", "Art", "kind", ARTEN_TEXT],
  ["traeger", "Träger", "provider", "wer die Maßnahme durchführt, z. B. „Diakonie Ilm-Kreis“"],
  ["traegerart", "Trägerart", "provider type", TRAEGERARTEN_TEXT],
  ["beginn", "Beginn", "start", "z. B. „01.02.2019“, „ab zweitem Quartal 2019“ oder „fortlaufend“"],
] as const;

export const M01: Regel = {
  code: "M01",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) =>
      PFLICHT.filter(([feld]) =>
        feld === "beginn" ? m.beginn.art === "leer" : zellText(m.roh[feld]) === null,
      ).map(([feld, de, en, erlaubt]) =>
        befund(
          "M01",
          "fehler",
          {
            de: `${name(m)}: Pflichtfeld ${de} ist leer (${erlaubt}).`,
            en: `${nameEn(m)}: required field ${en} is empty.`,
          },
          ort(m, feld),
        ),
      ),
    ),
};

export const M02: Regel = {
  code: "M02",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) => {
      const roh = zellText(m.roh.handlungsfeld);
      if (roh === null || m.handlungsfeld !== null) return [];
      return [
        befund(
          "M02",
          "fehler",
          {
            de: `${name(m)}: Handlungsfeld „${kurz(roh)}“ ist keins der Handlungsfelder ${HF_TEXT}; stehen Nummer und Name darin, müssen sie zusammenpassen (${Object.entries(
              HANDLUNGSFELDER,
            )
              .map(([nr, n]) => `${nr} ${n}`)
              .join("; ")}).`,
            en: `${nameEn(m)}: field of action "${kurz(roh)}" is not one of fields 1–6.`,
          },
          ort(m, "handlungsfeld"),
        ),
      ];
    }),
};

export const M03: Regel = {
  code: "M03",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) => {
      const roh = zellText(m.roh.art);
      if (roh === null || m.art !== null) return [];
      return [
        befund(
          "M03",
          "fehler",
          {
            de: `${name(m)}: Art „${kurz(roh)}“ ist keine der Arten ${ARTEN_TEXT}.`,
            en: `${nameEn(m)}: kind "${kurz(roh)}" is not Bestandssicherung, Ausbau, neu or "Bestandssicherung + Ausbau".`,
          },
          ort(m, "art"),
        ),
      ];
    }),
};

export const M04: Regel = {
  code: "M04",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) => {
      if (m.art !== "Bestandssicherung" && m.art !== "Bestandssicherung + Ausbau") return [];
      const befunde: Befund[] = [];
      if (m.kategorie === null) {
        const roh = zellText(m.roh.bestandsschutz_kategorie);
        befunde.push(
          befund(
            "M04",
            "fehler",
            {
              de: `${name(m)}: Bestandssicherung, aber ${roh ? `„${kurz(roh)}“ ist` : "die Maßnahme ist"} keine Bestandsschutz-Kategorie (${BESTANDSSCHUTZ_KATEGORIEN.join(", ")}).`,
              en: `${nameEn(m)}: preservation, but ${roh ? `"${kurz(roh)}" is` : "the measure is"} not a protected category.`,
            },
            ort(m, "bestandsschutz_kategorie"),
          ),
        );
      }
      if (m.zuwendung2017 !== true) {
        const roh = zellText(m.roh.landeszuwendung_2017);
        befunde.push(
          befund(
            "M04",
            "fehler",
            {
              de: `${name(m)}: Bestandssicherung setzt Landesmittel im Jahr 2017 voraus; angegeben ist ${m.zuwendung2017 === false ? "„nein“" : roh ? `„${kurz(roh)}“` : "nichts"}.`,
              en: `${nameEn(m)}: preservation requires state funds in 2017; the row says ${m.zuwendung2017 === false ? '"no"' : roh ? `"${kurz(roh)}"` : "nothing"}.`,
            },
            ort(m, "landeszuwendung_2017"),
          ),
        );
      }
      return befunde;
    }),
};

export const M05: Regel = {
  code: "M05",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) => {
      const roh = zellText(m.roh.traegerart);
      if (roh === null || m.traegerart !== null) return [];
      return [
        befund(
          "M05",
          "fehler",
          {
            de: `${name(m)}: Trägerart „${kurz(roh)}“ ist kein zulässiger Letztempfänger; erlaubt: ${TRAEGERARTEN_TEXT}.`,
            en: `${nameEn(m)}: provider type "${kurz(roh)}" is not an allowed final recipient.`,
          },
          ort(m, "traegerart"),
        ),
      ];
    }),
};

export const M06: Regel = {
  code: "M06",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) =>
      (["beginn", "ende"] as const)
        .filter((f) => m[f].art === "unlesbar")
        .map((f) =>
          befund(
            "M06",
            "fehler",
            {
              de: `${name(m)}: ${f === "beginn" ? "Beginn" : "Ende"} „${kurz(zellText(m.roh[f]) ?? "")}“ ist nicht lesbar (z. B. „01.02.2019“, „ab Februar 2019“, „ab zweitem Quartal 2019“, „fortlaufend“).`,
              en: `${nameEn(m)}: ${f === "beginn" ? "start" : "end"} "${kurz(zellText(m.roh[f]) ?? "")}" cannot be read.`,
            },
            ort(m, f),
          ),
        ),
    ),
};

export const M07: Regel = {
  code: "M07",
  pruefe: (k) => {
    const { von, bis } = k.regelwerk.foerderperiode;
    const start = `${von}-01-01`;
    const ende = bis === null ? null : `${bis}-12-31`;
    const periode = bis === null ? `ab 01.01.${von}` : `01.01.${von}–31.12.${bis}`;
    return k.massnahmen.flatMap((m) => {
      const befunde: Befund[] = [];
      const b = m.beginn.art === "zeitraum" ? m.beginn.von : null;
      const e = m.ende.art === "zeitraum" ? m.ende.bis : null;
      const meldung = (f: "beginn" | "ende", datum: string) =>
        befund(
          "M07",
          "fehler",
          {
            de: `${name(m)}: ${f === "beginn" ? "Beginn" : "Ende"} ${formatDatum(datum)} liegt außerhalb der Förderperiode ${periode} (${k.regelwerk.id}).`,
            en: `${nameEn(m)}: ${f === "beginn" ? "start" : "end"} ${datum} is outside the funding period (${k.regelwerk.id}).`,
          },
          ort(m, f),
        );
      // Bestandsschutz means the institution existed before: a Bestandssicherung that began before the
      // period („seit 1995“) is not outside it.
      const bestand = m.art === "Bestandssicherung" || m.art === "Bestandssicherung + Ausbau";
      if (b !== null && ((b < start && !bestand) || (ende !== null && b > ende)))
        befunde.push(meldung("beginn", b));
      if (e !== null && (e < start || (ende !== null && e > ende))) befunde.push(meldung("ende", e));
      const bVon = m.beginn.art === "zeitraum" ? m.beginn.von : null;
      if (bVon !== null && e !== null && e < bVon) {
        befunde.push(
          befund(
            "M07",
            "fehler",
            {
              de: `${name(m)}: Ende ${formatDatum(e)} liegt vor dem Beginn ${formatDatum(bVon)}.`,
              en: `${nameEn(m)}: end ${e} is before the start ${bVon}.`,
            },
            ort(m, "ende"),
          ),
        );
      }
      return befunde;
    });
  },
};

export const M08: Regel = {
  code: "M08",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) => {
      if (m.nr === null) return [];
      const erste = k.massnahmeNachNr.get(m.nr)!;
      if (erste === m) return [];
      return [
        befund(
          "M08",
          "fehler",
          {
            de: `Maßnahme-Nr ${m.nr} steht doppelt (Zeilen ${erste.zeile} und ${m.zeile}).`,
            en: `Measure number ${m.nr} appears twice (rows ${erste.zeile} and ${m.zeile}).`,
          },
          ort(m, "nr"),
        ),
      ];
    }),
};

/** Titles compared ignoring case, dashes and spaces; by hashing, so it stays linear. */
export function titelSchluessel(titel: string): string {
  return titel
    .toLowerCase()
    .replace(/[\s\u00a0\-‐–—_]/g, "")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss");
}

export const M09: Regel = {
  code: "M09",
  pruefe: (k) => {
    const erste = new Map<string, GeleseneMassnahme>();
    const befunde: Befund[] = [];
    for (const m of k.massnahmen) {
      if (m.titel === null) continue;
      const s = titelSchluessel(m.titel);
      const vorher = erste.get(s);
      if (!vorher) {
        erste.set(s, m);
        continue;
      }
      const hf = (x: GeleseneMassnahme) => (x.handlungsfeld ? `HF ${x.handlungsfeld}` : "ohne HF");
      befunde.push(
        befund(
          "M09",
          "warnung",
          {
            de: `${name(m)} „${kurz(m.titel, 60)}“ (${hf(m)}) hat denselben Titel wie ${name(vorher)} (${hf(vorher)}): mögliche Doppelförderung.`,
            en: `${nameEn(m)} "${kurz(m.titel, 60)}" has the same title as ${nameEn(vorher)}: possible double funding.`,
          },
          ort(m, "titel"),
        ),
      );
    }
    return befunde;
  },
};

export const M10: Regel = {
  code: "M10",
  pruefe: (k) => {
    const belegt = new Set(k.massnahmen.map((m) => m.handlungsfeld));
    const schwere = k.kreis.foerderstufe === 3 ? "fehler" : "hinweis";
    // A measure whose Handlungsfeld could not be read (M02) and that names this field's number
    // probably belongs there: M10 would only repeat M02.
    const unlesbar = k.massnahmen.filter(
      (m) => m.handlungsfeld === null && zellText(m.roh.handlungsfeld) !== null,
    );
    const vielleicht = (hf: Handlungsfeld) =>
      unlesbar.some((m) => zellText(m.roh.handlungsfeld)!.includes(String(hf)));
    const platzhalter = (hf: Handlungsfeld) =>
      k.keineDatenzeilen.massnahmen.find(
        (m) => m.keineDatenzeile === "platzhalter" && m.handlungsfeld === hf,
      );
    const leer = ([1, 2, 3, 4, 5, 6] as Handlungsfeld[]).filter(
      (hf) => !belegt.has(hf) && !k.begruendungen.get(hf),
    );
    // As many unreadable fields as empty ones: those rows are most likely the missing measures.
    if (unlesbar.length >= leer.length) return [];
    return leer
      .filter((hf) => !vielleicht(hf))
      .map((hf) =>
        befund(
          "M10",
          schwere,
          {
            de: `Handlungsfeld ${hf} (${HANDLUNGSFELDER[hf]}) hat keine Maßnahme${platzhalter(hf) ? ` (Zeile ${platzhalter(hf)!.zeile} sagt „${kurz(zellText(platzhalter(hf)!.roh.titel) ?? "keine Maßnahme")}“)` : ""} und keine Begründung${schwere === "fehler" ? "; in Förderstufe 3 muss jedes Handlungsfeld geprüft sein" : ""}. So beheben: eine Maßnahme eintragen oder in „Begründungen“ sagen, warum das Feld ohne Maßnahme bleibt.`,
            en: `Field of action ${hf} has no measure and no stated reason${schwere === "fehler" ? "; in funding level 3 every field must be examined" : ""}.`,
          },
          { tabelle: "massnahmen", spalte: "handlungsfeld" },
        ),
      );
  },
};

const UNTERNEHMEN =
  /(^|[\s,(])(GmbH(\s*&\s*Co\.?\s*KG)?|mbH|UG(\s*\(haftungsbeschränkt\))?|AG|KG|OHG|GbR|e\.\s?K\.)(?=$|[\s,.)])/;
// gGmbH, gUG, gAG: case-sensitive, so that a plain "GmbH" is not read as "g" + "mbH".
const GEMEINNUETZIGE_FORM = /(^|[\s,(])g(GmbH|UG|AG)(?=$|[\s,.)])/;
const GEMEINNUETZIG_WORT = /gemeinnützig/i;

export const M11: Regel = {
  code: "M11",
  pruefe: (k) =>
    k.massnahmen.flatMap((m) => {
      if (
        m.traeger === null ||
        !UNTERNEHMEN.test(m.traeger) ||
        GEMEINNUETZIGE_FORM.test(m.traeger) ||
        GEMEINNUETZIG_WORT.test(m.traeger) ||
        m.gemeinnuetzig === true
      )
        return [];
      return [
        befund(
          "M11",
          "warnung",
          {
            de: `${name(m)}: Träger „${kurz(m.traeger, 60)}“ ist ein Unternehmen und nicht als gemeinnützig gekennzeichnet: Gemeinnützigkeit bestätigen.`,
            en: `${nameEn(m)}: provider "${kurz(m.traeger, 60)}" is a company not marked as non-profit: confirm its status.`,
          },
          ort(m, "traeger"),
        ),
      ];
    }),
};

export const M12: Regel = {
  code: "M12",
  pruefe: (k) =>
    [...k.jahre.values()]
      .filter((j) => k.entscheide.get(j.jahr)?.M12 === "verletzt")
      .sort((a, b) => a.jahr - b.jahr)
      .map((j) =>
        befund(
          "M12",
          "hinweis",
          {
            de: `${j.jahr}: der Kreis selbst erhält ${formatEuro(j.landesmittelKreisSelbst)} von ${formatEuro(j.landesmittel)} Landesmitteln (${formatProzent(j.landesmittelKreisSelbst / j.landesmittel, "de", 1)}): Trägerpluralität und Vorrang freier Träger begründen.`,
            en: `${j.jahr}: the Kreis itself receives ${formatEuro(j.landesmittelKreisSelbst, "en")} of ${formatEuro(j.landesmittel, "en")} state funds: explain provider plurality and the priority of free providers.`,
          },
          { tabelle: "massnahmen", spalte: "traegerart" },
        ),
      ),
};

export const K01: Regel = {
  code: "K01",
  pruefe: (k) => {
    const befunde: Befund[] = [];
    const kr = k.kreis;
    if (kr.foerderstufe === null) {
      befunde.push(
        befund(
          "K01",
          "fehler",
          kr.foerderstufeText === null
            ? { de: "Die Förderstufe fehlt (1, 2 oder 3).", en: "The funding level is missing (1, 2 or 3)." }
            : {
                de: `Förderstufe „${kurz(kr.foerderstufeText)}“ ist nicht 1, 2 oder 3 (auch „Stufe 3“ oder „III“).`,
                en: `Funding level "${kurz(kr.foerderstufeText)}" is not 1, 2 or 3.`,
              },
          { tabelle: "parameter", spalte: "foerderstufe" },
        ),
      );
    }
    if (kr.foerderhoechstbetrag === null) {
      befunde.push(
        befund(
          "K01",
          "fehler",
          kr.foerderhoechstbetragText === null
            ? {
                de: "Der Förderhöchstbetrag fehlt; F02 und F13 können nicht geprüft werden.",
                en: "The maximum grant is missing; F02 and F13 cannot be checked.",
              }
            : {
                de: `Förderhöchstbetrag: ${betragsproblemText(kr.foerderhoechstbetragProblem ?? "text", kr.foerderhoechstbetragText).de}; F02 und F13 können nicht geprüft werden.`,
                en: `Maximum grant: ${betragsproblemText(kr.foerderhoechstbetragProblem ?? "text", kr.foerderhoechstbetragText).en}.`,
              },
          { tabelle: "parameter", spalte: "foerderhoechstbetrag_eur" },
        ),
      );
    }
    if (kr.fachplanText !== null && kr.fachplan === null) {
      befunde.push(
        befund(
          "K01",
          "fehler",
          {
            de: `Fachplan-Datum „${kurz(kr.fachplanText)}“ ist kein Datum (z. B. „15.06.2018“, „Juni 2018“ oder „2018“).`,
            en: `Plan date "${kurz(kr.fachplanText)}" is not a date.`,
          },
          { tabelle: "parameter", spalte: "fachplan_datum" },
        ),
      );
    }
    return befunde;
  },
};

/** Kreisschlüssel or name of the Kreis, compared with the rule set's Zuwendungsempfänger. */
export const K02: Regel = {
  code: "K02",
  pruefe: (k) => {
    const { schluessel, name } = k.kreis;
    const liste = k.regelwerk.zuwendungsempfaenger;
    const kern = (t: string) => normiere(t).replace(/[^a-z0-9]/g, "");
    const gefunden =
      schluessel !== null
        ? liste.some((kr) => kr.schluessel === schluessel)
        : name === null || liste.some((kr) => kern(kr.name) === kern(name));
    if (gefunden) return [];
    const jahre = k.foerderjahre.join(", ");
    return [
      befund(
        "K02",
        "fehler",
        {
          de: `${name ?? "Der Kreis"}${schluessel ? ` (${schluessel})` : ""} ist im Förderjahr ${jahre} kein Zuwendungsempfänger nach ${k.regelwerk.id} (${liste.length} Landkreise und kreisfreie Städte${schluessel === "16056" ? "; Eisenach gehört seit 01.07.2021 zum Wartburgkreis, 16063" : ""}): Kreisschlüssel prüfen.`,
          en: `${name ?? "The Kreis"}${schluessel ? ` (${schluessel})` : ""} is no grant recipient in ${jahre} under ${k.regelwerk.id}.`,
        },
        { tabelle: "parameter", spalte: schluessel !== null ? "schluessel" : "name" },
      ),
    ];
  },
};

/**
 * The Förderhöchstbetrag the check uses (Parameter sheet) against what the allocation in the same
 * workbook computes for the Kreis: a difference is named with both amounts; the check keeps using the
 * Parameter sheet's, which the user may replace by the ministry's (the pane offers it).
 */
export const K03: Regel = {
  code: "K03",
  pruefe: (k) => {
    const { foerderhoechstbetrag: hier, foerderhoechstbetragVerteilung: dort, name } = k.kreis;
    if (hier === null || dort === null || hier === dort) return [];
    const mehr = hier > dort;
    return [
      befund(
        "K03",
        "warnung",
        {
          de: `Förderhöchstbetrag im Parameterblatt ${formatEuro(hier)}, die Verteilung in dieser Arbeitsmappe ergibt für ${name ?? "den Kreis"} ${formatEuro(dort)} (${formatEuro(Math.abs(hier - dort))} ${mehr ? "weniger" : "mehr"}). Geprüft wurde mit ${formatEuro(hier)}. Gilt der Betrag des Ministeriums, ihn übernehmen (im Aufgabenbereich „Betrag übernehmen“) und erneut prüfen.`,
          en: `Maximum grant in the Parameter sheet ${formatEuro(hier, "en")}, the allocation in this workbook gives ${formatEuro(dort, "en")}. The check used ${formatEuro(hier, "en")}.`,
        },
        { tabelle: "parameter", spalte: "foerderhoechstbetrag_eur" },
      ),
    ];
  },
};

/** Bestandsschutz is secured for at least two years (Erfurt's process description). */
export const M13: Regel = {
  code: "M13",
  pruefe: (k) => {
    const mindestEnde = `${k.regelwerk.foerderperiode.von + 1}-12-31`;
    return k.massnahmen.flatMap((m) => {
      if (m.art !== "Bestandssicherung" && m.art !== "Bestandssicherung + Ausbau") return [];
      if (m.ende.art !== "zeitraum" || m.ende.bis >= mindestEnde) return [];
      return [
        befund(
          "M13",
          "warnung",
          {
            de: `${name(m)}: Bestandssicherung endet am ${formatDatum(m.ende.bis)}; der Bestandsschutz ist für mindestens zwei Jahre zu sichern (bis ${formatDatum(mindestEnde)}). Ende prüfen.`,
            en: `${nameEn(m)}: preservation ends on ${m.ende.bis}; it must be secured for at least two years (until ${mindestEnde}).`,
          },
          ort(m, "ende"),
        ),
      ];
    });
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
          "hinweis",
          {
            de: `Für Handlungsfeld ${hf} (${HANDLUNGSFELDER[hf]}) ist eine Begründung angegeben, warum es ohne Maßnahme bleibt, doch es hat Maßnahmen: Begründung streichen oder die Zuordnung prüfen.`,
            en: `A reason is given for field of action ${hf} staying empty, but it has measures.`,
          },
          { tabelle: "massnahmen", spalte: "handlungsfeld" },
        ),
      );
  },
};

const ZEILENART: Record<KeineDatenzeile, string> = {
  leer: "leer",
  platzhalter: "Platzhalter ohne Maßnahme",
  summe: "Summenzeile",
};

/** Rows people leave in tables: said once per table and kind, never counted. */
export const Z01: Regel = {
  code: "Z01",
  pruefe: (k) => {
    const je = (
      tabelle: "massnahmen" | "finanzplan",
      zeilen: readonly (GeleseneMassnahme | GeleseneFinanzzeile)[],
    ) =>
      (["summe", "platzhalter", "leer"] as const).flatMap((art) => {
        const treffer = zeilen.filter((z) => z.keineDatenzeile === art);
        if (treffer.length === 0) return [];
        const nr = treffer.map((z) => z.zeile);
        const tab = tabelle === "massnahmen" ? "Maßnahmen" : "Finanzplan";
        return [
          befund(
            "Z01",
            "hinweis",
            {
              de: `${tab} ${nr.length === 1 ? "Zeile" : "Zeilen"} ${nr.join(", ")}: ${ZEILENART[art]} – nicht als ${tabelle === "massnahmen" ? "Maßnahme" : "Finanzplanzeile"} gezählt${art === "summe" ? " (die Summen bildet die Prüfung selbst)" : ""}.`,
              en: `${tabelle} row(s) ${nr.join(", ")}: ${art} – not counted.`,
            },
            { tabelle, zeile: nr[0]!, spalte: null },
          ),
        ];
      });
    return [
      ...je("massnahmen", k.keineDatenzeilen.massnahmen),
      ...je("finanzplan", k.keineDatenzeilen.finanzplan),
    ];
  },
};
