/**
 * The task pane, its first screen first: the action that fits the workbook (the other folded), the
 * live seal under its own heading, progress, and the result — its counts named by their action and
 * the findings (a click or Enter selects the finding's cell in Excel); below, the changes since the
 * sealed check and the rules. Its parts are in `pane/` (one
 * component per file), the live seal and an action's run in `hooks/`.
 */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { regelwerkFuerJahr } from "../../shared/regelwerke";
import type { Abhaengigkeiten } from "./ablauf";
import { useAktion } from "./hooks/useAktion";
import { useLiveSiegel } from "./hooks/useLiveSiegel";
import { Aktionen } from "./pane/Aktionen";
import { ErgebnisAnsicht } from "./pane/ErgebnisAnsicht";
import { Fortschritt } from "./pane/Fortschritt";
import { Meldungen } from "./pane/Meldungen";
import { Regelliste } from "./pane/Regelliste";
import { SiegelAenderungen } from "./pane/SiegelAenderungen";
import { SiegelAbschnitt } from "./pane/SiegelAbschnitt";
import { useGemeinsameStile } from "./pane/stile";
import { TEXTE, type Sprache } from "./texte";

const useStyles = makeStyles({
  wurzel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
});

export function App({
  abh,
  sprache = "de",
}: {
  abh: Omit<Abhaengigkeiten, "fortschritt">;
  sprache?: Sprache;
}) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const g = useGemeinsameStile();
  const { siegel, rolle, waehrendAktion, aktion } = useLiveSiegel(abh.gateway, abh.dienst);
  const { schritt, teil, ergebnis, absturz, ansage, setAnsage, starte } = useAktion(abh, sprache, aktion);
  const [auswahlFehler, setAuswahlFehler] = useState<string | null>(null);
  const waehle = (b: string, z: string) =>
    abh.gateway.waehleZelle(b, z).then(
      () => {
        setAuswahlFehler(null);
        setAnsage(t.ausgewaehlt(`${b}!${z}`));
      },
      () => {
        setAuswahlFehler(t.nichtWaehlbar(`${b}!${z}`));
        setAnsage(t.nichtWaehlbar(`${b}!${z}`));
      },
    );

  return (
    <main className={s.wurzel} lang={sprache}>
      <header>
        <Text as="h1" size={500} weight="semibold" block>
          {t.titel}
        </Text>
        <Text size={200} className={g.klein} block>
          {t.untertitel}
        </Text>
      </header>
      <Aktionen rolle={rolle} laeuft={schritt !== null} starte={starte} sprache={sprache} />
      <SiegelAbschnitt
        siegel={siegel}
        waehrend={waehrendAktion}
        laeuft={schritt !== null}
        starte={starte}
        sprache={sprache}
      />
      {schritt && <Fortschritt schritt={schritt} teil={teil} sprache={sprache} />}
      <div
        aria-live="polite"
        role="status"
        data-testid="ansage"
        style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}
      >
        {ansage}
      </div>
      <Meldungen absturz={absturz} auswahlFehler={auswahlFehler} ergebnis={ergebnis} sprache={sprache} />
      {ergebnis?.art === "ok" && (
        <ErgebnisAnsicht
          e={ergebnis}
          veraltet={ergebnis.aktion === "pruefen" && siegel?.art === "verfaelscht"}
          sprache={sprache}
          setze={(b, z, wert) => abh.gateway.setzeEingabe(b, z, wert)}
          ansagen={setAnsage}
          waehle={waehle}
        />
      )}
      <SiegelAenderungen siegel={siegel} />
      <Regelliste
        regelwerk={
          ergebnis?.art === "ok"
            ? (ergebnis.regelwerk.split(" ")[0] ?? "")
            : regelwerkFuerJahr(new Date().getFullYear()).id
        }
        sprache={sprache}
      />
    </main>
  );
}
