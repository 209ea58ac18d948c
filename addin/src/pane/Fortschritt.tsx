import { ProgressBar, Text } from "@fluentui/react-components";
import type { Schritt } from "../ablauf";
import { TEXTE, type Sprache } from "../texte";

/** The running action's step as a progress bar and in words, with the chunk being written. */
export function Fortschritt({
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
