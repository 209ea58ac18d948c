/**
 * One slip, one story. A mistyped amount (99.999 for 9.000, a zero too many, two digits swapped)
 * unbalances its row (F04) and often breaks more: the row's Landesquote (F05), the year's sums (F01,
 * F02, F03, F13). Each of those rules names its own amount to change, and they differ. Here the check
 * looks for the one change that clears them all: for each filled amount of an unbalanced row, the
 * value that balances the row; each is tried by re-running the amount rules with it. The change that
 * clears the most findings and adds none is the row's advice — where two clear as much, the one whose
 * new value differs from the typed one as a typing slip does (a digit more or less, one digit other,
 * two swapped); where that does not decide, no change is named (no guess). The findings it clears
 * say that they follow from the row („folgt aus Finanzplan Zeile 6“), carry the same change, and
 * point at that cell; `sortiereBefunde` puts them right after the row's own finding.
 */
import { FINANZPLAN_FELDNAME, type Betragsfeld } from "../arbeitsmappe/layout";
import type { Befund, Behebung, Stelle } from "../befund";
import { formatEuro } from "../format";
import { centZuEuro, type Cent } from "../geld";
import { ohneSoBeheben, type RegelCode } from "../regeln/katalog";
import type { Pruefkontext, Regel } from "./kontext";
import { jahreswerte } from "./jahre";
import { BETRAGSROLLE } from "./betraege";
import { liesFinanzzeile, type GeleseneFinanzzeile } from "./lesen";
import { entscheideJahr } from "./regeln/jahr";
import type { FinanzplanZeile } from "./schema";

/** The rules whose findings an amount can cause (the others do not look at amounts). */
const BETRAGSREGELN: ReadonlySet<RegelCode> = new Set([
  "F01",
  "F02",
  "F03",
  "F04",
  "F05",
  "F06",
  "F08",
  "F13",
  "M12",
]);

/** Above this many unbalanced rows the plan is not one slip away from right; nothing is grouped. */
const HOECHSTENS_UNAUSGEGLICHEN = 5;

interface Aenderung {
  zeile: GeleseneFinanzzeile;
  feld: Betragsfeld;
  alt: Cent;
  neu: Cent;
  /** The keys of the findings it clears. */
  behoben: Set<string>;
}

/** A finding's identity across two runs: rule, place, and for a year finding its year. */
function schluessel(b: Befund): string {
  const jahr = b.zeile === null ? (/\b(\d{4})\b/.exec(b.meldung)?.[1] ?? "") : "";
  return `${b.regel}|${b.tabelle}|${b.zeile}|${b.spalte}|${jahr}`;
}

/** Financing minus expenses of a complete row (positive: Überdeckung), or null. */
function ueberdeckung(z: GeleseneFinanzzeile): Cent | null {
  if (!z.vollstaendig) return null;
  const b = z.betraege;
  const finanzierung = b.drittmittel! + b.landesmittel! + b.eigenmittel_kreis! + b.anteil_gemeinden!;
  return finanzierung - z.gesamtausgaben!;
}

/**
 * Whether `neu` reads as a typing slip of `alt`, digit by digit (in cents): one digit more or less
 * (a zero too many), one digit other, or two neighbours swapped.
 */
export function vertippt(alt: Cent, neu: Cent): boolean {
  const a = String(alt);
  const b = String(neu);
  if (a === b) return false;
  if (Math.abs(a.length - b.length) === 1) {
    const [lang, kurz] = a.length > b.length ? [a, b] : [b, a];
    return [...lang].some((_, i) => lang.slice(0, i) + lang.slice(i + 1) === kurz);
  }
  if (a.length !== b.length) return false;
  const anders = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  if (anders.length === 1) return true;
  const [i, j] = anders as [number, number];
  return anders.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** The amount rules' findings with one row read anew from `roh`. */
function mitZeile(k: Pruefkontext, regeln: readonly Regel[], roh: FinanzplanZeile, zeile: number) {
  const alt = k.finanzplan.find((z) => z.zeile === zeile)!;
  const neu = liesFinanzzeile(roh, zeile, alt.blattZeile, k.massnahmeNachNr);
  const finanzplan = k.finanzplan.map((z) => (z.zeile === zeile ? neu : z));
  const jahre = jahreswerte(finanzplan);
  const entscheide = new Map(
    [...jahre.values()].map(
      (j) => [j.jahr, entscheideJahr(j, k.grenzen, k.kreis.foerderhoechstbetrag)] as const,
    ),
  );
  const kontext: Pruefkontext = { ...k, finanzplan, jahre, entscheide };
  return new Set(regeln.flatMap((r) => r.pruefe(kontext)).map(schluessel));
}

/** Each filled amount of an unbalanced row set to the value that balances it, with what that clears. */
function aenderungen(
  k: Pruefkontext,
  regeln: readonly Regel[],
  roh: readonly FinanzplanZeile[],
  vorher: ReadonlySet<string>,
  z: GeleseneFinanzzeile,
  diff: Cent,
): Aenderung[] {
  const liste: Aenderung[] = [];
  for (const [feld, rolle] of Object.entries(BETRAGSROLLE) as [Betragsfeld, string][]) {
    const alt = z.betraege[feld]!;
    const ausgabe = rolle === "zuwendungsfaehig" || rolle === "investition";
    const neu = ausgabe ? alt + diff : alt - diff;
    if (alt === 0 || neu < 0) continue;
    const nachher = mitZeile(k, regeln, { ...roh[z.zeile - 1], [feld]: centZuEuro(neu) }, z.zeile);
    if ([...nachher].some((s) => !vorher.has(s))) continue; // it would add a finding
    const behoben = new Set([...vorher].filter((s) => !nachher.has(s)));
    liste.push({ zeile: z, feld, alt, neu, behoben });
  }
  return liste;
}

/** The change that clears most; between equals the typing slip; else none. */
function dieEine(liste: readonly Aenderung[]): Aenderung | null {
  const meiste = Math.max(0, ...liste.map((a) => a.behoben.size));
  const beste = liste.filter((a) => a.behoben.size === meiste && meiste > 0);
  if (beste.length === 1) return beste[0]!;
  const slips = beste.filter((a) => vertippt(a.alt, a.neu));
  return slips.length === 1 ? slips[0]! : null;
}

/** The findings with each slip's own finding and the findings that follow from it marked. */
export function ordneNachUrsache(
  befunde: readonly Befund[],
  k: Pruefkontext,
  aktiv: readonly Regel[],
  roh: readonly FinanzplanZeile[],
): Befund[] {
  const unausgeglichen = k.finanzplan.flatMap((z) => {
    const d = ueberdeckung(z);
    return d === null || d === 0 ? [] : [{ z, d }];
  });
  if (unausgeglichen.length === 0 || unausgeglichen.length > HOECHSTENS_UNAUSGEGLICHEN) return [...befunde];
  const regeln = aktiv.filter((r) => BETRAGSREGELN.has(r.code));
  if (!regeln.some((r) => r.code === "F04")) return [...befunde]; // no row's own finding to tell it
  const vorher = new Set(befunde.filter((b) => BETRAGSREGELN.has(b.regel)).map(schluessel));
  let liste = [...befunde];
  for (const { z, d } of unausgeglichen) {
    const eine = dieEine(aenderungen(k, regeln, roh, vorher, z, d));
    if (eine) liste = liste.map((b) => markiert(b, eine));
  }
  return liste;
}

/** A finding as it reads with the slip `a` found: its own finding names the change, the others follow. */
function markiert(b: Befund, a: Aenderung): Befund {
  const s = schluessel(b);
  if (!a.behoben.has(s)) return b;
  const stelle: Stelle = { tabelle: "finanzplan", zeile: a.zeile.zeile, spalte: a.feld };
  const behebung: Behebung = { ...stelle, wert_eur: centZuEuro(a.neu) };
  const aendern = `${FINANZPLAN_FELDNAME[a.feld]} von ${formatEuro(a.alt)} auf ${formatEuro(a.neu)} ändern`;
  const zeile = `Finanzplan Zeile ${a.zeile.blattZeile}`;
  const eigener = b.regel === "F04" && b.tabelle === "finanzplan" && b.zeile === a.zeile.zeile;
  if (eigener && b.spalte !== "gesamtausgaben") {
    const weitere = a.behoben.size - 1;
    const auch =
      weitere > 0
        ? ` und ${weitere === 1 ? "der Befund, der" : `die ${weitere} Befunde, die`} daraus ${weitere === 1 ? "folgt" : "folgen"}, behoben`
        : "";
    return {
      ...b,
      spalte: a.feld,
      meldung: `${b.meldung} So beheben: in ${zeile} ${aendern}; dann ist die Zeile ausgeglichen${auch}.`,
      behebung,
    };
  }
  if (b.folgt_aus) return { ...b, folgt_aus: [...b.folgt_aus, stelle] };
  return {
    ...b,
    meldung: `${ohneSoBeheben(b.meldung)} Folgt aus ${zeile}: dort ${aendern}.`,
    folgt_aus: [stelle],
    behebung,
  };
}
