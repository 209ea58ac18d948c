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
import type { Grenzen, Regelwerk } from "../regelwerke";

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
  F16: regel(
    "hinweis",
    "parameter",
    "Förderstufe 3 mit einem Fachplan, der erst nach Beginn des Förderjahrs vorliegt",
    "Funding level 3 with a plan dated after the start of the funding year",
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
  M15: regel(
    "hinweis",
    "massnahmen",
    "Trägerart nicht eindeutig: ob der Träger Mittel erhalten darf, ist zu klären",
    "Provider type ambiguous: whether it may receive funds is to be clarified",
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
  Z03: regel(
    "fehler",
    "finanzplan",
    "Excel-Fehlerwert in einer Eingabezelle (#NV, #DIV/0!, #BEZUG! …): kein Wert, der geprüft werden kann",
    "Excel error value in an input cell (#N/A, #DIV/0!, #REF! …): no value to check",
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
  X05: regel(
    "warnung",
    "parameter",
    "Aktiver Inhalt (Webabfrage, DDE, externe Verknüpfung, Makro): in der geprüften Kopie entfernt",
    "Active content (web query, DDE, external link, macro): removed from the checked copy",
  ),
  X06: regel(
    "warnung",
    "parameter",
    "Zahlenformat zeigt andere Ziffern als der Wert der Zelle",
    "Number format shows other digits than the cell's value",
  ),
  X07: regel(
    "warnung",
    "parameter",
    "Verbundene Zellen in einer Eingabetabelle: nur die erste Zelle zählt",
    "Merged cells in an input table: only the first cell counts",
  ),
  X08: regel(
    "warnung",
    "parameter",
    "Zeilen direkt unter einer Eingabetabelle: nicht Teil der Tabelle, nicht geprüft",
    "Rows right below an input table: not part of the table, not checked",
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

/**
 * What to do about each finding ("So beheben"), one short German text per rule — `satisfies
 * Record<RegelCode, …>` makes a new rule without one a type error — and, where the programme's
 * documents say it, the words the rule comes from. Limits are placeholders as in the titles.
 */
export const BEHEBEN = {
  F01: "Landesmittel des Jahres senken (oder Eigenmittel erhöhen), bis sie höchstens {landesquote_max} der Bemessungsgrundlage betragen; die Meldung nennt den Betrag, der zu kürzen ist.",
  F02: "Landesmittel des Jahres auf den Förderhöchstbetrag senken; den Rest aus Eigenmitteln oder Drittmitteln decken.",
  F03: "Eigenmittel Kreis oder Anteil Gemeinden erhöhen, bis der Eigenanteil mindestens {eigenanteil_min} der Bemessungsgrundlage beträgt; die Meldung nennt den fehlenden Betrag.",
  F04: "Die Zeile ausgleichen: Gesamtausgaben = Drittmittel + Landesmittel + Eigenmittel Kreis + Anteil Gemeinden (auf den Cent).",
  F05: "Landesmittel der Maßnahme auf höchstens {landesquote_max} ihrer Bemessungsgrundlage senken oder ihren Eigenanteil erhöhen.",
  F06: "Investitionen nicht aus Landesmitteln finanzieren: Landesmittel der Zeile auf Personal-, Sach-, Verwaltungs- oder Honorarausgaben beziehen.",
  F07: "Den Betrag als Zahl eintragen (z. B. 12000 oder 12.000,00 €), nicht negativ, höchstens zwei Nachkommastellen.",
  F08: "Drittmittel höchstens in Höhe der Gesamtausgaben eintragen.",
  F09: "Ein Jahr der Förderperiode eintragen oder die Zeile entfernen.",
  F10: "Eine Maßnahme-Nr aus der Maßnahmenliste eintragen (die Meldung nennt die wahrscheinliche) oder die Maßnahme dort anlegen.",
  F11: "Für die Maßnahme eine Zeile im Finanzplan anlegen oder sie aus der Maßnahmenliste entfernen.",
  F12: "Landesmittel an die Förderstufe anpassen oder die Förderstufe im Parameterblatt prüfen; Stufe 3 verlangt einen Fachplan, der höchstens {fachplan_max_jahre} Jahre alt ist.",
  F13: "Ausschöpfung prüfen: nicht verplante Landesmittel verfallen; Maßnahmen ergänzen oder bewusst so lassen.",
  F14: "Die genannten Zellen als Beträge eintragen und erneut prüfen; bis dahin ist die Jahresregel nicht entschieden.",
  F15: "Das Jahr der Finanzplanzeile oder Beginn/Ende der Maßnahme korrigieren.",
  F16: "Das Datum des Fachplans prüfen; lag der Plan zu Beginn des Förderjahrs noch nicht vor, für die Zeit bis zum Beschluss Förderstufe 2 beantragen oder die Förderstufe mit dem Ministerium klären.",
  M01: "Das Pflichtfeld ausfüllen; bei Auswahlfeldern einen der genannten Werte wählen.",
  M02: "Ein Handlungsfeld 1–6 eintragen, als Nummer oder Name (z. B. „3“ oder „Bildung im familiären Umfeld“).",
  M03: "Eine der Arten eintragen: Bestandssicherung, Ausbau, neu oder Bestandssicherung + Ausbau.",
  M04: "Für Bestandssicherung die Bestandsschutz-Kategorie eintragen (oder die Art ändern).",
  M05: "Einen zulässigen Letztempfänger als Träger eintragen (gemeinnützige Träger, Wohlfahrtsverbände, Kirchen, kreisangehörige Gemeinden).",
  M06: "Beginn und Ende so eintragen, dass ein Zeitpunkt lesbar ist: ein Datum (01.02.2019), ein Monat, Halbjahr oder Jahr („2. HJ 2019“), oder „fortlaufend“.",
  M07: "Beginn und Ende in die Förderperiode legen (Bestandssicherung darf vorher begonnen haben).",
  M08: "Jeder Maßnahme eine eigene Nr geben (die Finanzplanzeilen verweisen auf sie).",
  M09: "Prüfen, ob dieselbe Maßnahme doppelt geplant ist; wenn ja, eine Zeile entfernen, sonst die Titel unterscheidbar machen.",
  M10: "Für das Handlungsfeld eine Maßnahme planen oder auf dem Blatt „Parameter“ unter „Handlungsfeld ohne Maßnahme“ das Handlungsfeld und unter „Begründung“ den Grund eintragen, warum keine vorgesehen ist.",
  M11: "Die Gemeinnützigkeit des Trägers bestätigen (Nachweis) oder einen gemeinnützigen Träger wählen.",
  M12: "Landesmittel stärker an freie Träger und Gemeinden geben; der Kreis selbst erhält höchstens die Hälfte.",
  M13: "Das Ende der Bestandssicherung so legen, dass der Bestandsschutz mindestens zwei Jahre gesichert ist.",
  M14: "Die Begründung entfernen oder prüfen, ob das Handlungsfeld gemeint war.",
  M15: "Klären, wer Träger ist, und die Trägerart eindeutig eintragen (z. B. „kreisfreie Stadt“, wenn die Stadt selbst die Maßnahme durchführt).",
  Z01: "Nichts zu tun, wenn die Zeile bewusst leer oder eine Summe ist; sonst die Daten eintragen.",
  Z02: "Erst die aufgeführten Befunde beheben und erneut prüfen; dann erscheinen die weiteren.",
  Z03: "Die Formel der Zelle reparieren (Bezug wiederherstellen, Suchbegriff ergänzen, durch null teilen vermeiden) oder den Wert selbst eintragen; dann erneut prüfen.",
  X01: "Prüfen, ob der gespeicherte Wert stimmt: die Mappe in Excel öffnen, neu berechnen, speichern.",
  X02: "Die Mappe in Excel öffnen und speichern (damit das Ergebnis der Formel gespeichert wird), dann erneut prüfen.",
  X03: "Das Blatt einblenden oder die Tabelle auf ein sichtbares Blatt verschieben, damit geprüft wird, was man sieht.",
  X04: "Die doppelte Tabelle entfernen; geprüft wurde die erste.",
  X06: "Das Zahlenformat der Zelle auf ein gewöhnliches Zahlen- oder Währungsformat setzen (Start → Zahlenformat) und prüfen, welcher Betrag gemeint ist.",
  X07: "Den Zellverbund aufheben (Start → Verbinden und zentrieren → Zellverbund aufheben) und den Wert in jede Zeile eintragen, für die er gilt; dann erneut prüfen.",
  X08: "Gehören die Zeilen zum Plan: die Tabelle bis zur letzten Zeile erweitern (Tabellenentwurf → Tabellengröße ändern) und erneut prüfen; sonst die Zeilen unter der Tabelle löschen.",
  X05: "Beim Kreis nachfragen, wozu der Inhalt dient, und die Mappe ohne ihn erneut einreichen lassen; die geprüfte Kopie enthält ihn nicht mehr (Formeln durch ihren gespeicherten Wert ersetzt, Verknüpfungen und Makros entfernt).",
  I01: "Die Regionen der Tabelle mit den Zuwendungsempfängern des Förderjahrs abgleichen (fehlende ergänzen, überzählige entfernen).",
  I02: "Die Altersgruppen so eintragen, dass sie zusammen die Einwohnerzahl ergeben.",
  I03: "Die Mindestsicherung prüfen: Anzahl der Empfänger und Quote passen nicht zusammen oder nicht zur Einwohnerzahl.",
  I04: "Den Zählwert als ganze Zahl über 0 eintragen.",
  I05: "Die Quote prüfen: sie liegt außerhalb dessen, was für Thüringer Kreise plausibel ist.",
  I06: "Den Stichtag auf den 31.12. des vorletzten Jahres setzen oder die Daten dieses Stichtags verwenden.",
  I07: "Gewichte, die zusammen 100 % ergeben, und einen Sockelbetrag, der die Haushaltsmittel nicht übersteigt, eintragen.",
  I08: "Die Werte der Teilregionen so eintragen, dass sie die Summe der Region ergeben (oder die Summe korrigieren).",
  I09: "Den angegebenen Wert löschen (er wird berechnet) oder die Zählwerte prüfen.",
  I10: "Die Veränderung zum Vorjahr prüfen; ist sie gewollt, ist nichts zu tun.",
  I11: "Jeden Schlüssel nur einmal vergeben und die übergeordnete Region mit einem vorhandenen Schlüssel angeben.",
  I12: "Haushaltsmittel und Sockelbetrag in der Einheit der Rundung eintragen (ganze Euro bei „auf volle Euro“).",
  K01: "Förderstufe, Förderhöchstbetrag und Datum des Fachplans im Parameterblatt eintragen.",
  K02: "Den Kreisschlüssel im Parameterblatt prüfen.",
  K03: "Gilt der Betrag des Ministeriums, ihn im Parameterblatt als Förderhöchstbetrag (€) eintragen und erneut prüfen; sonst die Verteilung prüfen.",
} as const satisfies Record<RegelCode, string>;

/**
 * The advice of a finding that follows from a slip (`Befund.folgt_aus`), instead of its rule's: the
 * slip's own finding, right before it, names the one change.
 */
export const BEHEBEN_FOLGE =
  "Nichts Eigenes zu tun: die Änderung, die der Befund darüber nennt, behebt auch diesen.";

/**
 * Advice that names the finding's own amounts, written into its message as „So beheben: …“. As in
 * ESLint's `meta.messages`, the words are here and the rule passes only the named data
 * (`{kuerzen}`); a missing or unknown name is a type error.
 */
export const BEHEBEN_IN_MELDUNG = {
  F01: "Landesmittel um {kuerzen} kürzen oder die Bemessungsgrundlage auf {bemessungsgrundlage} erhöhen.",
  F03: "Eigenmittel Kreis oder Anteil Gemeinden um {fehlt} erhöhen.",
  F05: "höchstens {erlaubt} Landesmittel ({weniger} weniger) oder eine Bemessungsgrundlage von {bemessungsgrundlage}.",
  F13: "um ihn ganz auszuschöpfen, muss die Bemessungsgrundlage {noetig} erreichen ({fhb} ÷ {grenze}, auf den Cent aufgerundet); sie beträgt {bemessungsgrundlage}.",
  M10: "eine Maßnahme eintragen oder auf dem Blatt „{blatt}“ unter „{feld}“ {hf} wählen und unter „{begruendung}“ eintragen, warum das Feld ohne Maßnahme bleibt.",
} as const satisfies Partial<Record<RegelCode, string>>;

const SO_BEHEBEN = "So beheben: ";

/** The `{name}`s a text asks for. */
type Daten<S extends string> = S extends `${string}{${infer N}}${infer R}` ? N | Daten<R> : never;

/** „So beheben: Landesmittel um 0,01 € kürzen …“: a rule's advice in its message, filled with the finding's data. */
export function soBeheben<C extends keyof typeof BEHEBEN_IN_MELDUNG>(
  code: C,
  daten: Record<Daten<(typeof BEHEBEN_IN_MELDUNG)[C]>, string>,
): string {
  const werte: Record<string, string> = daten;
  // Split once per code: odd parts are names, even parts the words between them (a finding's message
  // is on the hot path of every check; a replace with a callback per call cost ~2 µs).
  const teile = (vorlagen[code] ??= BEHEBEN_IN_MELDUNG[code].split(/\{(\w+)\}/));
  let text = SO_BEHEBEN;
  for (let i = 0; i < teile.length; i++) text += i % 2 === 0 ? teile[i] : werte[teile[i]!];
  return text;
}
const vorlagen: Partial<Record<keyof typeof BEHEBEN_IN_MELDUNG, string[]>> = {};

/**
 * A message without the advice `soBeheben` wrote into it (its sentence up to the next sentence or
 * the end): for a finding that follows from a slip, whose advice is the slip's one change instead.
 */
export function ohneSoBeheben(meldung: string): string {
  const i = meldung.indexOf(` ${SO_BEHEBEN}`);
  if (i < 0) return meldung;
  const rest = meldung.slice(i + 1);
  const ende = /\.(?= [A-ZÄÖÜ])|\.$/.exec(rest);
  return meldung.slice(0, i) + (ende ? rest.slice(ende.index + 1) : "");
}

/** The programme's own words for a rule, where its documents state it (Ilm-Kreis Fachplan 2019, Erfurt). */
export const WORTLAUT: Partial<Record<RegelCode, string>> = {
  F01: "„Abzüglich der Drittmittel finanziert das Land über die Richtlinie bis zu 70 Prozent der Gesamtausgaben, jedoch maximal in Höhe des Förderhöchstbetrages.“ (Fachplan Ilm-Kreis 2019, 1.2)",
  F02: "„… jedoch maximal in Höhe des Förderhöchstbetrages.“ (Fachplan Ilm-Kreis 2019, 1.2)",
  F03: "„Der aufzubringende Eigenanteil des Landkreises oder der kreisfreien Stadt beträgt 30 Prozent, wozu auch die finanziellen Beteiligungen der kreisangehörigen Städte und Gemeinde einbezogen werden.“ (Fachplan Ilm-Kreis 2019, 1.2)",
  F05: "„… bis zu 70 Prozent der Gesamtausgaben …“ (Fachplan Ilm-Kreis 2019, 1.2), hier je Maßnahme",
  F16: "„Die Planungsprozesse und die Vorlage eines fachspezifischen Planes erlauben die Beantragung der Förderhöchststufe (Stufe 3).“ (Fachplan Ilm-Kreis 2019, 1.1); „Die Planung wird im Sommer 2019 dem Stadtrat zur Beschlussfassung vorgelegt und ist Grundlage für einen Stufenwechsel von Stufe 2 zu Stufe 3“ (Prozessbeschreibung Erfurt)",
  M13: "„… Sicherung des Bestandsschutzes für mindestens 2 Jahre für bisher geförderte Einrichtungen und Maßnahmen …“ (Prozessbeschreibung Erfurt)",
};

/** The advice for a rule with the limits of the rule set in force. */
export function behebenText(code: RegelCode, regelwerk: Pick<Regelwerk, "grenzen">): string {
  return mitGrenzen(BEHEBEN[code], regelwerk.grenzen);
}
