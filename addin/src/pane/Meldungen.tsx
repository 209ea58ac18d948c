import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { Ergebnis } from "../ablauf";
import type { Absturz } from "../hooks/useAktion";
import { TEXTE, type Sprache } from "../texte";
import { useGemeinsameStile } from "./stile";

/** Why an action broke off (Excel's error in German), a cell that could not be selected, a refused read. */
export function Meldungen({
  absturz,
  auswahlFehler,
  ergebnis,
  sprache,
}: {
  absturz: Absturz | null;
  auswahlFehler: string | null;
  ergebnis: Ergebnis | null;
  sprache: Sprache;
}) {
  const t = TEXTE[sprache];
  const g = useGemeinsameStile();
  return (
    <>
      {absturz && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.abbruch[absturz.aktion]}</MessageBarTitle>
            {absturz.text}
            <Text size={100} block className={g.klein}>
              {t.details}: {absturz.details}
            </Text>
          </MessageBarBody>
        </MessageBar>
      )}
      {auswahlFehler && (
        <MessageBar intent="warning" data-testid="auswahl-fehler">
          <MessageBarBody>{auswahlFehler}</MessageBarBody>
        </MessageBar>
      )}
      {ergebnis?.art === "fehler" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.fehlerTitel[ergebnis.aktion][ergebnis.grund]}</MessageBarTitle>
            <ul>
              {ergebnis.meldungen.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
