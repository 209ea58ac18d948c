import { merke } from "../merken";
import { istLeerraum, ohneRand, ohneSchlussklammer, trenne } from "./rand";
/**
 * What users type into the text columns of the Maßnahmen list, understood: Handlungsfeld, Art,
 * Trägerart, Bestandsschutz category, ja/nein. Each reader returns the canonical value or null.
 */

/**
 * Lower case, umlauts folded, punctuation and runs of space collapsed. Memoised: the readers and rules
 * ask for the same few texts of a column row after row (issue 29: the hot path).
 */
export const normiere = merke(normiereNeu);
function normiereNeu(text: string): string {
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

const ANFUEHRUNGSZEICHEN = `"'„“”‚‘’»«`;
/** „4 – Beratung“, „HF 1: Steuerung“: the name after the number, one separator and the space cut off. */
function nameNachNummer(rest: string): string {
  const t = rest.trimStart();
  return (t !== "" && "-:.)–".includes(t[0]!) ? t.slice(1) : t).trim();
}

const handlungsfeldAusText = merke((wert: string): Handlungsfeld | null => {
  const t = ohneRand(normiere(wert), ANFUEHRUNGSZEICHEN);
  const m = /^(?:hf|handlungsfeld|feld)?\s*(?:nr\.?\s*)?([1-6])(?:\.0)?(?![\d.,]\d)(.*)$/.exec(t);
  if (m) {
    const nr = Number(m[1]) as Handlungsfeld;
    const name = nameNachNummer(m[2]!);
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
  // „… andere bestehende Angebote erfahren einen Ausbau oder werden neu initiiert“ (000 §5).
  if (
    /^(neu|neue massnahme|neuer massnahme|neueinrichtung|neu initiiert|neuinitiierung|neu eingerichtet)$/.test(
      t,
    )
  )
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
  const t = trenne(ohneSchlussklammer(normiere(wert)), "/").join("/"); // „eingetragener Verein (e. V.)“
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

/**
 * A negation or a word that takes eligibility away: „nicht gemeinnützig“, „kein e. V.“, „ohne
 * Gemeinnützigkeit“, „gewerblich“. The Richtlinie lets money go to gemeinnützige Träger (000 §1.1):
 * such words never make a Träger eligible, whatever else the cell says. Returns the words found.
 */
export function traegerVerneinung(wert: unknown): string | null {
  return typeof wert === "string" ? verneinungAusText(wert) : null;
}
const VERNEINUNG =
  /\b(?:(?:nicht|kein|keine|keiner|ohne|nicht mehr)\s+(?:als\s+)?(?:gemeinnuetzig\w*|e\.\s?v\.?|ev\b|eingetragene[rn]?\s+verein|(?:steuer)?beguenstigt\w*|mildtaetig\w*|freie[rn]?\s+traeger|anerkannt\w*)|nicht-?gemeinnuetzig\w*|(?:privat-?)?gewerblich\w*(?:\s+traeger)?|gewinnorientiert\w*|kommerziell\w*(?:\s+traeger)?)/;
const verneinungAusText = merke((wert: string): string | null => {
  // „nicht gewerblich“, „nicht kommerziell“: a negated negation says the opposite.
  const t = normiere(wert).replace(
    /\b(nicht|kein|keine)[- ](?=(privat-?)?gewerblich|gewinnorientiert|kommerziell)/g,
    "_",
  );
  const m = VERNEINUNG.exec(t);
  if (!m) return null;
  // The words as the user wrote them: the shortest run of the cell's words that holds the match.
  const woerter = wert.trim().split(/\s+/);
  for (let n = 1; n <= woerter.length; n++)
    for (let i = 0; i + n <= woerter.length; i++) {
      const stueck = woerter.slice(i, i + n).join(" ");
      if (normiere(stueck).includes(m[0])) return ohneRand(stueck, '(„"', ')“",;');
    }
  return m[0];
});

/** The Zuwendungsempfänger whose plan is checked, where its Kreisschlüssel names one. */
export interface PlanKreis {
  art: "Landkreis" | "kreisfreie Stadt";
  name: string;
}

/** What a Trägerart means in this Kreis's plan, where it is not what the words alone say. */
export type Traegerdeutung =
  | { traegerart: Traegerart | null; frage: null }
  | { traegerart: Traegerart | null; frage: { zulaessig: false | null; grund: string } };

const kern = merke((t: string) => normiere(t).replace(/[^a-z0-9]/g, ""));

/**
 * A kreisfreie Stadt has no kreisangehörigen Gemeinden, and a Landkreis in its plan is another
 * Zuwendungsempfänger. „Stadt“ or „Stadtverwaltung“ in a kreisfreie Stadt is the city itself unless
 * the Träger names another town („Stadt Arnstadt“); a bare „Gemeinde“ there does not say whether the
 * city is meant (it is a Gemeinde too) or one elsewhere: then a Hinweis asks.
 */
export function traegerImKreis(
  roh: string | null,
  traegerart: Traegerart | null,
  traeger: string | null,
  kreis: PlanKreis | null,
  kreisfreieStaedte: readonly string[] = [],
): Traegerdeutung {
  if (roh === null || kreis === null || traegerart === null) return { traegerart, frage: null };
  if (kreis.art === "kreisfreie Stadt") {
    const t = trenne(normiere(roh), "/").join("/");
    const n = kern(kreis.name);
    const nenntStadt = (x: string | null) => x !== null && n.length > 0 && kern(x).includes(n);
    const stadt = kreis.name;
    if (traegerart === "kreis" && /^(landkreis|landratsamt|lra)\b/.test(t))
      return {
        traegerart: null,
        frage: {
          zulaessig: false,
          grund: `ein Landkreis ist im Plan der kreisfreien Stadt ${stadt} nicht die Stadt selbst, sondern ein anderer Zuwendungsempfänger – kein Letztempfänger nach der Richtlinie; führt die Stadt die Maßnahme selbst durch, „kreisfreie Stadt“ eintragen`,
        },
      };
    if (traegerart !== "gemeinde") return { traegerart, frage: null };
    // „Stadt Arnstadt“ as Träger in Erfurt's plan: another town, whatever the Trägerart says.
    const anderswo = (x: string | null) =>
      x !== null &&
      !nenntStadt(x) &&
      /^(stadt|stadtverwaltung|gemeinde|gemeindeverwaltung) \S/.test(normiere(x));
    if (anderswo(roh) || anderswo(traeger))
      return {
        traegerart: null,
        frage: {
          zulaessig: false,
          grund: `„${traeger !== null && anderswo(traeger) ? traeger : roh}“ ist nicht die kreisfreie Stadt ${stadt} selbst; eine Stadt oder Gemeinde außerhalb ist kein Letztempfänger ihrer Mittel (nur kreisangehörige Städte und Gemeinden des Zuwendungsempfängers)`,
        },
      };
    if (/^(stadt|stadtverwaltung|stadt\/gemeinde)$/.test(t) || nenntStadt(roh) || nenntStadt(traeger))
      return { traegerart: "kreis", frage: null };
    if (/^(gemeinde|kommune|gemeindeverwaltung)$/.test(t))
      return {
        traegerart: "gemeinde",
        frage: {
          zulaessig: null,
          grund: `${stadt} ist eine kreisfreie Stadt: ist die Stadt selbst Träger, „kreisfreie Stadt“ eintragen; eine Gemeinde außerhalb der Stadt ist kein Letztempfänger ihrer Mittel`,
        },
      };
    return {
      traegerart: null,
      frage: {
        zulaessig: false,
        grund: `${stadt} ist eine kreisfreie Stadt und hat keine kreisangehörigen Städte und Gemeinden; eine Stadt oder Gemeinde eines Landkreises ist kein Letztempfänger ihrer Mittel – ist die Stadt selbst Träger, „kreisfreie Stadt“ eintragen`,
      },
    };
  }
  // „Stadt Erfurt“ in a Landkreis's plan: a kreisfreie Stadt is no kreisangehörige Stadt of it.
  if (traegerart !== "gemeinde") return { traegerart, frage: null };
  const fremdeStadt = [roh, traeger]
    .map((x) => (x === null ? null : /^(?:stadt|stadtverwaltung|landeshauptstadt) (.+)$/.exec(normiere(x))))
    .map((m) => (m ? kreisfreieStaedte.find((st) => kern(st) === kern(m[1]!)) : undefined))
    .find((st) => st !== undefined);
  if (fremdeStadt !== undefined)
    return {
      traegerart: null,
      frage: {
        zulaessig: false,
        grund: `${fremdeStadt} ist eine kreisfreie Stadt, keine kreisangehörige Stadt des Landkreises ${kreis.name}, und selbst Zuwendungsempfänger`,
      },
    };
  return { traegerart, frage: null };
}

/** ja/nein, x, wahr/falsch, true/false, 1/0. Null when empty or unreadable. */
export function liesJaNein(wert: unknown): boolean | null {
  if (typeof wert === "boolean") return wert;
  if (typeof wert === "number") return wert === 1 ? true : wert === 0 ? false : null;
  return typeof wert === "string" ? jaNeinAusText(wert) : null;
}
const JA = new Set(["ja", "j", "x", "wahr", "true", "yes", "1", "✓", "✔"]);
const NEIN = new Set(["nein", "n", "falsch", "false", "no", "0", "-"]);
const jaNeinAusText = merke((wert: string): boolean | null => {
  const t = ohneRand(normiere(wert), "", ".!");
  if (JA.has(t)) return true;
  if (NEIN.has(t)) return false;
  if (/^ja\b/.test(t)) return true; // „ja, 12.000 €“, „ja (Frauenzentrum)“
  if (/^nein\b/.test(t)) return false;
  return null;
});

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
  return text !== null && !beginntMitZiffer(text) && summenText(text);
}

/**
 * „4.1“, „2019“: a text that begins with a digit is neither a total nor a placeholder (both patterns
 * begin with a word or a dash, and `normiere` keeps the first digit first) — asked for every row's Nr.
 */
function beginntMitZiffer(text: string): boolean {
  const z = text.charCodeAt(0);
  return z >= 48 && z <= 57;
}
const summenText = merke((text: string) =>
  /^(summe|gesamt|gesamtsumme|insgesamt|zwischensumme|summen|σ|total)\b/.test(normiere(text)),
);

/** „*aktuell keine Maßnahme*“, „keine Maßnahme“, „entfällt“: a row that says there is no measure. */
export function istPlatzhalterText(text: string | null): boolean {
  return text !== null && !beginntMitZiffer(text) && platzhalterText(text);
}
const platzhalterText = merke((text: string): boolean => {
  const t = ohneRand(
    normiere(text),
    (z) => z === "*" || z === "_" || istLeerraum(z),
    (z) => z === "*" || z === "_" || z === "." || istLeerraum(z),
  );
  return /^((aktuell|derzeit|zurzeit|z\.? ?z\.?|noch|bisher)\s+)?keine\s+massnahme(n)?(\s+geplant|\s+vorgesehen)?$|^(entfaellt|platzhalter|n\/a|-|—|–)$/.test(
    t,
  );
});
