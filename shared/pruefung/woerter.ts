import { merke } from "../merken";
/**
 * What users type into the text columns of the Maßnahmen list, understood: Handlungsfeld, Art,
 * Trägerart, Bestandsschutz category, ja/nein. Each reader returns the canonical value or null.
 */

/** Lower case, umlauts folded, punctuation and runs of space collapsed. */
export function normiere(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[\u00a0\s]+/g, " ")
    .replace(/[–—‐]/g, "-")
    .trim();
}

export const HANDLUNGSFELDER: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: "Steuerung, Vernetzung, Nachhaltigkeit und Planung",
  2: "Vereinbarkeit von Familie und Beruf sowie Mobilität",
  3: "Bildung im familiären Umfeld",
  4: "Beratung, Unterstützung und Information",
  5: "Wohnumfeld und Lebensqualität",
  6: "Dialog der Generationen",
};
export type Handlungsfeld = keyof typeof HANDLUNGSFELDER;

const nameKern = (text: string) => normiere(text).replace(/[^a-z]/g, "");
const HF_NAMEN = new Map<string, Handlungsfeld>();
for (const [nr, name] of Object.entries(HANDLUNGSFELDER))
  HF_NAMEN.set(nameKern(name), Number(nr) as Handlungsfeld);
HF_NAMEN.set(nameKern("Steuerung, Vernetzung, Nachhaltigkeit"), 1);

/** A typed name that is the start of a field's name („Beratung“, „Vereinbarkeit von Familie und Beruf“). */
function hfNachNamensanfang(kern: string): Handlungsfeld | null {
  if (kern.length < 8) return null;
  const treffer = [...HF_NAMEN].filter(([name]) => name.startsWith(kern));
  const felder = new Set(treffer.map(([, hf]) => hf));
  return felder.size === 1 ? treffer[0]![1] : null;
}

function hfNachName(name: string): Handlungsfeld | null {
  const kern = nameKern(name);
  return HF_NAMEN.get(kern) ?? hfNachNamensanfang(kern);
}

/**
 * `4`, `HF 4`, `HF4`, `Handlungsfeld 4`, `4 – Beratung, …`, `HF 3 Bildung im familiären Umfeld` (no
 * separator, as Tabelle 3 writes it), `HF 1: Steuerung, Vernetzung, Nachhaltigkeit`, the name alone
 * (also in quotes, also its first words).
 */
export function liesHandlungsfeld(wert: unknown): Handlungsfeld | null {
  if (typeof wert === "number")
    return Number.isInteger(wert) && wert >= 1 && wert <= 6 ? (wert as Handlungsfeld) : null;
  return typeof wert === "string" ? handlungsfeldAusText(wert) : null;
}

const handlungsfeldAusText = merke((wert: string): Handlungsfeld | null => {
  const t = normiere(wert).replace(/^["'„“”‚‘’»«]+|["'„“”‚‘’»«]+$/g, "");
  const m =
    /^(?:hf|handlungsfeld|feld)?\s*(?:nr\.?\s*)?([1-6])(?:\.0)?(?![\d.,]\d)(?:\s*[-:.)–]?\s*(.*))?$/.exec(t);
  if (m) {
    const nr = Number(m[1]) as Handlungsfeld;
    const name = m[2]?.trim();
    if (!name) return nr;
    // Number and name must agree; a short name („3 Bildung“) agrees when the field's name begins with it.
    const kern = nameKern(name);
    return hfNachName(name) === nr || (kern.length >= 3 && nameKern(HANDLUNGSFELDER[nr]).startsWith(kern))
      ? nr
      : null;
  }
  return hfNachName(t);
});

export const ARTEN = ["Bestandssicherung", "Ausbau", "neu", "Bestandssicherung + Ausbau"] as const;
export type Art = (typeof ARTEN)[number];

export function liesArt(wert: unknown): Art | null {
  return typeof wert === "string" ? artAusText(wert) : null;
}

/**
 * As Tabelle 3 writes it: „Bestandssicherung fortlaufend“, „Bestandsicherung“ (one s),
 * „Bestandssicherung fortlaufend + Ausbau ab 2019“; time words are not part of the Art.
 */
const artAusText = merke((wert: string): Art | null => {
  const t = normiere(wert)
    .replace(/\b(ab|seit|bis|im|zum)\s+[^+&/]*/g, " ")
    .replace(/\b(fortlaufend|laufend|dauerhaft|unbefristet|geplant|weiterhin|\d{4})\b/g, " ")
    .replace(/[^a-z+&/]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/bestand ?s?sicherung/g, "bestandssicherung");
  if (t === "bestandssicherung" || t === "bestandsschutz") return "Bestandssicherung";
  if (t === "ausbau") return "Ausbau";
  if (t === "neu" || t === "neue massnahme" || t === "neuer massnahme" || t === "neueinrichtung")
    return "neu";
  if (/^bestandssicherung ?(\+|&|\/|und|sowie|mit)? ?ausbau$/.test(t)) return "Bestandssicherung + Ausbau";
  return null;
});

export const BESTANDSSCHUTZ_KATEGORIEN = [
  "Erziehungsberatungsstelle",
  "Frauen- und Familienzentrum",
  "Seniorenbeauftragte(r)",
  "Seniorenbeirat",
  "Thüringer Eltern-Kind-Zentrum",
] as const;
export type BestandsschutzKategorie = (typeof BESTANDSSCHUTZ_KATEGORIEN)[number];

/** Recognises a category in a category cell or in a measure's title. */
export function liesBestandsschutzKategorie(wert: unknown): BestandsschutzKategorie | null {
  return typeof wert === "string" ? kategorieAusText(wert) : null;
}

/**
 * Long and short names in use: „EB-Stelle“, „Erziehungs-, Ehe-, Familien- und Lebensberatungsstelle“,
 * „Frauenzentrum“, „Familienzentrum“, „ThEKiZ“, „Seniorenbeauftragter“.
 */
const kategorieAusText = merke((wert: string): BestandsschutzKategorie | null => {
  const t = normiere(wert).replace(/[^a-z]/g, "");
  if (
    t.includes("erziehungsberatung") ||
    /^(eb|efb|eheundfamilienberatung)stelle/.test(t) ||
    (t.startsWith("erziehungs") && t.includes("beratung"))
  )
    return "Erziehungsberatungsstelle";
  if (t.includes("familienzentr") || t.includes("frauenzentr")) return "Frauen- und Familienzentrum";
  if (t.includes("seniorenbeauftragt")) return "Seniorenbeauftragte(r)";
  if (t.includes("seniorenbeir")) return "Seniorenbeirat";
  if (t.includes("elternkindzentr") || t.includes("thekiz")) return "Thüringer Eltern-Kind-Zentrum";
  return null;
});

export type Traegerart =
  "gemeinnuetziger_traeger" | "wohlfahrtsverband" | "kirchlicher_traeger" | "gemeinde" | "kreis";

/** Trägerart words in use, each to what it means for the Richtlinie's list of Letztempfänger. */
const TRAEGERARTEN: [RegExp, Traegerart][] = [
  [
    /^(gemeinnuetzige[rn]?|gemeinnuetzig) (traeger|verein|gmbh|organisation|stiftung|einrichtung)$|^gemeinnuetzig$|^gemeinnuetzige traeger$|^g ?gmbh$|^gug$|^(eingetragener )?verein$|^e\. ?v\.?$|^(anerkannter )?freie[rn]? traeger( der (freien )?jugendhilfe)?$|^(anerkannter )?traeger der freien jugendhilfe$|^freie traeger$|^verein \(gemeinnuetzig\)$/,
    "gemeinnuetziger_traeger",
  ],
  [
    /^(verband|verbaende|spitzenverband) der (freien )?wohlfahrtspflege$|^(anerkannter )?(freier )?traeger der (freien )?wohlfahrtspflege$|^wohlfahrtsverband$|^wohlfahrtsverbaende$|^freie wohlfahrtspflege$|^(awo|drk|caritas(verband)?|diakonie|der paritaetische|paritaetischer( wohlfahrtsverband)?|arbeiterwohlfahrt|volkssolidaritaet)$/,
    "wohlfahrtsverband",
  ],
  [
    /^kirchliche[rn]? traeger$|^kirche$|^kirch(en)?gemeinde$|^(ev\.?|evang\.?|evangelische|kath\.?|katholische) (kirch(en)?gemeinde|kirche|pfarrei)$|^pfarrei$|^religionsgemeinschaft$/,
    "kirchlicher_traeger",
  ],
  [
    /^kreisangehoerige (stadt ?\/ ?gemeinde|gemeinde|stadt|staedte und gemeinden|stadt oder gemeinde|stadt\/gemeinde|kommune)$|^stadt$|^gemeinde$|^stadt ?\/ ?gemeinde$|^(stadt|gemeinde)verwaltung$|^(landgemeinde|kommune|verwaltungsgemeinschaft|vg|erfuellende gemeinde)$/,
    "gemeinde",
  ],
  [
    /^landkreis$|^kreisfreie stadt$|^landratsamt$|^lra$|^zuwendungsempfaenger$|^kreis$|^kreisverwaltung$|^stadtverwaltung \(kreisfreie stadt\)$|^(jugend|sozial|gesundheits)amt$|^oeffentliche[rn]? traeger( der (oeffentlichen )?jugendhilfe)?$|^oertliche[rn]? traeger der (oeffentlichen )?jugendhilfe$|^der kreis selbst$|^kreis selbst$|^eigene[rn]? traegerschaft$/,
    "kreis",
  ],
];

export function liesTraegerart(wert: unknown): Traegerart | null {
  return typeof wert === "string" ? traegerartAusText(wert) : null;
}

const traegerartAusText = merke((wert: string): Traegerart | null => {
  const t = normiere(wert)
    .replace(/\s*\([^)]*\)\s*$/, "") // „eingetragener Verein (e. V.)“
    .replace(/\s*\/\s*/g, "/");
  for (const [muster, art] of TRAEGERARTEN)
    if (muster.test(t) || muster.test(t.replace(/\//g, " / "))) return art;
  // The kind with the body's name: „Stadt Ilmenau“, „Landratsamt Ilm-Kreis“, „Jugendamt Erfurt“.
  if (
    /^(stadt|gemeinde|stadtverwaltung|gemeindeverwaltung|verwaltungsgemeinschaft|vg|landgemeinde) \S/.test(t)
  )
    return "gemeinde";
  if (/^(landkreis|landratsamt|jugendamt|sozialamt|kreisverwaltung) \S/.test(t)) return "kreis";
  return null;
});

/** ja/nein, x, wahr/falsch, true/false, 1/0. Null when empty or unreadable. */
export function liesJaNein(wert: unknown): boolean | null {
  if (typeof wert === "boolean") return wert;
  if (typeof wert === "number") return wert === 1 ? true : wert === 0 ? false : null;
  if (typeof wert !== "string") return null;
  const t = normiere(wert).replace(/[.!]+$/, "");
  if (["ja", "j", "x", "wahr", "true", "yes", "1", "✓", "✔"].includes(t)) return true;
  if (["nein", "n", "falsch", "false", "no", "0", "-"].includes(t)) return false;
  if (/^ja\b/.test(t)) return true; // „ja, 12.000 €“, „ja (Frauenzentrum)“
  if (/^nein\b/.test(t)) return false;
  return null;
}

/**
 * „Landeszuwendung 2017“: ja/nein — or the 2017 amount typed where ja/nein is asked (12.500 € → ja,
 * 0 € → nein).
 */
export function liesZuwendung2017(wert: unknown, zahl: (w: unknown) => number | null): boolean | null {
  const jaNein = liesJaNein(wert);
  if (jaNein !== null || typeof wert === "boolean") return jaNein;
  const betrag = zahl(wert);
  return betrag === null ? null : betrag > 0;
}

const ROEMISCH: Record<string, 1 | 2 | 3> = { i: 1, ii: 2, iii: 3, "1": 1, "2": 2, "3": 3 };

/** Förderstufe 1–3: `3`, `Stufe 3`, `Förderstufe III`, `III`, `3 (Umsetzung)`. */
export function liesFoerderstufe(wert: unknown): 1 | 2 | 3 | null {
  if (typeof wert === "number") return wert === 1 || wert === 2 || wert === 3 ? wert : null;
  if (typeof wert !== "string") return null;
  const m = /^(?:(?:foerder)?stufe\s*)?(iii|ii|i|[123])(?:\.0)?(?:\s*[(:,–-].*)?$/.exec(normiere(wert));
  return m ? ROEMISCH[m[1]!]! : null;
}

/** „Summe“, „Gesamt“, „Summe 2019“, „Insgesamt:“: a total row someone left at the end of a table. */
export function istSummenText(text: string | null): boolean {
  return text !== null && summenText(text);
}
const summenText = merke((text: string) =>
  /^(summe|gesamt|gesamtsumme|insgesamt|zwischensumme|summen|σ|total)\b/.test(normiere(text)),
);

/** „*aktuell keine Maßnahme*“, „keine Maßnahme“, „entfällt“: a row that says there is no measure. */
export function istPlatzhalterText(text: string | null): boolean {
  return text !== null && platzhalterText(text);
}
const platzhalterText = merke((text: string): boolean => {
  const t = normiere(text).replace(/^[*_\s]+|[*_\s.]+$/g, "");
  return /^((aktuell|derzeit|zurzeit|z\.? ?z\.?|noch|bisher)\s+)?keine\s+massnahme(n)?(\s+geplant|\s+vorgesehen)?$|^(entfaellt|platzhalter|n\/a|-|—|–)$/.test(
    t,
  );
});
