import { formatProzent, ganzeProzenteDieAufgehen } from "../../shared/format";
import { TEXTE, type Sprache } from "./texte";

/**
 * „Landesmittel 70 % · Eigenanteil 30 % der Bemessungsgrundlage“ with whole percentages that add up;
 * where the two together are not the Bemessungsgrundlage (Investitionen financed, or a gap), the sum
 * is said, so the figures never read as 117 % of a whole.
 */
export function aufteilungText(land: number, eigen: number, grenze: number, sprache: Sprache): string {
  const t = TEXTE[sprache];
  const [l, e] = ganzeProzenteDieAufgehen([land, eigen]) as [number, number];
  const p = (x: number) => (sprache === "de" ? `${x} %` : `${x}%`);
  const text = t.aufteilung(p(l), p(e), formatProzent(grenze, sprache, 0));
  return l + e === 100 ? text : `${text} ${t.zusammen(l + e)}`;
}
