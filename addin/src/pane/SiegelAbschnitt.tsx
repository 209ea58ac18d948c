import { Text } from "@fluentui/react-components";
import type { ComponentProps } from "react";
import { TEXTE } from "../texte";
import { SiegelZeile } from "./SiegelZeile";

/**
 * The live seal under a heading of its own, „Prüfsiegel der Arbeitsmappe (Stand jetzt)“: its counts
 * are the workbook's now, never mistaken for the counts of the result below, which name their action.
 */
export function SiegelAbschnitt(props: ComponentProps<typeof SiegelZeile>) {
  if (!props.siegel) return null;
  return (
    <section aria-labelledby="siegel-titel" data-testid="siegel-bereich">
      <Text as="h2" id="siegel-titel" size={200} weight="semibold" block>
        {TEXTE[props.sprache].siegelTitel}
      </Text>
      <SiegelZeile {...props} />
    </section>
  );
}
