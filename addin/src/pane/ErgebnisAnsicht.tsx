import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { ortszeit } from "../../../shared/siegel";
import { TEXTE } from "../texte";
import { Ausschoepfungen } from "./Ausschoepfungen";
import { Befundliste } from "./Befundliste";
import type { ErgebnisProps } from "./props";
import { useGemeinsameStile } from "./stile";
import { Uebernahme } from "./Uebernahme";
import { Zaehler } from "./Zaehler";

const useStyles = makeStyles({
  ergebnis: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  mehr: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * A result, first screen first: which action and when (its heading), whether it is stale, the counts
 * labelled with their action, the findings — K03's take-over beside its finding. Below them the
 * Ausschöpfung with the chart, where the result came from and where it was written.
 */
export function ErgebnisAnsicht({
  e,
  veraltet,
  sprache,
  waehle,
  setze,
  ansagen,
}: ErgebnisProps & {
  setze: (blatt: string, zelle: string, wert: number) => Promise<void>;
  ansagen: (text: string) => void;
}) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const g = useGemeinsameStile();
  const titel = t.ergebnisVom(e.aktion, ortszeit(e.zeit));
  const uebernahme = e.uebernahme && (
    <Uebernahme u={e.uebernahme} sprache={sprache} setze={setze} ansagen={ansagen} />
  );
  const mitK03 = e.befunde.some((b) => b.regel === "K03");
  return (
    <section aria-labelledby="ergebnis-titel" className={s.ergebnis} data-testid="ergebnis">
      <Text as="h2" id="ergebnis-titel" size={300} weight="semibold" block data-testid="ergebnis-vom">
        {titel}
      </Text>
      {veraltet && (
        <MessageBar intent="warning" data-testid="veraltet">
          <MessageBarBody>{t.veraltet}</MessageBarBody>
        </MessageBar>
      )}
      <Zaehler e={e} veraltet={veraltet} sprache={sprache} />
      <Befundliste
        e={e}
        veraltet={veraltet}
        sprache={sprache}
        waehle={waehle}
        zusatz={(b) => (b.regel === "K03" ? uebernahme : null)}
      />
      {!mitK03 && uebernahme}
      {((e.ausschoepfung && e.ausschoepfung.length > 0) || e.diagramm) && (
        <div className={s.mehr}>
          {e.ausschoepfung && e.ausschoepfung.length > 0 && (
            <Ausschoepfungen liste={e.ausschoepfung} sprache={sprache} />
          )}
          {e.diagramm && (
            <Button
              size="small"
              appearance="secondary"
              data-testid="diagramm-zeigen"
              onClick={() => void waehle(e.diagramm!.blatt, e.diagramm!.zelle)}
            >
              {t.diagrammZeigen(e.diagramm.blatt)}
            </Button>
          )}
        </div>
      )}
      <Text size={200} block className={g.klein} data-testid="quelle">
        {t.regelwerk}: {e.regelwerk} · {e.quelle.art === "rechendienst" ? t.quelleDienst : t.quelleLokal}
      </Text>
      <Text size={200} block className={g.klein}>
        {t.ausgabeHinweis}
      </Text>
    </section>
  );
}
