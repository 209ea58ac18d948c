/** The live seal of the open workbook, and the role its tables give it. */
import { useEffect, useState } from "react";
import type { Rolle } from "../../../shared/arbeitsmappe";
import type { SiegelUrteil } from "../../../shared/siegel";
import { mappenStand, type Abhaengigkeiten } from "../ablauf";

/**
 * The seal state of the open workbook when the pane opens, and again whenever an input table changes
 * (Excel's onChanged events; where they are missing, every 15 s): a live seal. `laeuft` marks the
 * action's own writes, which are not the user's edits.
 */
export function useLiveSiegel(
  gateway: Abhaengigkeiten["gateway"],
  laeuft: { current: boolean },
  dienst: Abhaengigkeiten["dienst"] = null,
) {
  const [siegel, setSiegel] = useState<SiegelUrteil | null>(null);
  const [rolle, setRolle] = useState<Rolle | null>(null);
  useEffect(() => {
    let aus = false;
    let zeitgeber: ReturnType<typeof setTimeout> | undefined;
    let abfrage: ReturnType<typeof setInterval> | undefined;
    const stand = () => {
      if (laeuft.current) return;
      mappenStand(gateway, dienst).then(
        (u) => {
          if (aus || laeuft.current) return;
          setSiegel(u.siegel);
          setRolle(u.rolle);
        },
        () => {},
      );
    };
    const bald = () => {
      clearTimeout(zeitgeber);
      zeitgeber = setTimeout(stand, 400);
    };
    stand();
    gateway.beobachte(bald).then(
      (art) => {
        if (art === "abfrage" && !aus) abfrage = setInterval(stand, 15_000);
      },
      () => {},
    );
    return () => {
      aus = true;
      clearTimeout(zeitgeber);
      clearInterval(abfrage);
    };
  }, [gateway, laeuft, dienst]);
  return { siegel, setSiegel, rolle };
}
