import { KEINE_VORLAGE } from "../../shared/arbeitsmappe";
import { anzahlText, type Sprache } from "../../shared/format";

export type { Sprache };

/** Changed cells, at most 8 named, then how many more („Finanzplan!K6, … (+3)“). */
function ortListe(orte: readonly string[]): string {
  return orte.length <= 8 ? orte.join(", ") : `${orte.slice(0, 8).join(", ")} (+${orte.length - 8})`;
}

/** The pane's texts: German, and English when Office's display language is English. */

export const TEXTE = {
  de: {
    titel: "LSZ-Finanzplan",
    untertitel: "Solidarisches Zusammenleben der Generationen",
    pruefen: "Finanzplan prüfen",
    neuPruefen: "Jetzt neu prüfen",
    verteilen: "Förderhöchstbeträge berechnen",
    schritt: {
      lesen: "Tabellen werden gelesen …",
      rechnen: "Es wird gerechnet …",
      schreiben: "Ergebnisse werden eingetragen …",
    },
    fehler: (n: number) => anzahlText(n, "Fehler", "Fehler"),
    warnungen: (n: number) => anzahlText(n, "Warnung", "Warnungen"),
    hinweise: (n: number) => anzahlText(n, "Hinweis", "Hinweise"),
    regelwerk: "Regelwerk",
    quelleDienst: "berechnet vom Rechendienst",
    quelleLokal: "berechnet in diesem Add-in (Rechendienst nicht erreichbar)",
    befunde: "Befunde",
    keineBefunde: "Keine Befunde – alles in Ordnung.",
    keineVerteilungsbefunde:
      "Die Indikatorentabelle hat keine Befunde. Der Finanzplan ist damit nicht geprüft.",
    zelleWaehlen: "Zelle auswählen",
    ausgewaehlt: (zelle: string) => `Zelle ${zelle} ausgewählt.`,
    fertig: (f: number, w: number, h: number) =>
      `Prüfung abgeschlossen: ${anzahlText(f, "Fehler", "Fehler")}, ${anzahlText(w, "Warnung", "Warnungen")}, ${anzahlText(h, "Hinweis", "Hinweise")}.`,
    verteilt: (summe: string) =>
      `Verteilung abgeschlossen: ${summe} auf das Blatt „Förderhöchstbeträge“ geschrieben.`,
    nichtVerteilt: "Keine Verteilung: erst die Fehler beheben.",
    nichtLesbar: "Die Arbeitsmappe kann nicht geprüft werden",
    fehlerTitel: {
      pruefen: {
        lesen: "Der Finanzplan kann nicht geprüft werden",
        schreiben: "Prüfung nicht eingetragen – es wurde nichts geändert",
      },
      verteilen: {
        lesen: "Die Förderhöchstbeträge können nicht berechnet werden",
        schreiben: "Verteilung nicht eingetragen – es wurde nichts geändert",
      },
    },
    abbruch: { pruefen: "Prüfung abgebrochen", verteilen: "Verteilung abgebrochen" },
    details: "Details für den Support",
    ergebnisVom: (aktion: "pruefen" | "verteilen", zeit: string) =>
      `Ergebnis der ${aktion === "pruefen" ? "Prüfung" : "Verteilung"} vom ${zeit}`,
    veraltet:
      "Die Tabellen wurden seit dieser Prüfung geändert – das Ergebnis gilt nicht mehr. Bitte neu prüfen.",
    waehrendGeaendert: (orte: readonly string[]) =>
      `Während das Ergebnis entstand, geändert: ${ortListe(orte)} – es ist möglicherweise veraltet. Bitte erneut starten.`,
    keineBefundeDamals: "Keine Befunde bei dieser Prüfung – die Tabellen wurden seitdem geändert.",
    weitereAktionen: "Weitere Aktionen",
    aktionErklaert: {
      pruefen:
        "Prüft Maßnahmen und Finanzplan dieser Arbeitsmappe und trägt die Befunde in die grauen Spalten und das Blatt „Prüfbericht“ ein.",
      verteilen:
        "Aufgabe des Ministeriums: berechnet aus der Indikatorentabelle die Förderhöchstbeträge aller Kreise und schreibt sie auf das Blatt „Förderhöchstbeträge“ – der Finanzplan wird dabei nicht geprüft.",
    },
    siegelTitel: "Prüfsiegel der Arbeitsmappe (Stand jetzt)",
    zaehlerTitel: (aktion: "pruefen" | "verteilen", veraltet: boolean) =>
      aktion === "verteilen"
        ? "Befunde der Verteilung (nur Indikatorentabelle, nicht der Finanzplan):"
        : veraltet
          ? "Befunde bei dieser Prüfung (vor der Änderung):"
          : "Befunde dieser Prüfung:",
    befundeVon: (aktion: "pruefen" | "verteilen") =>
      aktion === "pruefen" ? "Befunde der Prüfung" : "Befunde der Verteilung",
    uebernahmeErklaert: (neu: string, alt: string, zelle: string) =>
      `Der Knopf trägt den Förderhöchstbetrag aus der Verteilung in dieser Arbeitsmappe (${neu}) in ${zelle} ein, wo jetzt ${alt} steht; „Rückgängig“ stellt ${alt} wieder her.`,
    uebernehmen: "Betrag des Ministeriums übernehmen",
    uebernommen: (alt: string, neu: string, zelle: string) =>
      `Förderhöchstbetrag in ${zelle} von ${alt} auf ${neu} geändert – bitte erneut prüfen. Rückgängig stellt ${alt} wieder her.`,
    zurueckgenommen: (alt: string, zelle: string) => `Förderhöchstbetrag in ${zelle} wieder ${alt}.`,
    rueckgaengig: "Rückgängig",
    soBeheben: "So beheben",
    rolle: {
      kreis: "Finanzplan eines Kreises: erst prüfen, dann die Befunde beheben.",
      ministerium:
        "Arbeitsmappe des Ministeriums: die Indikatoren sind eingetragen, die Förderhöchstbeträge können berechnet werden.",
      leer: "Die Vorlage ist noch leer: Maßnahmen und Finanzplan (Kreis) oder Indikatoren (Ministerium) eintragen.",
      keine: KEINE_VORLAGE,
    },
    regelnTitel: "Welche Regeln gelten?",
    regelnEinleitung: (rw: string) =>
      `Regelwerk ${rw}. Fehler verhindern die Abgabe, Warnungen sind zu prüfen, Hinweise informieren.`,
    regelErklaeren: (code: string) => `Regel ${code} erklären`,
    wortlaut: "Wortlaut",
    teil: (n: number) => `Teil ${n}`,
    nichtWaehlbar: (zelle: string) =>
      `Die Zelle ${zelle} ist nicht mehr da (Blatt umbenannt oder gelöscht). Bitte erneut prüfen.`,
    unerwartet: "Unerwarteter Fehler – Ihre Eingaben wurden nicht verändert:",
    schwere: { fehler: "Fehler", warnung: "Warnung", hinweis: "Hinweis" },
    ausgabeHinweis:
      "Ergebnisse stehen in den grauen Spalten und im Blatt „Prüfbericht“. Ihre Eingaben werden nie überschrieben.",
    ausschoepfung: "Ausschöpfung des Förderhöchstbetrags",
    aufteilung: (land: string, eigen: string, grenze: string) =>
      `Landesmittel ${land} · Eigenanteil ${eigen} der Bemessungsgrundlage (Land höchstens ${grenze})`,
    ueberGrenze: "Die Landesquote liegt über der Grenze.",
    zusammen: (summe: number) =>
      summe > 100
        ? `– zusammen ${summe} %: ${summe - 100} % mehr als die Bemessungsgrundlage.`
        : `– zusammen ${summe} %: ${100 - summe} % der Bemessungsgrundlage sind nicht gedeckt.`,
    ueberschritten: "Der Förderhöchstbetrag ist überschritten.",
    unvollstaendig: "Zeilen mit unlesbaren Beträgen fehlen in dieser Summe.",
    diagrammZeigen: (blatt: string) => `Diagramm anzeigen (Blatt „${blatt}“)`,
  },
  en: {
    titel: "LSZ financial plan",
    untertitel: "Solidarity between the generations (Thuringia)",
    pruefen: "Check financial plan",
    neuPruefen: "Check again now",
    verteilen: "Compute maximum grants",
    schritt: { lesen: "Reading tables …", rechnen: "Calculating …", schreiben: "Writing results …" },
    fehler: (n: number) => anzahlText(n, "error", "errors"),
    warnungen: (n: number) => anzahlText(n, "warning", "warnings"),
    hinweise: (n: number) => anzahlText(n, "note", "notes"),
    regelwerk: "Rule set",
    quelleDienst: "computed by the calculation service",
    quelleLokal: "computed in this add-in (service not reachable)",
    befunde: "Findings",
    keineBefunde: "No findings – all in order.",
    keineVerteilungsbefunde: "The indicator table has no findings. This does not check the financial plan.",
    zelleWaehlen: "Select cell",
    ausgewaehlt: (zelle: string) => `Cell ${zelle} selected.`,
    fertig: (f: number, w: number, h: number) =>
      `Check finished: ${anzahlText(f, "error", "errors")}, ${anzahlText(w, "warning", "warnings")}, ${anzahlText(h, "note", "notes")}.`,
    verteilt: (summe: string) => `Allocation finished: ${summe} written to the sheet "Förderhöchstbeträge".`,
    nichtVerteilt: "No allocation: fix the errors first.",
    nichtLesbar: "The workbook cannot be checked",
    fehlerTitel: {
      pruefen: {
        lesen: "The financial plan cannot be checked",
        schreiben: "Check not written – nothing was changed",
      },
      verteilen: {
        lesen: "The maximum grants cannot be computed",
        schreiben: "Allocation not written – nothing was changed",
      },
    },
    abbruch: { pruefen: "Check stopped", verteilen: "Allocation stopped" },
    details: "Details for support",
    ergebnisVom: (aktion: "pruefen" | "verteilen", zeit: string) =>
      `Result of the ${aktion === "pruefen" ? "check" : "allocation"} of ${zeit}`,
    veraltet: "The tables changed since this check – its result no longer holds. Please check again.",
    waehrendGeaendert: (orte: readonly string[]) =>
      `Changed while the result was made: ${ortListe(orte)} – it may be out of date. Please run it again.`,
    keineBefundeDamals: "No findings in this check – the tables have changed since.",
    weitereAktionen: "More actions",
    aktionErklaert: {
      pruefen:
        'Checks the measures and financial plan of this workbook and writes the findings into the grey columns and the sheet "Prüfbericht".',
      verteilen:
        "The ministry's task: computes every Kreis's maximum grant from the indicator table and writes them to the sheet \"Förderhöchstbeträge\" – the financial plan is not checked.",
    },
    siegelTitel: "Check seal of the workbook (as of now)",
    zaehlerTitel: (aktion: "pruefen" | "verteilen", veraltet: boolean) =>
      aktion === "verteilen"
        ? "Findings of the allocation (indicator table only, not the financial plan):"
        : veraltet
          ? "Findings of this check (before the change):"
          : "Findings of this check:",
    befundeVon: (aktion: "pruefen" | "verteilen") =>
      aktion === "pruefen" ? "Findings of the check" : "Findings of the allocation",
    uebernahmeErklaert: (neu: string, alt: string, zelle: string) =>
      `The button writes the maximum grant from the allocation in this workbook (${neu}) into ${zelle}, which now holds ${alt}; "Undo" restores ${alt}.`,
    uebernehmen: "Take over the ministry's amount",
    uebernommen: (alt: string, neu: string, zelle: string) =>
      `Maximum grant in ${zelle} changed from ${alt} to ${neu} – please check again. Undo restores ${alt}.`,
    zurueckgenommen: (alt: string, zelle: string) => `Maximum grant in ${zelle} back to ${alt}.`,
    rueckgaengig: "Undo",
    soBeheben: "How to fix",
    rolle: {
      kreis: "A Kreis's financial plan: check it first, then fix the findings.",
      ministerium:
        "The ministry's workbook: the indicators are filled in, the maximum grants can be computed.",
      leer: "The template is still empty: fill in measures and financial plan (Kreis) or indicators (ministry).",
      keine:
        "This workbook is not the LSZ template: it has none of its tables. Please use the ministry's template (`lsz vorlage mappe.xlsx`).",
    },
    regelnTitel: "Which rules apply?",
    regelnEinleitung: (rw: string) =>
      `Rule set ${rw}. Errors block the submission, warnings need a look, notes inform.`,
    regelErklaeren: (code: string) => `Explain rule ${code}`,
    wortlaut: "Wording",
    teil: (n: number) => `part ${n}`,
    nichtWaehlbar: (zelle: string) => `Cell ${zelle} is gone (sheet renamed or deleted). Please check again.`,
    unerwartet: "Unexpected error – your input was not changed:",
    schwere: { fehler: "Error", warnung: "Warning", hinweis: "Note" },
    ausgabeHinweis:
      'Results are in the grey columns and on the sheet "Prüfbericht". Your input is never overwritten.',
    ausschoepfung: "Use of the maximum grant",
    aufteilung: (land: string, eigen: string, grenze: string) =>
      `State funds ${land} · own share ${eigen} of the eligible base (state at most ${grenze})`,
    ueberGrenze: "The state share is above the limit.",
    zusammen: (summe: number) => `– together ${summe}% of the eligible base.`,
    ueberschritten: "The maximum grant is exceeded.",
    unvollstaendig: "Rows with unreadable amounts are missing from this sum.",
    diagrammZeigen: (blatt: string) => `Show chart (sheet "${blatt}")`,
  },
} as const;

export function spracheAus(anzeigesprache: string | undefined): Sprache {
  return anzeigesprache?.toLowerCase().startsWith("en") ? "en" : "de";
}
