/**
 * The plan's memory in the pane: „Änderungen seit der Prüfung vom …“ — each cell changed since the
 * sealed check, with its value then and now, from the values the seal keeps.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { ortszeit, type SiegelUrteil } from "../../../shared/siegel";
import { wertText } from "../../../shared/siegel-aenderungen";

const useStyles = makeStyles({
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** At most this many rows; the rest is counted. */
const HOECHSTENS = 50;

export function SiegelAenderungen({ siegel }: { siegel: SiegelUrteil | null }) {
  const s = useStyles();
  if (siegel?.art !== "verfaelscht" || siegel.aenderungen.length === 0) return null;
  const liste = siegel.aenderungen;
  return (
    <section aria-label="Änderungen seit der Prüfung" data-testid="siegel-aenderungen">
      <Text size={200} weight="semibold" block>
        Änderungen seit der Prüfung vom {ortszeit(siegel.siegel.aussage.zeit)}
      </Text>
      <ul className={s.liste}>
        {liste.slice(0, HOECHSTENS).map((a, i) => (
          <li key={i}>
            {a.ort}: {wertText(a, a.vorher)} → {wertText(a, a.nachher)}
          </li>
        ))}
      </ul>
      {liste.length > HOECHSTENS && (
        <Text size={200} block>
          … und {liste.length - HOECHSTENS} weitere Änderungen
        </Text>
      )}
    </section>
  );
}
