import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { siegelText, type SiegelUrteil } from "../../../shared/siegel";
import { finanzplanPruefen } from "../ablauf";
import { TEXTE } from "../texte";
import type { StartProps } from "./props";

const useStyles = makeStyles({
  siegel: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
  },
});

/**
 * The live seal in one line, with „neu prüfen“ where the workbook changed since the check; in the
 * officer's own pane a changed cell is „seit der Prüfung geändert“, never „verfälscht“. Below it, the
 * cells changed while the last action ran (its result may be stale).
 */
export function SiegelZeile({
  siegel,
  waehrend = [],
  laeuft,
  starte,
  sprache,
}: StartProps & { siegel: SiegelUrteil | null; waehrend?: readonly string[] }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  if (!siegel && waehrend.length === 0) return null;
  return (
    <div className={s.siegel} data-testid="siegel">
      {siegel && (
        <Text size={200}>
          {siegel.art === "gueltig" ? "🔒" : siegel.art === "kein_siegel" ? "○" : "⚠"}{" "}
          {siegelText(siegel, "kreis")}
        </Text>
      )}
      {waehrend.length > 0 && (
        <Text size={200} data-testid="siegel-waehrend">
          ⚠ {t.waehrendGeaendert(waehrend)}
        </Text>
      )}
      {/* Not after an honest offline check, nor where only the key is unknown: re-checking changes nothing. */}
      {(waehrend.length > 0 ||
        (siegel &&
          !["gueltig", "kein_siegel", "nicht_signiert", "schluessel_unbekannt"].includes(siegel.art))) && (
        <Button size="small" disabled={laeuft} onClick={() => void starte(finanzplanPruefen)}>
          {t.neuPruefen}
        </Button>
      )}
    </div>
  );
}
