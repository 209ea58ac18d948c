import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { formatEuro } from "../../../shared/format";
import type { Ergebnis } from "../ablauf";
import { TEXTE, type Sprache } from "../texte";
import { SYMBOL } from "./symbole";

const useStyles = makeStyles({
  zaehler: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  zahl: {
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    fontSize: tokens.fontSizeBase200,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/**
 * The counts per severity (symbol and word, never colour alone), labelled with the action they belong
 * to — never bare beside the seal's counts of the workbook now — and the allocation's sum and notes.
 */
export function Zaehler({
  e,
  veraltet,
  sprache,
}: {
  e: Extract<Ergebnis, { art: "ok" }>;
  veraltet: boolean;
  sprache: Sprache;
}) {
  const t = TEXTE[sprache];
  const s = useStyles();
  return (
    <>
      <Text size={200} block id="zaehler-titel" data-testid="zaehler-titel">
        {t.zaehlerTitel(e.aktion, veraltet)}
      </Text>
      <div className={s.zaehler} data-testid="zaehler" role="group" aria-labelledby="zaehler-titel">
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
