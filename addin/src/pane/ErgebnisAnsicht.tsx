import {
  Button,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
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
});

/**
 * A result: which action and when, whether it is stale, the counts, the take-over, the Ausschöpfung,
 * the chart and the findings.
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
  return (
    <section aria-label={t.befunde} className={s.ergebnis}>
      <Text size={300} weight="semibold" block data-testid="ergebnis-vom">
        {t.ergebnisVom(e.aktion, ortszeit(e.zeit))}
      </Text>
      {veraltet && (
        <MessageBar intent="warning" data-testid="veraltet">
          <MessageBarBody>{t.veraltet}</MessageBarBody>
        </MessageBar>
      )}
      <Zaehler e={e} sprache={sprache} />
      {e.uebernahme && <Uebernahme u={e.uebernahme} sprache={sprache} setze={setze} ansagen={ansagen} />}
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
      <Divider />
      <Befundliste e={e} veraltet={veraltet} sprache={sprache} waehle={waehle} />
      <Text size={200} block className={g.klein}>
        {t.ausgabeHinweis}
      </Text>
    </section>
  );
}
