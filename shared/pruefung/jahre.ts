/**
 * Per Förderjahr: the sums, and the bounds that hold whatever the unreadable cells hold. The sum rules
 * (regeln/jahr/) decide on these bounds: broken for certain, kept for certain, or open — never skipped
 * because some other cell is unreadable.
 */
import type { Cent } from "../geld";
import type { Jahreswerte } from "./kontext";
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
