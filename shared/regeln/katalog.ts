/**
 * The rule catalogue (docs/regeln.md): one definition of every check's code, severity and
 * title. The worker's GET /api/v1/rules, the task pane and the tests read it from here. Codes never
 * change meaning; a new check gets a new code (I11, I12 and K01 are ours: structural problems of a
 * region table, amounts that do not fit the rounding unit, an unreadable Kreis header).
 *
 * A title never writes a limit of the rule set: {landesquote_max}, {eigenanteil_min},
 * {fachplan_max_jahre} and {veraenderung_vorjahr} are filled by `mitGrenzen` from the rule set in
 * force (as ESLint's `meta.messages`), so a rule set with other limits changes every text with them.
 */
import type { Schwere, Tabelle } from "../befund";
import { formatProzent } from "../format";
import type { Grenzen } from "../regelwerke";

interface RegelDefinition {
  /** Default severity. */
  schwere: Schwere;
  /** Other severities the rule can have (e.g. M10: Fehler in Stufe 3, Hinweis otherwise). */
  schweren: readonly Schwere[];
  tabelle: Tabelle;
  titel: string;
  titel_en: string;
}

function regel(schwere: Schwere, tabelle: Tabelle, titel: string, titel_en: string, weitere: Schwere[] = []) {
  return { schwere, schweren: [schwere, ...weitere], tabelle, titel, titel_en } satisfies RegelDefinition;
}

export const REGELN = {
  F01: regel(
    "fehler",
    "finanzplan",
    "Landesmittel über {landesquote_max} der Bemessungsgrundlage (je Förderjahr)",
    "State funds above {landesquote_max} of the assessment base (per year)",
  ),
  F02: regel(
    "fehler",
    "finanzplan",
    "Landesmittel über dem Förderhöchstbetrag (je Förderjahr)",
    "State funds above the maximum grant (per year)",
  ),
  F03: regel(
    "fehler",
    "finanzplan",
    "Eigenanteil unter {eigenanteil_min} der Bemessungsgrundlage (je Förderjahr)",
    "Own share below {eigenanteil_min} of the assessment base (per year)",
  ),
  F04: regel(
    "fehler",
    "finanzplan",
    "Zeile nicht ausgeglichen: Gesamtausgaben ≠ Drittmittel + Landesmittel + Eigenmittel + Anteil Gemeinden",
    "Row does not balance: total expenses ≠ third-party + state + own + municipal funds",
  ),
  F05: regel(
    "warnung",
    "finanzplan",
    "Landesquote einer Maßnahme über {landesquote_max}",
    "State quota of one measure above {landesquote_max}",
    ["fehler"],
  ),
  F06: regel("fehler", "finanzplan", "Landesmittel für Investitionen", "State funds for investments"),
  F07: regel(
    "fehler",
    "finanzplan",
    "Betrag keine Zahl, negativ oder mit mehr als zwei Nachkommastellen",
    "Amount not a number, negative or with more than two decimals",
  ),
  F08: regel(
    "fehler",
    "finanzplan",
    "Drittmittel über den Gesamtausgaben",
    "Third-party funds above total expenses",
  ),
  F09: regel(
    "fehler",
    "finanzplan",
    "Förderjahr außerhalb der Förderperiode",
    "Funding year outside the funding period",
  ),
  F10: regel(
    "fehler",
    "finanzplan",
    "Maßnahme-Nr nicht in der Maßnahmenliste",
    "Measure number not in the list of measures",
  ),
  F11: regel(
    "warnung",
    "massnahmen",
    "Maßnahme ohne Finanzplanzeile",
    "Measure without a financial plan row",
  ),
  F12: regel(
    "fehler",
    "finanzplan",
    "Landesmittel passen nicht zur Förderstufe",
    "State funds do not fit the funding level",
  ),
  F13: regel(
    "hinweis",
    "finanzplan",
    "Förderhöchstbetrag nicht ausgeschöpft",
    "Maximum grant not fully used",
  ),
  F14: regel(
    "warnung",
    "finanzplan",
    "Jahresregel nicht abschließend prüfbar: unlesbare Beträge",
    "Year-level rule cannot be decided: unreadable amounts",
  ),
  F15: regel(
    "fehler",
    "finanzplan",
    "Finanzplanjahr außerhalb von Beginn und Ende der Maßnahme",
    "Financial plan year outside the measure's start and end",
  ),
  M01: regel("fehler", "massnahmen", "Pflichtfeld leer", "Required field empty"),
  M02: regel("fehler", "massnahmen", "Handlungsfeld nicht 1–6", "Field of action not 1–6"),
  M03: regel("fehler", "massnahmen", "Art unbekannt", "Unknown kind of measure"),
  M04: regel(
    "fehler",
    "massnahmen",
    "Bestandssicherung ohne Bestandsschutz",
    "Preservation without protected status",
  ),
  M05: regel(
    "fehler",
    "massnahmen",
    "Trägerart kein zulässiger Letztempfänger",
    "Provider type not an allowed final recipient",
  ),
  M06: regel("fehler", "massnahmen", "Beginn oder Ende nicht lesbar", "Start or end cannot be read"),
  M07: regel(
    "fehler",
    "massnahmen",
    "Beginn oder Ende außerhalb der Förderperiode",
    "Start or end outside the funding period",
  ),
  M08: regel("fehler", "massnahmen", "Maßnahme-Nr doppelt", "Measure number twice"),
  M09: regel(
    "warnung",
    "massnahmen",
    "Titel mehrfach: mögliche Doppelförderung",
    "Title more than once: possible double funding",
  ),
  M10: regel(
    "fehler",
    "massnahmen",
    "Handlungsfeld ohne Maßnahme und ohne Begründung",
    "Field of action without a measure and without a reason",
    ["hinweis"],
  ),
  M11: regel(
    "warnung",
    "massnahmen",
    "Träger ist ein Unternehmen: Gemeinnützigkeit bestätigen",
    "Provider is a company: confirm non-profit status",
  ),
  M12: regel(
    "hinweis",
    "massnahmen",
    "Kreis erhält mehr als die Hälfte der Landesmittel",
    "The Kreis itself receives more than half of the state funds",
  ),
  M13: regel(
    "warnung",
    "massnahmen",
    "Bestandssicherung für weniger als zwei Jahre gesichert",
    "Preservation secured for less than two years",
  ),
  M14: regel(
    "hinweis",
    "massnahmen",
    "Begründung für ein Handlungsfeld, das Maßnahmen hat",
    "Reason given for a field of action that has measures",
  ),
  Z01: regel(
    "hinweis",
    "massnahmen",
    "Zeile ohne Daten (leer, Platzhalter, Summenzeile): nicht gezählt",
    "Row without data (empty, placeholder, total row): not counted",
  ),
  Z02: regel(
    "hinweis",
    "massnahmen",
    "Weitere Befunde nicht einzeln aufgeführt",
    "Further findings not listed one by one",
  ),
  X01: regel(
    "warnung",
    "parameter",
    "Eingabezelle mit Formel: geprüft wurde ihr gespeichertes Ergebnis",
    "Input cell holds a formula: its stored result was checked",
  ),
  X02: regel(
    "fehler",
    "parameter",
    "Eingabezelle mit Formel ohne gespeichertes Ergebnis",
    "Input cell holds a formula without a stored result",
  ),
  X03: regel(
    "warnung",
    "parameter",
    "Eingabetabelle auf einem ausgeblendeten Blatt",
    "Input table on a hidden sheet",
  ),
  X04: regel(
    "fehler",
    "parameter",
    "Eingabetabelle auf mehreren Blättern",
    "Input table on more than one sheet",
  ),
  I01: regel(
    "fehler",
    "regionen",
    "Regionen ≠ Zuwendungsempfänger des Förderjahrs",
    "Regions ≠ grant recipients of the funding year",
    ["warnung"],
  ),
  I02: regel(
    "fehler",
    "regionen",
    "Altersgruppen ergeben nicht die Einwohnerzahl",
    "Age groups do not add up to the population",
  ),
  I03: regel("fehler", "regionen", "Mindestsicherung unstimmig", "Minimum-income recipients inconsistent"),
  I04: regel(
    "fehler",
    "regionen",
    "Zählwert fehlt, ist ≤ 0 oder keine ganze Zahl",
    "Count missing, ≤ 0 or not a whole number",
  ),
  I05: regel(
    "warnung",
    "regionen",
    "Quote außerhalb des plausiblen Bereichs",
    "Quota outside the plausible band",
  ),
  I06: regel(
    "warnung",
    "parameter",
    "Stichtag nicht 31.12. des vorletzten Jahres",
    "Reference date not 31 Dec of the year before last",
  ),
  I07: regel(
    "fehler",
    "parameter",
    "Gewichte oder Sockelbetrag unzulässig",
    "Weights or base amount invalid",
  ),
  I08: regel(
    "fehler",
    "regionen",
    "Teilregionen ergeben nicht die Summe",
    "Sub-regions do not add up to their total",
  ),
  I09: regel(
    "warnung",
    "regionen",
    "Angegebener abgeleiteter Wert weicht ab",
    "Typed derived value differs from the recomputed one",
  ),
  I10: regel(
    "hinweis",
    "regionen",
    "Betrag ändert sich um mehr als {veraenderung_vorjahr} gegenüber dem Vorjahr",
    "Amount changes by more than {veraenderung_vorjahr} against the previous year",
  ),
  I11: regel(
    "fehler",
    "regionen",
    "Regionstabelle nicht eindeutig: Schlüssel doppelt oder übergeordnete Region unbekannt oder zirkulär",
    "Region table ambiguous: key twice, or parent unknown or circular",
  ),
  K01: regel(
    "fehler",
    "parameter",
    "Kreisangaben fehlen oder sind nicht lesbar (Förderstufe, Förderhöchstbetrag, Fachplan-Datum)",
    "Kreis header missing or unreadable (funding level, maximum grant, plan date)",
  ),
  K02: regel(
    "fehler",
    "parameter",
    "Kreis ist im Förderjahr kein Zuwendungsempfänger",
    "The Kreis is no grant recipient in the funding year",
  ),
  K03: regel(
    "warnung",
    "parameter",
    "Förderhöchstbetrag im Parameterblatt weicht von der Verteilung in derselben Arbeitsmappe ab",
    "Maximum grant in the Parameter sheet differs from the allocation in the same workbook",
  ),
  I12: regel(
    "fehler",
    "parameter",
    "Haushaltsmittel oder Sockelbetrag passen nicht zur Rundung",
    "Budget or base amount does not fit the rounding unit",
  ),
} as const satisfies Record<string, RegelDefinition>;

export type RegelCode = keyof typeof REGELN;

export const REGEL_CODES = Object.keys(REGELN) as RegelCode[];

export function istRegelCode(code: string): code is RegelCode {
  return Object.prototype.hasOwnProperty.call(REGELN, code);
}

/** The limits a text may name, each as the rule set's value. */
const PLATZHALTER = {
  landesquote_max: (g, s) => formatProzent(g.landesquote_max, s),
  eigenanteil_min: (g, s) => formatProzent(g.eigenanteil_min, s),
  fachplan_max_jahre: (g) => String(g.fachplan_max_jahre),
  veraenderung_vorjahr: (g, s) => formatProzent(g.veraenderung_vorjahr, s),
} as const satisfies Record<string, (g: Grenzen, sprache: "de" | "en") => string>;

/** A catalogue text (title, advice) with the limits of the rule set in force; an unknown {name} throws. */
export function mitGrenzen(text: string, grenzen: Grenzen, sprache: "de" | "en" = "de"): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(PLATZHALTER, name))
      throw new Error(`Unbekannter Platzhalter {${name}} im Regelkatalog`);
    return PLATZHALTER[name as keyof typeof PLATZHALTER](grenzen, sprache);
  });
}

/** A rule's title with the limits of the rule set in force. */
export function regelTitel(code: RegelCode, grenzen: Grenzen, sprache: "de" | "en" = "de"): string {
  return mitGrenzen(sprache === "en" ? REGELN[code].titel_en : REGELN[code].titel, grenzen, sprache);
}
