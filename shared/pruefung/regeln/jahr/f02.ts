/** F02: a year's Landesmittel above the Kreis's Förderhöchstbetrag. */
import { befund } from "../../../befund";
import { formatEuro } from "../../../format";
import { jahresregel, ortJahr, trotzUnlesbar } from "./jahresregel";

export const F02 = jahresregel({
  code: "F02",
  was: () => "Förderhöchstbetrag",
  entscheide: ({ spanne: { landesmittel: L } }, _g, fhb) =>
    fhb === null
      ? "nicht_pruefbar"
      : L.lo > fhb
        ? "verletzt"
        : L.hi !== null && L.hi <= fhb
          ? "eingehalten"
          : "offen",
  befund: (j, k) => {
    // Only decided „verletzt“ with a Förderhöchstbetrag.
    const fhb = k.kreis.foerderhoechstbetrag!;
    const L = j.spanne.landesmittel.lo;
    return befund(
      "F02",
      `${j.jahr}: Landesmittel ${j.spanne.landesmittel.hi === null ? "mindestens " : ""}${formatEuro(L)} übersteigen den Förderhöchstbetrag ${formatEuro(fhb)} um ${formatEuro(L - fhb)}.${trotzUnlesbar(j)}`,
      ortJahr("landesmittel"),
    );
  },
});
