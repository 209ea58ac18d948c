import { makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { ausschoepfungText, ganzeProzent, type Ausschoepfung } from "../../../shared/arbeitsmappe/diagramme";
import { aufteilungText } from "../aufteilung";
import { TEXTE, type Sprache } from "../texte";

const useStyles = makeStyles({
  balken: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  /** The 70/30 split: two segments and a mark at the limit; words carry the numbers, the bar is a picture. */
  teilung: {
    position: "relative",
    display: "flex",
    height: "10px",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    "@media (forced-colors: active)": {
      borderTopColor: "CanvasText",
      borderRightColor: "CanvasText",
      borderBottomColor: "CanvasText",
      borderLeftColor: "CanvasText",
    },
  },
  land: {
    backgroundColor: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { backgroundColor: "Highlight", forcedColorAdjust: "none" },
  },
  eigen: {
    backgroundColor: tokens.colorPaletteMarigoldBackground3,
    "@media (forced-colors: active)": { backgroundColor: "CanvasText", forcedColorAdjust: "none" },
  },
  ueber: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    "@media (forced-colors: active)": { backgroundColor: "Mark", forcedColorAdjust: "none" },
  },
  grenze: {
    position: "absolute",
    top: 0,
    bottom: 0,
    width: "2px",
    backgroundColor: tokens.colorNeutralForeground1,
    "@media (forced-colors: active)": { backgroundColor: "CanvasText", forcedColorAdjust: "none" },
  },
  warnung: { color: tokens.colorPaletteRedForeground1 },
});

/** Per year: how much of the Förderhöchstbetrag the plan draws, and the split of its base (70/30). */
export function Ausschoepfungen({ liste, sprache }: { liste: readonly Ausschoepfung[]; sprache: Sprache }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  return (
    <section aria-label={t.ausschoepfung} className={s.balken} data-testid="ausschoepfung">
      <Text as="h3" size={400} weight="semibold" block>
        {t.ausschoepfung}
      </Text>
      {liste.map((a) => {
        const text = ausschoepfungText(a, sprache);
        const ueber = a.anteil !== null && a.anteil > 1;
        const land = a.landesquote ?? 0;
        const eigen = a.eigenanteilsquote ?? 0;
        const gesamt = Math.max(1, land + eigen);
        const zuViel = a.landesquote !== null && a.landesquote > a.landesquote_max + 1e-12;
        return (
          <div key={a.jahr} className={s.balken} data-jahr={a.jahr}>
            <Text weight="semibold" block>
              {text}
            </Text>
            {a.anteil !== null && (
              <ProgressBar
                aria-label={text}
                aria-valuetext={`${ganzeProzent(a.anteil)} %`}
                value={Math.min(1, a.anteil)}
                max={1}
                thickness="large"
                color={ueber ? "error" : a.vollstaendig ? "brand" : "warning"}
              />
            )}
            {ueber && (
              <Text size={200} block className={s.warnung}>
                ⚠ {t.ueberschritten}
              </Text>
            )}
            {!a.vollstaendig && (
              <Text size={200} block>
                ⚠ {t.unvollstaendig}
              </Text>
            )}
            {a.landesquote !== null && a.eigenanteilsquote !== null && (
              <>
                <Text size={200} block data-testid="aufteilung">
                  {aufteilungText(land, eigen, a.landesquote_max, sprache)}
                </Text>
                <div className={s.teilung} aria-hidden="true" data-testid="teilung">
                  <span
                    className={zuViel ? s.ueber : s.land}
                    style={{ width: `${(land / gesamt) * 100}%` }}
                  />
                  <span className={s.eigen} style={{ width: `${(eigen / gesamt) * 100}%` }} />
                  <span className={s.grenze} style={{ left: `calc(${a.landesquote_max * 100}% - 1px)` }} />
                </div>
                {zuViel && (
                  <Text size={200} block className={s.warnung}>
                    ⚠ {t.ueberGrenze}
                  </Text>
                )}
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}
