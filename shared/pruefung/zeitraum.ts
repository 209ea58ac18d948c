/**
 * Reads Beginn and Ende as plans write them (docs/regeln.md, M06): dates, Excel date numbers and wording
 * such as "ab Februar 2019", "ab zweitem Quartal 2019", "ab 2. Halbjahr 2019", "ab Frühjahr 2019",
 * "fortlaufend". Returns the date range the words name: a Beginn is its first day, an Ende its last.
 */
import { datumIso, liesDatum, tageImMonat } from "../datum";
import { merke } from "../merken";
import { normiere } from "./woerter";

export type Zeitraum =
  | { art: "zeitraum"; von: string; bis: string }
  | { art: "fortlaufend" }
  | { art: "leer" }
  | { art: "unlesbar" };

const MONATE: [RegExp, number][] = [
  [/^(januar|jan|jaenner)$/, 1],
  [/^(februar|feb|febr)$/, 2],
  [/^(maerz|mrz|maer|mar)$/, 3],
  [/^(april|apr)$/, 4],
  [/^mai$/, 5],
  [/^(juni|jun)$/, 6],
  [/^(juli|jul)$/, 7],
  [/^(august|aug)$/, 8],
  [/^(september|sep|sept)$/, 9],
  [/^(oktober|okt)$/, 10],
  [/^(november|nov)$/, 11],
  [/^(dezember|dez)$/, 12],
];

const ORDNUNG: [RegExp, number][] = [
  [/^(1\.?|i\.?|erste[snrm]?)$/, 1],
  [/^(2\.?|ii\.?|zweite[snrm]?)$/, 2],
  [/^(3\.?|iii\.?|dritte[snrm]?)$/, 3],
  [/^(4\.?|iv\.?|vierte[snrm]?)$/, 4],
];

function ordnung(wort: string): number | null {
  for (const [m, n] of ORDNUNG) if (m.test(wort)) return n;
  return null;
}

function monat(wort: string): number | null {
  const w = wort.replace(/\.$/, "");
  for (const [m, n] of MONATE) if (m.test(w)) return n;
  return null;
}

function bereich(jahr: number, vonMonat: number, bisMonat: number, bisJahr = jahr): Zeitraum {
  return {
    art: "zeitraum",
    von: datumIso({ jahr, monat: vonMonat, tag: 1 }),
    bis: datumIso({ jahr: bisJahr, monat: bisMonat, tag: tageImMonat(bisJahr, bisMonat) }),
  };
}

const JAHR = "((?:19|20)\\d{2})";

export function liesZeitraum(wert: unknown): Zeitraum {
  if (wert === null || wert === undefined) return { art: "leer" };
  // A bare year (2019, "2020"): Excel serial numbers in that range would be dates in 1905/1906.
  const alsJahr =
    typeof wert === "number"
      ? wert
      : typeof wert === "string" && /^\s*\d{4}\s*$/.test(wert)
        ? Number(wert)
        : NaN;
  if (Number.isInteger(alsJahr) && alsJahr >= 1900 && alsJahr <= 2200) return bereich(alsJahr, 1, 12);
  if (typeof wert === "number") {
    const d = liesDatum(wert);
    return d ? { art: "zeitraum", von: datumIso(d), bis: datumIso(d) } : { art: "unlesbar" };
  }
  if (typeof wert !== "string") return { art: "unlesbar" };
  return zeitraumAusText(wert);
}

const zeitraumAusText = merke((wert: string): Zeitraum => {
  if (wert.trim() === "") return { art: "leer" };
  const exakt = liesDatum(wert.trim());
  if (exakt) return { art: "zeitraum", von: datumIso(exakt), bis: datumIso(exakt) };

  let t = normiere(wert);
  // "fortlaufend", "Bestandssicherung fortlaufend", "Bestandssicherung fortlaufend + Ausbau ab 2019":
  // ongoing; an Ausbau part named after it does not move the Beginn.
  if (/\b(fortlaufend|laufend|dauerhaft|unbefristet)\b/.test(t) || t === "bestandssicherung")
    return { art: "fortlaufend" };
  t = t
    .replace(/^(ab|seit|bis|zum|zu|im|in|ca\.?|voraussichtlich|geplant|spaetestens|fruehestens)\s+/g, "")
    .replace(/^(ab|seit|bis|zum|zu|im|in|dem|der|den)\s+/g, "")
    .replace(/^(ab|seit|bis|zum|zu|im|in|dem|der|den)\s+/g, "")
    .trim();
  const exakt2 = liesDatum(t);
  if (exakt2) return { art: "zeitraum", von: datumIso(exakt2), bis: datumIso(exakt2) };

  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^${JAHR}$`).exec(t))) return bereich(Number(m[1]), 1, 12);
  // Month: "Februar 2019", "Sept. 2019", "02/2019", "2.2019"
  if ((m = new RegExp(`^([a-z]+\\.?)\\s*${JAHR}$`).exec(t))) {
    const mon = monat(m[1]!);
    if (mon) return bereich(Number(m[2]), mon, mon);
  }
  if ((m = new RegExp(`^(\\d{1,2})\\s*[/.]\\s*${JAHR}$`).exec(t))) {
    const mon = Number(m[1]);
    if (mon >= 1 && mon <= 12) return bereich(Number(m[2]), mon, mon);
  }
  // Quarter: "zweitem Quartal 2019", "2. Quartal 2019", "Q2 2019", "II. Quartal 2019"
  if (
    (m = new RegExp(`^(\\S+)\\s*quartal\\s*${JAHR}$`).exec(t)) ||
    (m = new RegExp(`^q([1-4])\\s*[/.-]?\\s*${JAHR}$`).exec(t))
  ) {
    const q = ordnung(m[1]!);
    if (q) return bereich(Number(m[2]), 3 * q - 2, 3 * q);
  }
  // Half-year: "2. Halbjahr 2019", "zweites Halbjahr 2019", "H2 2019"
  if (
    (m = new RegExp(`^(\\S+)\\s*halbjahr\\s*${JAHR}$`).exec(t)) ||
    (m = new RegExp(`^h([12])\\s*[/.-]?\\s*${JAHR}$`).exec(t))
  ) {
    const h = ordnung(m[1]!);
    if (h === 1 || h === 2) return bereich(Number(m[2]), 6 * h - 5, 6 * h);
  }
  // Seasons (meteorological): Frühjahr = März–Mai, Sommer = Juni–August, Herbst = September–November,
  // Winter YYYY = Dezember YYYY – Februar YYYY+1.
  if ((m = new RegExp(`^(fruehjahr|fruehling|sommer|herbst|winter)\\s*${JAHR}$`).exec(t))) {
    const jahr = Number(m[2]);
    switch (m[1]) {
      case "fruehjahr":
      case "fruehling":
        return bereich(jahr, 3, 5);
      case "sommer":
        return bereich(jahr, 6, 8);
      case "herbst":
        return bereich(jahr, 9, 11);
      default:
        return bereich(jahr, 12, 2, jahr + 1);
    }
  }
  // "Anfang 2019" = Januar–März, "Mitte 2019" = April–September, "Ende 2019" = Oktober–Dezember
  if ((m = new RegExp(`^(anfang|mitte|ende)\\s*${JAHR}$`).exec(t))) {
    const jahr = Number(m[2]);
    return m[1] === "anfang"
      ? bereich(jahr, 1, 3)
      : m[1] === "mitte"
        ? bereich(jahr, 4, 9)
        : bereich(jahr, 10, 12);
  }
  return { art: "unlesbar" };
});
