/**
 * The task pane: two actions, progress, the counts per severity, the rule set and who computed, and
 * the findings — a click (or Enter) selects the finding's cell in Excel.
 */
import {
  Button,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";
import { formatEuro } from "../../shared/format";
import { ausschoepfungText, ganzeProzent, type Ausschoepfung } from "../../shared/arbeitsmappe/diagramme";
import type { Schwere } from "../../shared/befund";
import { REGELN, WORTLAUT, behebenText, regelTitel } from "../../shared/regeln/katalog";
import { istRegelwerkId, REGELWERKE, regelwerkFuerJahr } from "../../shared/regelwerke";
import {
  finanzplanPruefen,
  foerderhoechstbetraegeBerechnen,
  type Abhaengigkeiten,
  type Ergebnis,
  type Schritt,
} from "./ablauf";
import { excelFehlerText } from "./gateway/fehler";
import type { Rolle } from "../../shared/arbeitsmappe";
import { ortszeit, siegelText, type SiegelUrteil } from "../../shared/siegel";
import { aufteilungText } from "./aufteilung";
import { TEXTE, type Sprache } from "./texte";
import { useAktion, type Absturz } from "./hooks/useAktion";
import { useLiveSiegel } from "./hooks/useLiveSiegel";

const useStyles = makeStyles({
  wurzel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  aktionen: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  zaehler: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  zahl: {
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
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
  klein: { color: tokens.colorNeutralForeground3 },
  regelLink: { fontSize: tokens.fontSizeBase200, marginLeft: tokens.spacingHorizontalM },
  regeln: { marginTop: tokens.spacingVerticalS },
  regel: { marginBottom: tokens.spacingVerticalS },
  ergebnis: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  siegel: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
  },
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

const SYMBOL: Record<Schwere, string> = { fehler: "✖", warnung: "⚠", hinweis: "ℹ" };

export function App({
  abh,
  sprache = "de",
}: {
  abh: Omit<Abhaengigkeiten, "fortschritt">;
  sprache?: Sprache;
}) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const laeuft = useRef(false);
  const { siegel, setSiegel, rolle } = useLiveSiegel(abh.gateway, laeuft);
  const { schritt, teil, ergebnis, absturz, ansage, setAnsage, starte } = useAktion(
    abh,
    sprache,
    laeuft,
    setSiegel,
  );
  const [auswahlFehler, setAuswahlFehler] = useState<string | null>(null);
  const waehle = (b: string, z: string) =>
    abh.gateway.waehleZelle(b, z).then(
      () => {
        setAuswahlFehler(null);
        setAnsage(t.ausgewaehlt(`${b}!${z}`));
      },
      () => {
        setAuswahlFehler(t.nichtWaehlbar(`${b}!${z}`));
        setAnsage(t.nichtWaehlbar(`${b}!${z}`));
      },
    );

  return (
    <main className={s.wurzel} lang={sprache}>
      <header>
        <Text as="h1" size={500} weight="semibold" block>
          {t.titel}
        </Text>
        <Text size={200} className={s.klein} block>
          {t.untertitel}
        </Text>
      </header>
      <Aktionen rolle={rolle} laeuft={schritt !== null} starte={starte} sprache={sprache} />
      <SiegelZeile siegel={siegel} laeuft={schritt !== null} starte={starte} sprache={sprache} />
      {schritt && <Fortschritt schritt={schritt} teil={teil} sprache={sprache} />}
      <div
        aria-live="polite"
        role="status"
        data-testid="ansage"
        style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}
      >
        {ansage}
      </div>
      <Meldungen absturz={absturz} auswahlFehler={auswahlFehler} ergebnis={ergebnis} sprache={sprache} />
      <Regelliste
        regelwerk={
          ergebnis?.art === "ok"
            ? (ergebnis.regelwerk.split(" ")[0] ?? "")
            : regelwerkFuerJahr(new Date().getFullYear()).id
        }
        sprache={sprache}
      />
      {ergebnis?.art === "ok" && (
        <ErgebnisAnsicht
          e={ergebnis}
          veraltet={ergebnis.aktion === "pruefen" && siegel?.art === "geaendert"}
          sprache={sprache}
          setze={(b, z, wert) => abh.gateway.setzeEingabe(b, z, wert)}
          ansagen={setAnsage}
          waehle={waehle}
        />
      )}
    </main>
  );
}

/** What a part of the pane that starts an action needs: whether one runs, how to start one, the language. */
interface StartProps {
  laeuft: boolean;
  starte: (a: typeof finanzplanPruefen) => Promise<void>;
  sprache: Sprache;
}

/**
 * The two actions; the one that fits the workbook first and primary: the ministry's allocation workbook
 * leads with the allocation, a Kreis plan (or both, or an empty template) with the check.
 */
function Aktionen({ rolle, laeuft, starte, sprache }: StartProps & { rolle: Rolle | null }) {
  const t = TEXTE[sprache];
  const s = useStyles();
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
        <Text size={200} block className={s.klein} data-testid="rolle">
          {t.rolle[rolle]}
        </Text>
      )}
    </>
  );
}

/** The live seal in one line, with „neu prüfen“ where the workbook changed since the check. */
function SiegelZeile({ siegel, laeuft, starte, sprache }: StartProps & { siegel: SiegelUrteil | null }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  if (!siegel) return null;
  return (
    <div className={s.siegel} data-testid="siegel">
      <Text size={200}>
        {siegel.art === "gueltig" ? "🔒" : siegel.art === "kein_siegel" ? "○" : "⚠"} {siegelText(siegel)}
      </Text>
      {siegel.art !== "gueltig" && siegel.art !== "kein_siegel" && (
        <Button size="small" disabled={laeuft} onClick={() => void starte(finanzplanPruefen)}>
          {t.neuPruefen}
        </Button>
      )}
    </div>
  );
}

function Fortschritt({
  schritt,
  teil,
  sprache,
}: {
  schritt: Schritt;
  teil: number | null;
  sprache: Sprache;
}) {
  const t = TEXTE[sprache];
  return (
    <div aria-busy="true">
      <ProgressBar
        aria-label={t.schritt[schritt]}
        value={schritt === "lesen" ? 0.2 : schritt === "rechnen" ? 0.55 : 0.85}
      />
      <Text size={200}>
        {t.schritt[schritt]}
        {teil !== null && ` (${t.teil(teil)})`}
      </Text>
    </div>
  );
}

/** Why an action broke off (Excel's error in German), a cell that could not be selected, a refused read. */
function Meldungen({
  absturz,
  auswahlFehler,
  ergebnis,
  sprache,
}: {
  absturz: Absturz | null;
  auswahlFehler: string | null;
  ergebnis: Ergebnis | null;
  sprache: Sprache;
}) {
  const t = TEXTE[sprache];
  const s = useStyles();
  return (
    <>
      {absturz && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.abbruch[absturz.aktion]}</MessageBarTitle>
            {absturz.text}
            <Text size={100} block className={s.klein}>
              {t.details}: {absturz.details}
            </Text>
          </MessageBarBody>
        </MessageBar>
      )}
      {auswahlFehler && (
        <MessageBar intent="warning" data-testid="auswahl-fehler">
          <MessageBarBody>{auswahlFehler}</MessageBarBody>
        </MessageBar>
      )}
      {ergebnis?.art === "fehler" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.fehlerTitel[ergebnis.aktion][ergebnis.grund]}</MessageBarTitle>
            <ul>
              {ergebnis.meldungen.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** Per year: how much of the Förderhöchstbetrag the plan draws, and the split of its base (70/30). */
function Ausschoepfungen({ liste, sprache }: { liste: readonly Ausschoepfung[]; sprache: Sprache }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  return (
    <section aria-label={t.ausschoepfung} className={s.balken} data-testid="ausschoepfung">
      <Text as="h2" size={400} weight="semibold" block>
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

/**
 * K03's take-over: the ministry's Förderhöchstbetrag into the Parameter cell — the one write into an
 * input cell, only on the user's click, said so, and undone by „Rückgängig“ (Excel's own undo does not
 * cover an add-in's writes).
 */
function Uebernahme({
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
    <div data-testid="uebernahme">
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
        <Button
          size="small"
          onClick={() =>
            void schreibe(u.neu_eur, "uebernommen", t.uebernommen(euro(u.alt_eur), euro(u.neu_eur), ort))
          }
        >
          {t.uebernehmen(euro(u.neu_eur))}
        </Button>
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

/** What the parts of a result need: the result, whether it is stale, the language, how to select a cell. */
interface ErgebnisProps {
  e: Extract<Ergebnis, { art: "ok" }>;
  /** The tables changed since this check: its result no longer describes them. */
  veraltet: boolean;
  sprache: Sprache;
  waehle: (blatt: string, zelle: string) => Promise<void>;
}

/**
 * „Welche Regeln gelten?“: every rule of the rule set with its code, severity, title, what to do and,
 * where the programme's documents state it, their words. Findings link here.
 */
function Regelliste({ regelwerk, sprache }: { regelwerk: string; sprache: Sprache }) {
  const t = TEXTE[sprache];
  const s = useStyles();
  const rw = istRegelwerkId(regelwerk) ? REGELWERKE[regelwerk] : null;
  if (!rw) return null;
  return (
    <details id="regeln" className={s.regeln} data-testid="regeln">
      <summary>{t.regelnTitel}</summary>
      <Text size={200} block className={s.klein}>
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
                  <Text size={200} block className={s.klein}>
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

function ErgebnisAnsicht({
  e,
  veraltet,
  sprache,
  waehle,
  setze,
  ansagen,
}: ErgebnisProps & {
  setze: (blatt: string, zelle: string, wert: number) => Promise<void>;
  ansagen: (text: string) => void;
}) {
  const t = TEXTE[sprache];
  const s = useStyles();
  return (
    <section aria-label={t.befunde} className={s.ergebnis}>
      <Text size={300} weight="semibold" block data-testid="ergebnis-vom">
        {t.ergebnisVom(e.aktion, ortszeit(e.zeit))}
      </Text>
      {veraltet && (
        <MessageBar intent="warning" data-testid="veraltet">
          <MessageBarBody>{t.veraltet}</MessageBarBody>
        </MessageBar>
      )}
      <Zaehler e={e} sprache={sprache} />
      {e.uebernahme && <Uebernahme u={e.uebernahme} sprache={sprache} setze={setze} ansagen={ansagen} />}
      {e.ausschoepfung && e.ausschoepfung.length > 0 && (
        <Ausschoepfungen liste={e.ausschoepfung} sprache={sprache} />
      )}
      {e.diagramm && (
        <Button
          size="small"
          appearance="secondary"
          data-testid="diagramm-zeigen"
          onClick={() => void waehle(e.diagramm!.blatt, e.diagramm!.zelle)}
        >
          {t.diagrammZeigen(e.diagramm.blatt)}
        </Button>
      )}
      <Divider />
      <Befundliste e={e} veraltet={veraltet} sprache={sprache} waehle={waehle} />
      <Text size={200} block className={s.klein}>
        {t.ausgabeHinweis}
      </Text>
    </section>
  );
}

/** The findings, each a button that selects its cell, with what to do and a link to its rule. */
function Befundliste({ e, veraltet, sprache, waehle }: ErgebnisProps) {
  const t = TEXTE[sprache];
  const s = useStyles();
  return (
    <>
      <Text as="h2" size={400} weight="semibold" block>
        {t.befunde}
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
            <li key={`${b.regel}-${i}`}>
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
                    <Text size={200} className={s.klein}>
                      {t.soBeheben}: {b.beheben}
                    </Text>
                  )}
                  {b.zelle && <span className={s.unsichtbar}> – {t.zelleWaehlen}</span>}
                </span>
              </Button>
              <a href={`#regel-${b.regel}`} onClick={zeigeRegel(b.regel)} className={s.regelLink}>
                {t.regelErklaeren(b.regel)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The counts per severity (symbol and word, never colour alone), the rule set and who computed. */
function Zaehler({ e, sprache }: { e: Extract<Ergebnis, { art: "ok" }>; sprache: Sprache }) {
  const t = TEXTE[sprache];
  const s = useStyles();
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
      <Text size={200} block className={s.klein} data-testid="quelle">
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
