/** The live seal of the open workbook, and the role its tables give it (the rules: live-siegel.ts). */
import { useEffect, useMemo, useRef, useState } from "react";
import type { SiegelUrteil } from "../../../shared/siegel";
import type { Abhaengigkeiten } from "../ablauf";
import { LiveSiegel, type LiveStand, type Sichtbarkeit } from "./live-siegel";

/** What an action tells the live seal: that it starts, and the seal it wrote when it ends. */
export interface AktionsMelder {
  beginnt(): void;
  /** The check's seal; null for an allocation or a refused write; undefined when it broke off. */
  endet(siegel: SiegelUrteil | null | undefined): void;
}

/**
 * The seal state of the open workbook when the pane opens, and again whenever an input table changes
 * (Excel's onChanged events; where they are missing, at most every 30 s while the pane is visible).
 */
export function useLiveSiegel(
  gateway: Abhaengigkeiten["gateway"],
  dienst: Abhaengigkeiten["dienst"] = null,
  sicht?: Sichtbarkeit,
) {
  const [stand, setStand] = useState<LiveStand>({ siegel: null, rolle: null, waehrendAktion: [] });
  const live = useRef<LiveSiegel | null>(null);
  useEffect(() => {
    const l = new LiveSiegel(gateway, dienst, setStand, sicht);
    live.current = l;
    void l.start();
    return () => l.stop();
  }, [gateway, dienst, sicht]);
  const aktion = useMemo<AktionsMelder>(
    () => ({
      beginnt: () => live.current?.aktionBeginnt(),
      endet: (s) => live.current?.aktionEndet(s),
    }),
    [],
  );
  return { ...stand, aktion };
}
