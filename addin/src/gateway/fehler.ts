/**
 * Excel's errors in German. Office.js reports a failed batch as an `OfficeExtension.Error` whose `code`
 * (not localised) says what went wrong; its `message` is Excel's own text, in Excel's language, not
 * meant for users. The pane shows the German sentence with what to do, and the raw code and message
 * only in a details line.
 */

/** Every code the seam can meet (Excel JavaScript API: "Error handling", error codes table). */
export const EXCEL_FEHLER: Record<string, string> = {
  AccessDenied:
    "Excel hat das Schreiben verweigert: das Blatt oder die Arbeitsmappe ist geschützt. Überprüfen → Blattschutz aufheben (bzw. Arbeitsmappe schützen ausschalten) und die Aktion erneut starten.",
  ActivityLimitReached: "Excel ist gerade ausgelastet. Einen Moment warten und die Aktion erneut starten.",
  ApiNotFound:
    "Diese Excel-Version kennt eine benötigte Funktion nicht. Bitte Excel aktualisieren (Microsoft 365, Excel 2021 oder neuer, Excel im Web).",
  BadPassword:
    "Ein Blatt ist mit Kennwort geschützt; das Add-in hebt nur Blattschutz ohne Kennwort auf. Überprüfen → Blattschutz aufheben (mit Kennwort) und die Aktion erneut starten.",
  Conflict:
    "Jemand anderes bearbeitet die Arbeitsmappe gerade (gemeinsame Bearbeitung). Einen Moment warten und die Aktion erneut starten.",
  FilteredRangeConflict:
    "Eine Tabelle ist gefiltert; Excel würde in die falschen Zeilen schreiben. Filter aufheben (Daten → Filter löschen) und die Aktion erneut starten.",
  EmptyChartSeries:
    "Ein Diagramm hätte keine Daten. Erneut prüfen; das Add-in lässt leere Diagramme dann weg.",
  GeneralException:
    "Excel hat einen internen Fehler gemeldet. Die Aktion erneut starten; hilft das nicht, die Arbeitsmappe speichern, schließen und wieder öffnen.",
  InactiveWorkbook:
    "Mehrere Arbeitsmappen sind geöffnet und diese hat den Fokus verloren. In die Arbeitsmappe klicken und die Aktion erneut starten.",
  InsertDeleteConflict:
    "Excel konnte die Spalte nicht einfügen, weil sie mit anderen Zellen kollidiert. Zellen rechts neben der Tabelle prüfen und die Aktion erneut starten.",
  InvalidArgument:
    "Excel hat einen Wert oder Bereich als ungültig abgelehnt. Die Aktion erneut starten; bleibt der Fehler, bitte mit dem Detailtext unten an den Support melden.",
  InvalidOperation: "Excel konnte den Schritt gerade nicht ausführen. Die Aktion erneut starten.",
  InvalidOperationInCellEditMode:
    "Eine Zelle wird gerade bearbeitet. Die Eingabe mit Enter oder Esc abschließen und die Aktion erneut starten.",
  InvalidOrTimedOutSession:
    "Die Verbindung zu Excel ist abgelaufen (die Arbeitsmappe war zu lange unbenutzt oder wurde neu geladen). Den Aufgabenbereich schließen und wieder öffnen, dann die Aktion erneut starten.",
  InvalidReference:
    "Ein Bezug in der Arbeitsmappe ist ungültig (Blatt oder Tabelle umbenannt oder gelöscht). Erneut prüfen.",
  ItemAlreadyExists:
    "Ein Blatt oder Name, den das Add-in anlegen wollte, gibt es schon. Erneut starten; das Add-in wählt dann einen freien Namen.",
  ItemNotFound:
    "Ein Blatt, eine Tabelle oder ein Diagramm gibt es nicht mehr (umbenannt oder gelöscht). Erneut prüfen.",
  MemoryLimitReached:
    "Excel hat zu wenig Arbeitsspeicher für diesen Schritt. Andere Arbeitsmappen schließen und die Aktion erneut starten.",
  MergedRangeConflict:
    "Verbundene Zellen stehen im Weg. Zellverbund in den grauen Spalten und auf den Blättern des Add-ins aufheben und die Aktion erneut starten.",
  NonBlankCellOffSheet:
    "Excel konnte keine Spalte einfügen, weil am rechten Blattrand (Spalte XFD) noch Einträge stehen. Diese Einträge löschen oder verschieben und die Aktion erneut starten.",
  NotImplemented:
    "Diese Excel-Version kann den Schritt nicht ausführen. Bitte Excel aktualisieren oder Excel im Web verwenden.",
  OperationCellsExceedLimit:
    "Excel im Web kann so viele Zellen nicht in einem Schritt ändern (z. B. beim Wiederherstellen einer gelöschten grauen Spalte in einer langen Tabelle). Die graue Spalte von Hand wieder anlegen (Tabelle → Spalte rechts einfügen, Überschrift wie in der Vorlage) und erneut prüfen.",
  RequestAborted: "Excel hat die Anfrage abgebrochen. Die Aktion erneut starten.",
  RequestPayloadSizeLimitExceeded:
    "Die Daten waren für Excel im Web zu groß für einen Schritt. Bitte die Aktion erneut starten und, falls es wieder scheitert, an den Support melden.",
  ResponsePayloadSizeLimitExceeded:
    "Die Tabellen waren für Excel im Web zu groß für einen Schritt. Bitte die Aktion erneut starten und, falls es wieder scheitert, an den Support melden.",
  ServiceNotAvailable: "Excel ist gerade nicht erreichbar. Später erneut versuchen.",
  Unauthenticated:
    "Die Anmeldung bei Microsoft 365 ist abgelaufen. Neu anmelden und die Aktion erneut starten.",
  UndoNotSupported:
    "Excel konnte die Änderungen nicht zu einem Rückgängig-Schritt zusammenfassen. Die Aktion erneut starten; bleibt der Fehler, bitte mit dem Detailtext unten an den Support melden.",
  UnsupportedOperation:
    "Excel unterstützt diesen Schritt hier nicht. Excel aktualisieren oder Excel im Web verwenden.",
  UnsupportedSheet:
    "Das aktive Blatt ist ein Diagramm- oder Makroblatt. Ein normales Tabellenblatt wählen und erneut starten.",
};

interface FehlerText {
  /** The German sentence with what to do. */
  text: string;
  /** Excel's code and message, for the details line (or the message of an error that is not Excel's). */
  details: string;
}

/** Any error thrown by a batch, as the pane shows it. */
export function excelFehlerText(e: unknown): FehlerText {
  const code =
    typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const meldung = e instanceof Error ? e.message : String(e);
  const text = EXCEL_FEHLER[code];
  if (text) return { text, details: `${code}: ${meldung}` };
  return {
    text: "Ein unerwarteter Fehler ist aufgetreten. Die Aktion erneut starten; bleibt der Fehler, bitte mit dem Detailtext an den Support melden.",
    details: code ? `${code}: ${meldung}` : meldung,
  };
}
