/** The symbol per severity, shown beside its word (never colour alone). */
import type { Schwere } from "../../../shared/befund";

export const SYMBOL: Record<Schwere, string> = { fehler: "✖", warnung: "⚠", hinweis: "ℹ" };
