import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { KeyboardEvent, ReactNode } from "react";
import type { BerichtZeile } from "../../../shared/arbeitsmappe";
import { TEXTE } from "../texte";
import type { ErgebnisProps } from "./props";
import { useGemeinsameStile } from "./stile";
import { SYMBOL } from "./symbole";

const useStyles = makeStyles({
  liste: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  befund: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: tokens.spacingHorizontalS,
    whiteSpace: "normal",
  },
  befundText: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // The theme's link colour: the browser's default blue is unreadable on Excel's dark theme.
  regelLink: {
    fontSize: tokens.fontSizeBase200,
    marginLeft: tokens.spacingHorizontalM,
    color: tokens.colorBrandForegroundLink,
  },
  // A finding that follows from the one above it (the same slip): indented under it.
  folge: {
    marginLeft: tokens.spacingHorizontalL,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  unsichtbar: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** Arrow keys (and Home/End) move between the findings; Tab leaves the list. */
function pfeiltasten(e: KeyboardEvent<HTMLUListElement>) {
  if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(e.key)) return;
  const knoepfe = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button:not([disabled])")];
  const jetzt = knoepfe.indexOf(document.activeElement as HTMLButtonElement);
  if (jetzt < 0 || knoepfe.length === 0) return;
  e.preventDefault();
  const naechster =
    e.key === "Home"
      ? 0
      : e.key === "End"
        ? knoepfe.length - 1
        : (jetzt + (e.key === "ArrowDown" ? 1 : -1) + knoepfe.length) % knoepfe.length;
  knoepfe[naechster]!.focus();
}

/** A finding's link to its rule: opens the rule list and moves there. */
function zeigeRegel(code: string) {
  return (ereignis: { preventDefault(): void }) => {
    ereignis.preventDefault();
    const liste = document.getElementById("regeln");
    if (liste instanceof HTMLDetailsElement) liste.open = true;
    const ziel = document.getElementById(`regel-${code}`);
    ziel?.scrollIntoView({ block: "nearest" });
    ziel?.focus();
  };
}

/**
/**
 * The findings in the core's order, each a button that selects its cell, with what to do and a link
 * to its rule; a finding that follows from a slip stands indented under the slip's own finding;
 * `zusatz` puts a finding's own action beside it (K03's take-over).
 */
export function Befundliste({
  e,
  veraltet,
  sprache,
  waehle,
  zusatz,
}: ErgebnisProps & { zusatz?: (b: BerichtZeile) => ReactNode }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const g = useGemeinsameStile();
  return (
    <>
      <Text as="h3" size={400} weight="semibold" block>
        {t.befundeVon(e.aktion)}
      </Text>
      {e.befunde.length === 0 ? (
        <Text>
          {e.aktion === "verteilen"
            ? t.keineVerteilungsbefunde
            : veraltet
              ? t.keineBefundeDamals
              : t.keineBefunde}
        </Text>
      ) : (
        <ul className={s.liste} data-testid="befunde" aria-label={t.befunde} onKeyDown={pfeiltasten}>
          {e.befunde.map((b, i) => (
            <li key={`${b.regel}-${i}`} className={b.folge ? s.folge : undefined} data-folge={b.folge}>
              <Button
                appearance="subtle"
                className={s.befund}
                disabled={!b.zelle}
                onClick={() => b.zelle && void waehle(b.blatt, b.zelle)}
              >
                <span className={s.befundText}>
                  <Text weight="semibold">
                    {SYMBOL[b.schwere]} {t.schwere[b.schwere]} · {b.regel}
                    {b.zelle ? ` · ${b.blatt}!${b.zelle}` : ""}
                  </Text>
                  <Text size={200}>{b.meldung}</Text>
                  {b.beheben && (
                    <Text size={200} className={g.klein}>
                      {t.soBeheben}: {b.beheben}
                    </Text>
                  )}
                  {b.zelle && <span className={s.unsichtbar}> – {t.zelleWaehlen}</span>}
                </span>
              </Button>
              <a href={`#regel-${b.regel}`} onClick={zeigeRegel(b.regel)} className={s.regelLink}>
                {t.regelErklaeren(b.regel)}
              </a>
              {zusatz?.(b)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
