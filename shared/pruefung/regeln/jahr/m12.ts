/** M12: the Kreis itself receives more than half of a year's Landesmittel (Trägerpluralität). */
import { befund } from "../../../befund";
import { formatEuro, formatProzent } from "../../../format";
import { jahresregel } from "./jahresregel";

export const M12 = jahresregel({
  code: "M12",
  was: () => "Anteil des Kreises",
  entscheide: ({ spanne: { landesmittel: L, landesmittelKreisSelbst: KS } }) =>
    L.hi === 0 || KS.hi === 0
      ? "eingehalten"
      : L.hi !== null && KS.lo * 2 > L.hi
        ? "verletzt"
        : KS.hi !== null && KS.hi * 2 <= L.lo
          ? "eingehalten"
          : "offen",
  befund: (j) =>
    befund(
      "M12",
      `${j.jahr}: der Kreis selbst erhält ${formatEuro(j.landesmittelKreisSelbst)} von ${formatEuro(j.landesmittel)} Landesmitteln (${formatProzent(j.landesmittelKreisSelbst / j.landesmittel, "de", 1)}): Trägerpluralität und Vorrang freier Träger begründen.`,
      { tabelle: "massnahmen", spalte: "traegerart" },
    ),
});
