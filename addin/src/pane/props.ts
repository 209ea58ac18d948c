/** The props that several parts of the pane share. */
import type { Ergebnis, finanzplanPruefen } from "../ablauf";
import type { Sprache } from "../texte";

/** What a part of the pane that starts an action needs: whether one runs, how to start one, the language. */
export interface StartProps {
  laeuft: boolean;
  starte: (a: typeof finanzplanPruefen) => Promise<void>;
  sprache: Sprache;
}

/** What the parts of a result need: the result, whether it is stale, the language, how to select a cell. */
export interface ErgebnisProps {
  e: Extract<Ergebnis, { art: "ok" }>;
  /** The tables changed since this check: its result no longer describes them. */
  veraltet: boolean;
  sprache: Sprache;
  waehle: (blatt: string, zelle: string) => Promise<void>;
}
