/** F03: a year's Eigenanteil (Eigenmittel Kreis + Anteil Gemeinden) below the rule set's share (30 %). */
import { befund } from "../../../befund";
import { formatEuro, formatProzent, formatProzentGegen } from "../../../format";
import { anteilAufgerundet, istUnterAnteil } from "../../../geld";
import { soBeheben } from "../../../regeln/katalog";
import { jahresregel, ortJahr, trotzUnlesbar } from "./jahresregel";

export const F03 = jahresregel({
  code: "F03",
  was: (g) => `Eigenanteil ${formatProzent(g.eigenanteil_min)}`,
  entscheide: ({ spanne: { bemessungsgrundlage: BG, eigenanteil: E } }, g) =>
    BG.hi === 0
      ? "eingehalten"
      : E.hi !== null && BG.lo > 0 && istUnterAnteil(E.hi, BG.lo, g.eigenanteil_min)
        ? "verletzt"
        : BG.hi !== null && !istUnterAnteil(E.lo, BG.hi, g.eigenanteil_min)
          ? "eingehalten"
          : "offen",
  befund: (j, k) => {
    const g = k.grenzen.eigenanteil_min;
    const E = j.spanne.eigenanteil.hi!;
    const BG = j.spanne.bemessungsgrundlage.lo;
    const noetig = anteilAufgerundet(BG, g);
    const beheben = soBeheben("F03", { fehlt: formatEuro(noetig - E) });
    return befund(
      "F03",
      `${j.jahr}: Eigenanteil ${j.spanne.eigenanteil.lo !== E ? "höchstens " : ""}${formatEuro(E)} (Eigenmittel Kreis + Anteil Gemeinden) ist ${j.spanne.eigenanteil.lo !== E || j.spanne.bemessungsgrundlage.hi !== BG ? "unter " : ""}${formatProzentGegen(E / BG, g)} der Bemessungsgrundlage ${j.spanne.bemessungsgrundlage.hi !== BG ? "von mindestens " : ""}${formatEuro(BG)}; nötig sind mindestens ${formatProzent(g)} (${formatEuro(noetig)}). ${beheben}${trotzUnlesbar(j)}`,
      ortJahr("eigenmittel_kreis"),
    );
  },
});
