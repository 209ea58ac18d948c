import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { Rolle } from "../../../shared/arbeitsmappe";
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen, type Aktion } from "../ablauf";
import { TEXTE } from "../texte";
import type { StartProps } from "./props";
import { useGemeinsameStile } from "./stile";

const useStyles = makeStyles({
  aktionen: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  weitere: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
  },
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase300, width: "fit-content" },
});

/**
 * The action that fits the workbook, alone and primary: the ministry's allocation in the ministry's
 * workbook, the check everywhere else (a Kreis plan, a Kreis plan beside the indicators, an empty
 * template). The other action waits folded under „Weitere Aktionen“, saying in one sentence what it
 * does — a Kreis officer does not meet the ministry's allocation as a second big button.
 */
export function Aktionen({ rolle, laeuft, starte, sprache }: StartProps & { rolle: Rolle | null }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const g = useGemeinsameStile();
  const haupt: Aktion = rolle === "ministerium" ? "verteilen" : "pruefen";
  const weitere: Aktion = haupt === "pruefen" ? "verteilen" : "pruefen";
  const falte = useRef<HTMLDetailsElement>(null);
  const knopf = (a: Aktion, primaer: boolean) => (
    <Button
      appearance={primaer ? "primary" : "secondary"}
      disabled={laeuft}
      aria-describedby={primaer ? undefined : `aktion-${a}-erklaert`}
      onClick={() => {
        // Started from the fold: the fold closes, so that the result comes first on the screen.
        if (falte.current) falte.current.open = false;
        void starte(a === "pruefen" ? finanzplanPruefen : foerderhoechstbetraegeBerechnen);
      }}
    >
      {a === "pruefen" ? t.pruefen : t.verteilen}
    </Button>
  );
  return (
    <div className={s.aktionen} data-testid="aktionen">
      {knopf(haupt, true)}
      {rolle && rolle !== "beide" && (
        <Text size={200} block className={g.klein} data-testid="rolle">
          {t.rolle[rolle]}
        </Text>
      )}
      <details data-testid="weitere-aktionen" ref={falte}>
        <summary className={s.summary}>{t.weitereAktionen}</summary>
        <div className={s.weitere}>
          <Text size={200} block id={`aktion-${weitere}-erklaert`}>
            {t.aktionErklaert[weitere]}
          </Text>
          {knopf(weitere, false)}
        </div>
      </details>
    </div>
  );
}
