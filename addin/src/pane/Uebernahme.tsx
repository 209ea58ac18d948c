import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatEuro } from "../../../shared/format";
import type { Ergebnis } from "../ablauf";
import { excelFehlerText } from "../gateway/fehler";
import { TEXTE, type Sprache } from "../texte";

const useStyles = makeStyles({
  uebernahme: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
});

/**
 * K03's take-over: the ministry's Förderhöchstbetrag into the Parameter cell — the one write into an
 * input cell, only on the user's click, said so, and undone by „Rückgängig“ (Excel's own undo does not
 * cover an add-in's writes). It stands with its K03 finding and says in one sentence what the click does.
 */
export function Uebernahme({
  u,
  sprache,
  setze,
  ansagen,
}: {
  u: NonNullable<Extract<Ergebnis, { art: "ok" }>["uebernahme"]>;
  sprache: Sprache;
  setze: (blatt: string, zelle: string, wert: number) => Promise<void>;
  ansagen: (text: string) => void;
}) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const [stand, setStand] = useState<"offen" | "uebernommen" | "zurueck">("offen");
  const [fehler, setFehler] = useState<string | null>(null);
  const euro = (x: number) => formatEuro(Math.round(x * 100), sprache);
  const ort = `${u.blatt}!${u.zelle}`;
  const schreibe = (wert: number, danach: typeof stand, text: string) =>
    setze(u.blatt, u.zelle, wert).then(
      () => {
        setStand(danach);
        setFehler(null);
        ansagen(text);
      },
      (e: unknown) => setFehler(excelFehlerText(e).text),
    );
  return (
    <div data-testid="uebernahme" className={s.uebernahme}>
      {stand === "uebernommen" ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {t.uebernommen(euro(u.alt_eur), euro(u.neu_eur), ort)}{" "}
            <Button
              size="small"
              onClick={() => void schreibe(u.alt_eur, "zurueck", t.zurueckgenommen(euro(u.alt_eur), ort))}
            >
              {t.rueckgaengig}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text size={200} block id={`uebernahme-${u.zelle}`} data-testid="uebernahme-erklaert">
            {t.uebernahmeErklaert(euro(u.neu_eur), euro(u.alt_eur), ort)}
          </Text>
          <Button
            size="small"
            aria-describedby={`uebernahme-${u.zelle}`}
            onClick={() =>
              void schreibe(u.neu_eur, "uebernommen", t.uebernommen(euro(u.alt_eur), euro(u.neu_eur), ort))
            }
          >
            {/* The amount never breaks: no lone „€“ on a line of its own in a narrow pane. */}
            <span>
              {t.uebernehmen} <span style={{ whiteSpace: "nowrap" }}>({euro(u.neu_eur)})</span>
            </span>
          </Button>
        </>
      )}
      {stand === "zurueck" && (
        <Text size={200} block>
          {t.zurueckgenommen(euro(u.alt_eur), ort)}
        </Text>
      )}
      {fehler && (
        <MessageBar intent="error">
          <MessageBarBody>{fehler}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
