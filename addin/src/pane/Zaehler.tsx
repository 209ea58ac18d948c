import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { formatEuro } from "../../../shared/format";
import type { Ergebnis } from "../ablauf";
import { TEXTE, type Sprache } from "../texte";
import { useGemeinsameStile } from "./stile";
import { SYMBOL } from "./symbole";

const useStyles = makeStyles({
  zaehler: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  zahl: {
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** The counts per severity (symbol and word, never colour alone), the rule set and who computed. */
export function Zaehler({ e, sprache }: { e: Extract<Ergebnis, { art: "ok" }>; sprache: Sprache }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const g = useGemeinsameStile();
  return (
    <>
      <div className={s.zaehler} data-testid="zaehler">
        <span className={s.zahl}>
          {SYMBOL.fehler} {t.fehler(e.anzahl.fehler)}
        </span>
        <span className={s.zahl}>
          {SYMBOL.warnung} {t.warnungen(e.anzahl.warnung)}
        </span>
        <span className={s.zahl}>
          {SYMBOL.hinweis} {t.hinweise(e.anzahl.hinweis)}
        </span>
      </div>
      <Text size={200} block className={g.klein} data-testid="quelle">
        {t.regelwerk}: {e.regelwerk} · {e.quelle.art === "rechendienst" ? t.quelleDienst : t.quelleLokal}
      </Text>
      {e.summe_eur !== undefined && e.summe_eur !== null && (
        <Text block weight="semibold">
          Σ {formatEuro(Math.round(e.summe_eur * 100), sprache)}
        </Text>
      )}
      {e.hinweise.map((h) => (
        <Text size={200} block key={h}>
          {h}
        </Text>
      ))}
    </>
  );
}
