/** F01: a year's Landesmittel above the rule set's share (70 %) of its Bemessungsgrundlage. */
import { befund } from "../../../befund";
import { formatEuro, formatProzent, formatProzentGegen } from "../../../format";
import { anteilAbgerundet, istUeberAnteil, teileDurchAnteil } from "../../../geld";
import { soBeheben } from "../../../regeln/katalog";
import { jahresregel, ortJahr, trotzUnlesbar } from "./jahresregel";

export const F01 = jahresregel({
  code: "F01",
  was: (g) => `${formatProzent(g.landesquote_max)}-Grenze`,
  entscheide: ({ spanne: { landesmittel: L, bemessungsgrundlage: BG } }, g) =>
    L.hi === 0
      ? "eingehalten"
      : BG.hi !== null && L.lo > 0 && istUeberAnteil(L.lo, BG.hi, g.landesquote_max)
        ? "verletzt"
        : L.hi !== null && !istUeberAnteil(L.hi, BG.lo, g.landesquote_max)
          ? "eingehalten"
          : "offen",
  befund: (j, k) => {
    const g = k.grenzen.landesquote_max;
    const L = j.spanne.landesmittel.lo;
    const BG = j.spanne.bemessungsgrundlage.hi!;
    const erlaubt = anteilAbgerundet(BG, g);
    const mind = j.spanne.landesmittel.hi === null ? "mindestens " : "";
    const hoechst = j.spanne.bemessungsgrundlage.lo !== BG ? "von höchstens " : "";
    const ungefaehr = mind !== "" || hoechst !== "" ? "über " : "";
    const quote = BG > 0 ? formatProzentGegen(L / BG, g) : null;
    const beheben = soBeheben("F01", {
      kuerzen: formatEuro(L - erlaubt),
      bemessungsgrundlage: formatEuro(teileDurchAnteil(L, g)),
    });
    return befund(
      "F01",
      `${j.jahr}: Landesmittel ${mind}${formatEuro(L)} sind ${quote === null ? "bei 0 € Bemessungsgrundlage" : `${ungefaehr}${quote}`} der Bemessungsgrundlage ${hoechst}${formatEuro(BG)}; zulässig sind höchstens ${formatProzent(g)} (${formatEuro(erlaubt)}). ${beheben}${trotzUnlesbar(j)}`,
      ortJahr("landesmittel"),
    );
  },
});
