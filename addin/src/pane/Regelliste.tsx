import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { REGELN, WORTLAUT, behebenText, regelTitel } from "../../../shared/regeln/katalog";
import { istRegelwerkId, REGELWERKE } from "../../../shared/regelwerke";
import { TEXTE, type Sprache } from "../texte";
import { useGemeinsameStile } from "./stile";

const useStyles = makeStyles({
  regeln: { marginTop: tokens.spacingVerticalS },
  regel: { marginBottom: tokens.spacingVerticalS },
});

/**
 * „Welche Regeln gelten?“: every rule of the rule set with its code, severity, title, what to do and,
 * where the programme's documents state it, their words. Findings link here.
 */
export function Regelliste({ regelwerk, sprache }: { regelwerk: string; sprache: Sprache }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const g = useGemeinsameStile();
  const rw = istRegelwerkId(regelwerk) ? REGELWERKE[regelwerk] : null;
  if (!rw) return null;
  return (
    <details id="regeln" className={s.regeln} data-testid="regeln">
      <summary>{t.regelnTitel}</summary>
      <Text size={200} block className={g.klein}>
        {t.regelnEinleitung(`${rw.id} (${rw.version})`)}
      </Text>
      <dl>
        {rw.regeln.map((code) => {
          const r = REGELN[code];
          const wortlaut = WORTLAUT[code];
          return (
            <div key={code} id={`regel-${code}`} tabIndex={-1} className={s.regel}>
              <dt>
                <Text weight="semibold">
                  {code} · {t.schwere[r.schwere]} · {regelTitel(code, rw.grenzen, sprache)}
                </Text>
              </dt>
              <dd>
                <Text size={200} block>
                  {t.soBeheben}: {behebenText(code, rw)}
                </Text>
                {wortlaut && (
                  <Text size={200} block className={g.klein}>
                    {t.wortlaut}: {wortlaut}
                  </Text>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
