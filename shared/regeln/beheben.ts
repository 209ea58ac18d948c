/**
 * What to do about each finding ("So beheben"), one short German text per rule — `satisfies
 * Record<RegelCode, …>` makes a new rule without one a type error — and, where the programme's
 * documents say it, the words the rule comes from. Limits are not written here: {landesquote_max},
 * {eigenanteil_min} and {fachplan_max_jahre} are filled from the rule set in force, so a rule set with
 * other limits changes the advice with them.
 */
import type { Regelwerk } from "../regelwerke";
import { mitGrenzen, type RegelCode } from "./katalog";

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
  M01: "Das Pflichtfeld ausfüllen; bei Auswahlfeldern einen der genannten Werte wählen.",
  M02: "Ein Handlungsfeld 1–6 eintragen, als Nummer oder Name (z. B. „3“ oder „Bildung im familiären Umfeld“).",
  M03: "Eine der Arten eintragen: Bestandssicherung, Ausbau, neu oder Bestandssicherung + Ausbau.",
  M04: "Für Bestandssicherung die Bestandsschutz-Kategorie eintragen (oder die Art ändern).",
  M05: "Einen zulässigen Letztempfänger als Träger eintragen (gemeinnützige Träger, Wohlfahrtsverbände, Kirchen, kreisangehörige Gemeinden).",
  M06: "Beginn und Ende so eintragen, dass ein Zeitpunkt lesbar ist: ein Datum (01.02.2019), ein Monat, Halbjahr oder Jahr („2. HJ 2019“), oder „fortlaufend“.",
  M07: "Beginn und Ende in die Förderperiode legen (Bestandssicherung darf vorher begonnen haben).",
  M08: "Jeder Maßnahme eine eigene Nr geben (die Finanzplanzeilen verweisen auf sie).",
  M09: "Prüfen, ob dieselbe Maßnahme doppelt geplant ist; wenn ja, eine Zeile entfernen, sonst die Titel unterscheidbar machen.",
  M10: "Für das Handlungsfeld eine Maßnahme planen oder in der Tabelle Begründungen begründen, warum keine vorgesehen ist.",
  M11: "Die Gemeinnützigkeit des Trägers bestätigen (Nachweis) oder einen gemeinnützigen Träger wählen.",
  M12: "Landesmittel stärker an freie Träger und Gemeinden geben; der Kreis selbst erhält höchstens die Hälfte.",
  M13: "Das Ende der Bestandssicherung so legen, dass der Bestandsschutz mindestens zwei Jahre gesichert ist.",
  M14: "Die Begründung entfernen oder prüfen, ob das Handlungsfeld gemeint war.",
  Z01: "Nichts zu tun, wenn die Zeile bewusst leer oder eine Summe ist; sonst die Daten eintragen.",
  Z02: "Erst die aufgeführten Befunde beheben und erneut prüfen; dann erscheinen die weiteren.",
  X01: "Prüfen, ob der gespeicherte Wert stimmt: die Mappe in Excel öffnen, neu berechnen, speichern.",
  X02: "Die Mappe in Excel öffnen und speichern (damit das Ergebnis der Formel gespeichert wird), dann erneut prüfen.",
  X03: "Das Blatt einblenden oder die Tabelle auf ein sichtbares Blatt verschieben, damit geprüft wird, was man sieht.",
  X04: "Die doppelte Tabelle entfernen; geprüft wurde die erste.",
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
  K03: "Gilt der Betrag des Ministeriums, ihn übernehmen („Betrag übernehmen“ im Aufgabenbereich) und erneut prüfen; sonst die Verteilung prüfen.",
} as const satisfies Record<RegelCode, string>;

/** The programme's own words for a rule, where its documents state it (Ilm-Kreis Fachplan 2019, Erfurt). */
export const WORTLAUT: Partial<Record<RegelCode, string>> = {
  F01: "„Abzüglich der Drittmittel finanziert das Land über die Richtlinie bis zu 70 Prozent der Gesamtausgaben, jedoch maximal in Höhe des Förderhöchstbetrages.“ (Fachplan Ilm-Kreis 2019, 1.2)",
  F02: "„… jedoch maximal in Höhe des Förderhöchstbetrages.“ (Fachplan Ilm-Kreis 2019, 1.2)",
  F03: "„Der aufzubringende Eigenanteil des Landkreises oder der kreisfreien Stadt beträgt 30 Prozent, wozu auch die finanziellen Beteiligungen der kreisangehörigen Städte und Gemeinde einbezogen werden.“ (Fachplan Ilm-Kreis 2019, 1.2)",
  F05: "„… bis zu 70 Prozent der Gesamtausgaben …“ (Fachplan Ilm-Kreis 2019, 1.2), hier je Maßnahme",
  M13: "„… Sicherung des Bestandsschutzes für mindestens 2 Jahre für bisher geförderte Einrichtungen und Maßnahmen …“ (Prozessbeschreibung Erfurt)",
};

/** The advice for a rule with the limits of the rule set in force. */
export function behebenText(code: RegelCode, regelwerk: Regelwerk): string {
  return mitGrenzen(BEHEBEN[code], regelwerk.grenzen);
}
