/**
 * The region hierarchy (`gehoert_zu`): which regions are leaves that receive shares, which are sums,
 * and what is wrong with the table's structure (keys twice, unknown or circular parents).
 */
import { befund, type Befund } from "../befund";
import type { Region } from "./schema";

export interface Hierarchie {
  /** Index of each region's parent, or -1. */
  eltern: number[];
  /** Children indices per region. */
  kinder: number[][];
  /** Indices of the regions without children, in input order. */
  blaetter: number[];
  befunde: Befund[];
}

export function regionText(region: Pick<Region, "schluessel" | "name">): string {
  return region.name ? `${region.name} (${region.schluessel})` : region.schluessel;
}

/**
 * Resolves `gehoert_zu`. `doppelteAlsI01`: on the Zuwendungsempfänger level a Kreis twice is I01; on
 * any other level a key twice is I11.
 */
export function baueHierarchie(regionen: readonly Region[], doppelteAlsI01: boolean): Hierarchie {
  const befunde: Befund[] = [];
  const index = new Map<string, number>();
  regionen.forEach((r, i) => {
    const schluessel = r.schluessel.trim();
    const erste = index.get(schluessel);
    if (erste === undefined) {
      index.set(schluessel, i);
      return;
    }
    const text = regionText(r);
    befunde.push(
      befund(
        doppelteAlsI01 ? "I01" : "I11",
        `${text} steht doppelt in der Regionstabelle (Zeilen ${erste + 1} und ${i + 1}).`,
        { tabelle: "regionen", zeile: i + 1, spalte: "schluessel" },
        "fehler",
      ),
    );
  });

  const eltern = regionen.map(() => -1);
  const kinder: number[][] = regionen.map(() => []);
  regionen.forEach((r, i) => {
    const ziel = r.gehoert_zu?.trim();
    if (!ziel) return;
    const j = index.get(ziel);
    if (j === undefined || j === i) {
      befunde.push(
        befund(
          "I11",
          j === i
            ? `${regionText(r)} gehört zu sich selbst.`
            : `${regionText(r)} gehört zu „${ziel}“, aber diese Region steht nicht in der Tabelle.`,
          { tabelle: "regionen", zeile: i + 1, spalte: "gehoert_zu" },
        ),
      );
      return;
    }
    eltern[i] = j;
    kinder[j]!.push(i);
  });

  // Cycles: walk up from each region; 0 = unseen, 1 = on the current path, 2 = done.
  const zustand = new Uint8Array(regionen.length);
  for (let start = 0; start < regionen.length; start++) {
    const pfad: number[] = [];
    let k = start;
    while (k !== -1 && zustand[k] === 0) {
      zustand[k] = 1;
      pfad.push(k);
      k = eltern[k]!;
    }
    if (k !== -1 && zustand[k] === 1) {
      const kreis = pfad.slice(pfad.indexOf(k));
      const namen = kreis.map((x) => regionText(regionen[x]!)).join(" → ");
      befunde.push(
        befund("I11", `Zirkuläre Zuordnung: ${namen} → …`, {
          tabelle: "regionen",
          zeile: k + 1,
          spalte: "gehoert_zu",
        }),
      );
      for (const x of kreis) eltern[x] = -1; // cut the cycle so later walks terminate
    }
    for (const x of pfad) zustand[x] = 2;
  }

  const blaetter: number[] = [];
  kinder.forEach((k, i) => {
    if (k.length === 0) blaetter.push(i);
  });
  return { eltern, kinder, blaetter, befunde };
}
