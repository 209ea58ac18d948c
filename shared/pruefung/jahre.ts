/**
 * Per Förderjahr: the sums, and the bounds that hold whatever the unreadable cells hold. The sum rules
 * (regeln/jahr/) decide on these bounds: broken for certain, kept for certain, or open — never skipped
 * because some other cell is unreadable.
 */
import type { Betragsfeld } from "../arbeitsmappe/layout";
import type { Cent } from "../geld";
import type { Jahreswerte } from "./kontext";
import { EIGENANTEIL, ZUWENDUNGSFAEHIG } from "./betraege";
import type { GeleseneFinanzzeile, Spanne } from "./lesen";

/** Adds b to the year's bound a (a is the year's own object). */
function plus(a: Spanne, b: Spanne): void {
  a.lo += b.lo;
  a.hi = a.hi === null || b.hi === null ? null : a.hi + b.hi;
}
/** Adds an exact amount (a complete row's) to the year's bound a. */
function plusWert(a: Spanne, wert: Cent): void {
  a.lo += wert;
  if (a.hi !== null) a.hi += wert;
}
const n = (c: Cent | null): Cent => c ?? 0;
const summe = (b: GeleseneFinanzzeile["betraege"], felder: readonly Betragsfeld[]): Cent => {
  let s = 0;
  for (const f of felder) s += b[f] ?? 0;
  return s;
};

/** Each Förderjahr's sums and bounds, in year order. */
export function jahreswerte(finanzplan: readonly GeleseneFinanzzeile[]): Map<number, Jahreswerte> {
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
          landesmittel: { lo: 0, hi: 0 },
          bemessungsgrundlage: { lo: 0, hi: 0 },
          eigenanteil: { lo: 0, hi: 0 },
          landesmittelKreisSelbst: { lo: 0, hi: 0 },
        },
      };
      jahre.set(z.jahr, j);
    }
    j.zeilen++;
    const b = z.betraege;
    // A complete row has its sums already; an incomplete one adds its readable cells.
    const zf = z.zuwendungsfaehig ?? summe(b, ZUWENDUNGSFAEHIG);
    j.zuwendungsfaehig += zf;
    j.gesamtausgaben += zf + n(b.investitionen);
    j.investitionen += n(b.investitionen);
    j.drittmittel += n(b.drittmittel);
    const zs = z.spanne;
    j.bemessungsgrundlage += z.bemessungsgrundlage ?? zs!.bemessungsgrundlage.lo;
    j.landesmittel += n(b.landesmittel);
    j.eigenmittel_kreis += n(b.eigenmittel_kreis);
    j.anteil_gemeinden += n(b.anteil_gemeinden);
    j.eigenanteil += z.eigenanteil ?? summe(b, EIGENANTEIL);
    const kreisSelbst = z.massnahme?.traegerart === "kreis";
    if (kreisSelbst) j.landesmittelKreisSelbst += n(b.landesmittel);
    const s = j.spanne;
    if (zs === null) {
      // A complete row: its bounds are its values.
      plusWert(s.landesmittel, b.landesmittel!);
      plusWert(s.bemessungsgrundlage, z.bemessungsgrundlage!);
      plusWert(s.eigenanteil, z.eigenanteil!);
      if (kreisSelbst) plusWert(s.landesmittelKreisSelbst, b.landesmittel!);
    } else {
      plus(s.landesmittel, zs.landesmittel);
      plus(s.bemessungsgrundlage, zs.bemessungsgrundlage);
      plus(s.eigenanteil, zs.eigenanteil);
      if (kreisSelbst) plus(s.landesmittelKreisSelbst, zs.landesmittel);
    }
    if (!z.vollstaendig) {
      j.vollstaendig = false;
      j.unlesbar.push(z);
    }
  }
  return inJahresfolge(jahre);
}

/** The same map with its years in order (rows may come in any order; a plan's years are few). */
function inJahresfolge(jahre: Map<number, Jahreswerte>): Map<number, Jahreswerte> {
  let vorher = -Infinity;
  for (const jahr of jahre.keys()) {
    if (jahr < vorher) return new Map([...jahre].sort(([a], [b]) => a - b));
    vorher = jahr;
  }
  return jahre;
}
