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

/** `4`, `HF 4`, `HF4`, `Handlungsfeld 4`, `4 – Beratung, …`, or the full name. */
export function liesHandlungsfeld(wert: unknown): Handlungsfeld | null {
  if (typeof wert === "number")
    return Number.isInteger(wert) && wert >= 1 && wert <= 6 ? (wert as Handlungsfeld) : null;
  return typeof wert === "string" ? handlungsfeldAusText(wert) : null;
}

const handlungsfeldAusText = merke((wert: string): Handlungsfeld | null => {
  const t = normiere(wert);
  const m = /^(?:hf|handlungsfeld)?\s*([1-6])(?:\.0)?(?:\s*[-:.)]\s*(.*))?$/.exec(t);
  if (m) {
    const nr = Number(m[1]) as Handlungsfeld;
    const name = m[2]?.trim();
    if (!name) return nr;
    return HF_NAMEN.get(nameKern(name)) === nr ? nr : null; // number and name must agree
  }
  return HF_NAMEN.get(nameKern(t)) ?? null;
});

export const ARTEN = ["Bestandssicherung", "Ausbau", "neu", "Bestandssicherung + Ausbau"] as const;
export type Art = (typeof ARTEN)[number];

export function liesArt(wert: unknown): Art | null {
  return typeof wert === "string" ? artAusText(wert) : null;
}

const artAusText = merke((wert: string): Art | null => {
  const t = normiere(wert)
    .replace(/[^a-z+&/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (t === "bestandssicherung") return "Bestandssicherung";
  if (t === "ausbau") return "Ausbau";
  if (t === "neu" || t === "neue massnahme") return "neu";
  if (/^bestandssicherung ?(\+|&|\/|und|sowie) ?ausbau$/.test(t)) return "Bestandssicherung + Ausbau";
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

const kategorieAusText = merke((wert: string): BestandsschutzKategorie | null => {
  const t = normiere(wert).replace(/[^a-z]/g, "");
  if (t.includes("erziehungsberatung") || t.includes("erziehungsundfamilienberatung"))
    return "Erziehungsberatungsstelle";
  if (t.includes("familienzentr")) return "Frauen- und Familienzentrum";
  if (t.includes("seniorenbeauftragt")) return "Seniorenbeauftragte(r)";
  if (t.includes("seniorenbeir")) return "Seniorenbeirat";
  if (t.includes("elternkindzentr") || t.includes("thekiz")) return "Thüringer Eltern-Kind-Zentrum";
  return null;
});

export type Traegerart =
  "gemeinnuetziger_traeger" | "wohlfahrtsverband" | "kirchlicher_traeger" | "gemeinde" | "kreis";

const TRAEGERARTEN: [RegExp, Traegerart][] = [
  [
    /^(gemeinnuetzige[rn]?|gemeinnuetzig) (traeger|verein|gmbh|organisation)$|^gemeinnuetzig$|^gemeinnuetzige traeger$/,
    "gemeinnuetziger_traeger",
  ],
  [
    /^(verband|verbaende) der (freien )?wohlfahrtspflege$|^wohlfahrtsverband$|^wohlfahrtsverbaende$|^freie wohlfahrtspflege$/,
    "wohlfahrtsverband",
  ],
  [/^kirchliche[rn]? traeger$|^kirche$|^kirchengemeinde$/, "kirchlicher_traeger"],
  [
    /^kreisangehoerige (stadt ?\/ ?gemeinde|gemeinde|stadt|staedte und gemeinden|stadt oder gemeinde|stadt\/gemeinde)$|^stadt$|^gemeinde$|^stadt ?\/ ?gemeinde$/,
    "gemeinde",
  ],
  [
    /^landkreis$|^kreisfreie stadt$|^landratsamt$|^zuwendungsempfaenger$|^kreis$|^kreisverwaltung$|^stadtverwaltung \(kreisfreie stadt\)$/,
    "kreis",
  ],
];

export function liesTraegerart(wert: unknown): Traegerart | null {
  return typeof wert === "string" ? traegerartAusText(wert) : null;
}

const traegerartAusText = merke((wert: string): Traegerart | null => {
  const t = normiere(wert).replace(/\s*\/\s*/g, "/");
  for (const [muster, art] of TRAEGERARTEN)
    if (muster.test(t) || muster.test(t.replace(/\//g, " / "))) return art;
  return null;
});

/** ja/nein, x, wahr/falsch, true/false, 1/0. Null when empty or unreadable. */
export function liesJaNein(wert: unknown): boolean | null {
  if (typeof wert === "boolean") return wert;
  if (typeof wert === "number") return wert === 1 ? true : wert === 0 ? false : null;
  if (typeof wert !== "string") return null;
  const t = normiere(wert);
  if (["ja", "j", "x", "wahr", "true", "yes", "1"].includes(t)) return true;
  if (["nein", "n", "falsch", "false", "no", "0", "-"].includes(t)) return false;
  return null;
}
