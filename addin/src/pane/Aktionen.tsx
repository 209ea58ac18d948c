import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Rolle } from "../../../shared/arbeitsmappe";
import { finanzplanPruefen, foerderhoechstbetraegeBerechnen } from "../ablauf";
import { TEXTE } from "../texte";
import type { StartProps } from "./props";
import { useGemeinsameStile } from "./stile";

const useStyles = makeStyles({
  aktionen: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * The two actions; the one that fits the workbook first and primary: the ministry's allocation workbook
 * leads with the allocation, a Kreis plan (or both, or an empty template) with the check.
 */
export function Aktionen({ rolle, laeuft, starte, sprache }: StartProps & { rolle: Rolle | null }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const g = useGemeinsameStile();
  const reihenfolge =
    rolle === "ministerium" ? (["verteilen", "pruefen"] as const) : (["pruefen", "verteilen"] as const);
  return (
    <>
      <div className={s.aktionen} data-testid="aktionen">
        {reihenfolge.map((a, i) => (
          <Button
            key={a}
            appearance={i === 0 ? "primary" : "secondary"}
            disabled={laeuft}
            onClick={() => void starte(a === "pruefen" ? finanzplanPruefen : foerderhoechstbetraegeBerechnen)}
          >
            {a === "pruefen" ? t.pruefen : t.verteilen}
          </Button>
        ))}
      </div>
      {rolle && rolle !== "beide" && (
        <Text size={200} block className={g.klein} data-testid="rolle">
          {t.rolle[rolle]}
        </Text>
      )}
    </>
  );
}
