/** Running one of the pane's two actions: progress, result, break-off and what a screen reader hears. */
import { useState } from "react";
import { formatEuro } from "../../../shared/format";
import { finanzplanPruefen, type Abhaengigkeiten, type Aktion, type Ergebnis, type Schritt } from "../ablauf";
import { excelFehlerText } from "../gateway/fehler";
import { TEXTE, type Sprache } from "../texte";
import type { AktionsMelder } from "./useLiveSiegel";

/** Why an action broke off: which one, Excel's error in German, and its details. */
export type Absturz = { aktion: Aktion; text: string; details: string };

/** An action's run: its step and chunk, its result or why it broke off, and what a screen reader hears. */
export function useAktion(abh: Omit<Abhaengigkeiten, "fortschritt">, sprache: Sprache, live: AktionsMelder) {
  const t = TEXTE[sprache];
  const [schritt, setSchritt] = useState<Schritt | null>(null);
  const [teil, setTeil] = useState<number | null>(null);
  const [ergebnis, setErgebnis] = useState<Ergebnis | null>(null);
  const [absturz, setAbsturz] = useState<Absturz | null>(null);
  const [ansage, setAnsage] = useState("");
  async function starte(aktion: typeof finanzplanPruefen) {
    setErgebnis(null);
    setAbsturz(null);
    live.beginnt();
    let siegel: Parameters<AktionsMelder["endet"]>[0] = undefined;
    try {
      const e = await aktion({
        ...abh,
        fortschritt: (schritt, n) => {
          setSchritt(schritt);
          setTeil(n ?? null);
        },
      });
      setErgebnis(e);
      siegel = e.art === "ok" && e.siegel ? e.siegel : null;
      setAnsage(e.art === "ok" ? fertigAnsage(e, sprache) : t.fehlerTitel[e.aktion][e.grund]);
    } catch (e) {
      const art: Aktion = aktion === finanzplanPruefen ? "pruefen" : "verteilen";
      setAbsturz({ aktion: art, ...excelFehlerText(e) });
      setAnsage(t.abbruch[art]);
    } finally {
      live.endet(siegel);
      setSchritt(null);
      setTeil(null);
    }
  }
  return { schritt, teil, ergebnis, absturz, ansage, setAnsage, starte };
}

/** What a screen reader hears when an action finished: the counts, or the sum allocated. */
function fertigAnsage(e: Extract<Ergebnis, { art: "ok" }>, sprache: Sprache): string {
  const t = TEXTE[sprache];
  if (e.aktion === "pruefen") return t.fertig(e.anzahl.fehler, e.anzahl.warnung, e.anzahl.hinweis);
  return e.summe_eur === null || e.summe_eur === undefined
    ? t.nichtVerteilt
    : t.verteilt(formatEuro(Math.round(e.summe_eur * 100), sprache));
}
