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

/** The live seal in one line, with „neu prüfen“ where the workbook changed since the check. */
export function SiegelZeile({
  siegel,
  laeuft,
  starte,
  sprache,
}: StartProps & { siegel: SiegelUrteil | null }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  if (!siegel) return null;
  return (
    <div className={s.siegel} data-testid="siegel">
      <Text size={200}>
        {siegel.art === "gueltig" ? "🔒" : siegel.art === "kein_siegel" ? "○" : "⚠"} {siegelText(siegel)}
      </Text>
      {/* Not after an honest offline check, nor where only the key is unknown: re-checking changes nothing. */}
      {!["gueltig", "kein_siegel", "nicht_signiert", "schluessel_unbekannt"].includes(siegel.art) && (
        <Button size="small" disabled={laeuft} onClick={() => void starte(finanzplanPruefen)}>
          {t.neuPruefen}
        </Button>
      )}
    </div>
  );
}
