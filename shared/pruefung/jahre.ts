/**
 * Per Förderjahr: the sums and the decisions of the sum rules (F01, F02, F03, F13, M12). A rule is
 * decided on what can be read: broken for certain (even with the unreadable cells at their most
 * favourable value), kept for certain, or open — never skipped because some other cell is unreadable.
 */
import type { Cent } from "../geld";
import { istUeberAnteil, istUnterAnteil } from "../geld";
import type { Grenzen } from "../regelwerke";
import type { Entscheid, Jahresregel, Jahreswerte } from "./kontext";
import {
  EIGENANTEIL,
  ZUWENDUNGSFAEHIG,
  type GeleseneFinanzzeile,
  type GeleseneMassnahme,
  type Spanne,
} from "./lesen";

const plus = (a: Spanne, b: Spanne): Spanne => ({
  lo: a.lo + b.lo,
  hi: a.hi === null || b.hi === null ? null : a.hi + b.hi,
});
const NULL_SPANNE: Spanne = { lo: 0, hi: 0 };

export function jahreswerte(
  finanzplan: readonly GeleseneFinanzzeile[],
  massnahmeNachNr: ReadonlyMap<string, GeleseneMassnahme>,
): Map<number, Jahreswerte> {
  const jahre = new Map<number, Jahreswerte>();
  for (const z of finanzplan) {
    if (z.jahr === null) continue;
    let j = jahre.get(z.jahr);
    if (!j) {
      j = {
        jahr: z.jahr,
        vollstaendig: true,
        zeilen: 0,
        unlesbar: [],
        gesamtausgaben: 0,
        zuwendungsfaehig: 0,
        investitionen: 0,
        drittmittel: 0,
        bemessungsgrundlage: 0,
        landesmittel: 0,
        eigenmittel_kreis: 0,
        anteil_gemeinden: 0,
        eigenanteil: 0,
        landesmittelKreisSelbst: 0,
        spanne: {
          landesmittel: NULL_SPANNE,
          bemessungsgrundlage: NULL_SPANNE,
          eigenanteil: NULL_SPANNE,
          landesmittelKreisSelbst: NULL_SPANNE,
        },
      };
      jahre.set(z.jahr, j);
    }
    j.zeilen++;
    const b = z.betraege;
    const n = (c: Cent | null) => c ?? 0;
    const zf = ZUWENDUNGSFAEHIG.reduce<Cent>((s, f) => s + n(b[f]), 0);
    j.zuwendungsfaehig += zf;
    j.gesamtausgaben += zf + n(b.investitionen);
    j.investitionen += n(b.investitionen);
    j.drittmittel += n(b.drittmittel);
    j.bemessungsgrundlage += z.bemessungsgrundlage ?? z.spanne.bemessungsgrundlage.lo;
    j.landesmittel += n(b.landesmittel);
    j.eigenmittel_kreis += n(b.eigenmittel_kreis);
    j.anteil_gemeinden += n(b.anteil_gemeinden);
    j.eigenanteil += EIGENANTEIL.reduce<Cent>((s, f) => s + n(b[f]), 0);
    const kreisSelbst = z.nr !== null && massnahmeNachNr.get(z.nr)?.traegerart === "kreis";
    if (kreisSelbst) j.landesmittelKreisSelbst += n(b.landesmittel);
    const s = j.spanne;
    s.landesmittel = plus(s.landesmittel, z.spanne.landesmittel);
    s.bemessungsgrundlage = plus(s.bemessungsgrundlage, z.spanne.bemessungsgrundlage);
    s.eigenanteil = plus(s.eigenanteil, z.spanne.eigenanteil);
    if (kreisSelbst) s.landesmittelKreisSelbst = plus(s.landesmittelKreisSelbst, z.spanne.landesmittel);
    if (!z.vollstaendig) {
      j.vollstaendig = false;
      j.unlesbar.push(z);
    }
  }
  return jahre;
}

/** Each sum rule's outcome per year, from the bounds. */
export function entscheide(
  j: Jahreswerte,
  grenzen: Grenzen,
  foerderhoechstbetrag: Cent | null,
): Record<Jahresregel, Entscheid> {
  const { landesmittel: L, bemessungsgrundlage: BG, eigenanteil: E, landesmittelKreisSelbst: KS } = j.spanne;
  const q = grenzen.landesquote_max;
  const F01: Entscheid =
    L.hi === 0
      ? "eingehalten"
      : BG.hi !== null && L.lo > 0 && istUeberAnteil(L.lo, BG.hi, q)
        ? "verletzt"
        : L.hi !== null && !istUeberAnteil(L.hi, BG.lo, q)
          ? "eingehalten"
          : "offen";
  const fhb = foerderhoechstbetrag;
  const F02: Entscheid =
    fhb === null
      ? "nicht_pruefbar"
      : L.lo > fhb
        ? "verletzt"
        : L.hi !== null && L.hi <= fhb
          ? "eingehalten"
          : "offen";
  const e = grenzen.eigenanteil_min;
  const F03: Entscheid =
    BG.hi === 0
      ? "eingehalten"
      : E.hi !== null && BG.lo > 0 && istUnterAnteil(E.hi, BG.lo, e)
        ? "verletzt"
        : BG.hi !== null && !istUnterAnteil(E.lo, BG.hi, e)
          ? "eingehalten"
          : "offen";
  const F13: Entscheid =
    fhb === null
      ? "nicht_pruefbar"
      : L.hi !== null && L.hi < fhb
        ? "verletzt"
        : L.lo >= fhb
          ? "eingehalten"
          : "offen";
  const M12: Entscheid =
    L.hi === 0 || KS.hi === 0
      ? "eingehalten"
      : L.hi !== null && KS.lo * 2 > L.hi
        ? "verletzt"
        : KS.hi !== null && KS.hi * 2 <= L.lo
          ? "eingehalten"
          : "offen";
  return { F01, F02, F03, F13, M12 };
}
