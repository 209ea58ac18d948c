/** F14: a sum rule that cannot be decided for a year because of unreadable cells: said, never skipped. */
import { befund } from "../../../befund";
import type { Regel } from "../../kontext";
import { JAHRESREGELN } from "./index";
import { unlesbarText } from "./jahresregel";

export const F14: Regel = {
  code: "F14",
  pruefe: (k) =>
    // k.jahre is in year order.
    [...k.jahre.values()].flatMap((j) => {
      const offen = JAHRESREGELN.filter((r) => k.entscheide.get(j.jahr)?.[r.code] === "offen");
      const erste = j.unlesbar[0];
      if (offen.length === 0 || !erste) return [];
      const regeln = offen.map((r) => `${r.code} (${r.was(k.grenzen)})`).join(", ");
      return [
        befund(
          "F14",
          `${offen.map((r) => r.code).join(", ")} für ${j.jahr} nicht abschließend prüfbar: ${unlesbarText(j)}. Das Ergebnis von ${regeln} hängt von diesen Zellen ab: sie als Betrag eintragen (z. B. 12000 oder 12.000,00 €) und erneut prüfen.`,
          { tabelle: "finanzplan", zeile: erste.zeile, spalte: erste.probleme[0]?.feld ?? "landesmittel" },
        ),
      ];
    }),
};
