/** F13: a year's Landesmittel below the Förderhöchstbetrag, with the Bemessungsgrundlage that would draw it all. */
import { befund } from "../../../befund";
import { formatEuro, formatProzent } from "../../../format";
import { teileDurchAnteil } from "../../../geld";
import { soBeheben } from "../../../regeln/katalog";
import { jahresregel, ortJahr } from "./jahresregel";

export const F13 = jahresregel({
  code: "F13",
  was: () => "Ausschöpfung",
  entscheide: ({ spanne: { landesmittel: L } }, _g, fhb) =>
    fhb === null
      ? "nicht_pruefbar"
      : L.hi !== null && L.hi < fhb
        ? "verletzt"
        : L.lo >= fhb
          ? "eingehalten"
          : "offen",
  befund: (j, k) => {
    // Only decided „verletzt“ with a Förderhöchstbetrag.
    const fhb = k.kreis.foerderhoechstbetrag!;
    const noetig = teileDurchAnteil(fhb, k.grenzen.landesquote_max);
    const L = j.spanne.landesmittel.hi!;
    return befund(
      "F13",
      `${j.jahr}: ${formatEuro(fhb - L)} des Förderhöchstbetrags ${formatEuro(fhb)} sind nicht beantragt (Landesmittel ${formatEuro(L)}). ${soBeheben(
        "F13",
        {
          noetig: formatEuro(noetig),
          fhb: formatEuro(fhb),
          grenze: formatProzent(k.grenzen.landesquote_max),
          bemessungsgrundlage: formatEuro(j.bemessungsgrundlage),
        },
      )}`,
      ortJahr("landesmittel"),
    );
  },
});
