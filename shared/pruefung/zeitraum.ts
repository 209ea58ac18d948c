/**
 * Reads Beginn and Ende as plans write them (docs/regeln.md, M06): dates, Excel date numbers and wording
 * such as "ab Februar 2019", "ab zweitem Quartal 2019", "ab 2. Halbjahr 2019", "ab Frühjahr 2019",
 * "fortlaufend". Returns the date range the words name: a Beginn is its first day, an Ende its last.
 */
import { datumIso, istJahreszahl, liesDatum, tageImMonat } from "../datum";
import { merke } from "../merken";
import { ohneRand, ohneSchlussklammer, trenne } from "./rand";
import { normiere } from "./woerter";

export type Zeitraum =
  /** spanne: the cell named both ends („01.02.2019 - 31.12.2021“, „2019/2020“), not only one date. */
  | { art: "zeitraum"; von: string; bis: string; spanne?: true }
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

export function liesZeitraum(wert: unknown): Zeitraum {
  if (wert === null || wert === undefined) return { art: "leer" };
  // A bare year (2019, "2020"): Excel serial numbers in that range would be dates in 1905/1906.
  const alsJahr =
    typeof wert === "number"
      ? wert
      : typeof wert === "string" && /^\s*\d{4}\s*$/.test(wert)
        ? Number(wert)
        : NaN;
  if (istJahreszahl(alsJahr)) return bereich(alsJahr, 1, 12);
  if (typeof wert === "number") {
    const d = liesDatum(wert);
    return d ? { art: "zeitraum", von: datumIso(d), bis: datumIso(d) } : { art: "unlesbar" };
  }
  if (typeof wert !== "string") return { art: "unlesbar" };
  return zeitraumAusText(wert);
}

/**
 * The one reader of a date as any date field is typed (Beginn, Ende, Fachplan-Datum, Stichtag): every
 * spelling one of them accepts, all accept. The range the words name, or null when they name none
 * („fortlaufend“ is no date; empty is none).
 */
export function liesDatumsangabe(wert: unknown): { von: string; bis: string } | null {
  const z = liesZeitraum(typeof wert === "boolean" ? null : wert);
  return z.art === "zeitraum" ? { von: z.von, bis: z.bis } : null;
}

/** Cells that say "nothing here": a dash, "k. A.", "n/a". As an Ende: no end given. */
const NICHTS = /^([-–—_/.]+|k\.? ?a\.?|n\/a|entfaellt|keine angabe)$/;
/** Ongoing, open-ended. */
const OFFEN =
  /\b(fortlaufend|fortlaufende|laufend|lfd\.?|dauerhaft|unbefristet|offen|open end|bis auf weiteres|jaehrlich|ganzjaehrig|regelmaessig|kontinuierlich)\b/;

const zeitraumAusText = merke((wert: string): Zeitraum => {
  if (wert.trim() === "") return { art: "leer" };
  const exakt = liesDatum(wert.trim());
  if (exakt) return { art: "zeitraum", von: datumIso(exakt), bis: datumIso(exakt) };
  // A remark in brackets after the date („seit 2017 (Bestandsschutz)“) is not part of it.
  const t0 = ohneEtikett(ohneSchlussklammer(ohneRand(normiere(wert), "*")).trim());
  if (NICHTS.test(t0)) return { art: "leer" };
  const z = spanneAusText(t0) ?? einzelnAusText(t0);
  return z.art === "unlesbar" ? aufzaehlung(t0) : z;
});

/**
 * A label in front of the date, as documents write it: „Stand: 31.12.2017“, „Zum Stichtag des 31.
 * Dezember 2017“ (000 §1.4), „per Stichtag 31.12.2017“, „Kreistagsbeschluss vom 10. April 2019“.
 */
function ohneEtikett(t: string): string {
  return t
    .replace(/^(?:(?:zum|per|am)\s+)?stichtag(?:\s*:)?(?:\s+(?:des|vom|am|ist))?\s+/, "")
    .replace(/^(?:stand|datum|stichtag)\s*(?::\s*)?(?:(?:vom|am|zum)\s+)?(?=\d|[a-z]+\.?\s*\d)/, "")
    .replace(/^(?:\S*beschluss|beschlossen|vorgelegt|verabschiedet)\s+(?:vom|am)\s+/, "")
    .trim();
}

/**
 * Steps named with their time, separated by commas, as 004 writes a Termin: „Prüfung 2021, Beginn
 * des Schuljahres 2021/22“. Each part names an activity and its time; the cell spans them all.
 */
function aufzaehlung(t: string): Zeitraum {
  if (!t.includes(",")) return { art: "unlesbar" };
  const teile = trenne(t, ",")
    .filter((x) => x !== "")
    .map((x) => x.replace(TAETIGKEIT, ""))
    .map((x) => spanneAusText(x) ?? einzelnAusText(x));
  const zeiten = teile.filter((z) => z.art === "zeitraum");
  if (teile.some((z) => z.art === "unlesbar" || z.art === "leer") || zeiten.length === 0)
    return { art: "unlesbar" };
  return {
    art: "zeitraum",
    von: zeiten.map((z) => z.von).sort()[0]!,
    bis: zeiten
      .map((z) => z.bis)
      .sort()
      .at(-1)!,
    spanne: true,
  };
}
/** An activity named before its time in a Termin cell („Prüfung 2021“, „Durchführung fortlaufend“). */
const TAETIGKEIT =
  /^(?:pruefung|durchfuehrung|umsetzung|fertigstellung(?: konzept)?|erarbeitung|planung|einfuehrung|auswertung|start)\s+(?=\S)/;

/** Both ends in one cell: „01.02.2019 - 31.12.2021“, „vom 1.2.2019 bis 31.12.2021“, „2019/2020“, „2019–2021“. */
function spanneAusText(t: string): Zeitraum | null {
  const text = t.replace(/^(vom|von|ab|zeitraum:?)\s+/, "");
  let m = /^(?:schuljahr|sj\.?)\s*((?:19|20)\d{2})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const von = Number(m[1]);
    return { art: "zeitraum", von: `${von}-08-01`, bis: `${von + 1}-07-31`, spanne: true };
  }
  m = /^((?:19|20)\d{2})\s*[/–—-]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const von = Number(m[1]);
    const bis = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    if (bis > von && bis - von <= 50)
      return { art: "zeitraum", von: `${von}-01-01`, bis: `${bis}-12-31`, spanne: true };
    return null; // „2019-09“: a month, read below
  }
  const enden = zweiEnden(text);
  if (!enden) return null;
  const links = einzelnAusText(enden[0].trim());
  if (links.art !== "zeitraum") return null;
  const rechts = einzelnAusText(enden[1].trim().replace(/^(zum|ende|einschliesslich)\s+/, ""));
  if (rechts.art === "fortlaufend") return links;
  if (rechts.art !== "zeitraum") return null;
  return { art: "zeitraum", von: links.von, bis: rechts.bis, spanne: true };
}

const TRENNER = /\s[-–—]\s|[–—]|\sbis\s/g;
/**
 * The text before and after the first „ - “, „–“, „—“ or „ bis “ that has text on both sides: what
 * `/^(.+?)\s*(?:\s[-–—]\s|[–—]|\sbis\s)\s*(.+)$/` captures (up to the space around the parts),
 * found in one pass instead of a quadratic search.
 */
function zweiEnden(text: string): [string, string] | null {
  TRENNER.lastIndex = 0;
  for (let m = TRENNER.exec(text); m !== null; m = TRENNER.exec(text)) {
    const ende = m.index + m[0].length;
    if (ende >= text.length) return null;
    if (m.index > 0) return [text.slice(0, m.index), text.slice(ende)];
    TRENNER.lastIndex = m.index + 1;
  }
  return null;
}

function einzelnAusText(eingabe: string): Zeitraum {
  // "fortlaufend", "Bestandssicherung fortlaufend", "Bestandssicherung fortlaufend + Ausbau ab 2019",
  // "Bestandssicherung + Ausbau ab 2019": ongoing; an Ausbau part named after it does not move the Beginn.
  // („Bestandssicherung bis 2020“ names an end: read below, not made ongoing.)
  if (OFFEN.test(eingabe) || (/^bestand(s)?sicherung\b/.test(eingabe) && !/\bbis\b/.test(eingabe)))
    return { art: "fortlaufend" };
  // The Art in front of the time, as Tabelle 3 mixes them: „Ausbau ab 2019“, „neu initiiert ab Herbst 2019“.
  const t = ohneVorwort(
    eingabe.replace(
      /^(bestand(s)?sicherung|ausbau|erweiterung|neu initiiert|neuinitiierung|neueinrichtung|neu)\s+(?=\S)/,
      "",
    ),
  );
  const exakt = liesDatum(t);
  if (exakt) return { art: "zeitraum", von: datumIso(exakt), bis: datumIso(exakt) };
  return jahrMonatOderTag(t) ?? abschnittDesJahres(t) ?? { art: "unlesbar" };
}

/** „ab“, „seit“, „bis zum“, „voraussichtlich“ … in front of the time itself. */
function ohneVorwort(t: string): string {
  return t
    .replace(/^(bereits|schon)\s+/, "")
    .replace(
      /^(ab|seit|bis|zum|zu|im|in|ca\.?|vsl\.?|voraussichtlich|geplant|spaetestens|fruehestens|maximal|hoechstens|laengstens)\s+/g,
      "",
    )
    .replace(/^(ab|seit|bis|zum|zu|im|in|dem|der|den|maximal|hoechstens|laengstens)\s+/g, "")
    .replace(/^(ab|seit|bis|zum|zu|im|in|dem|der|den|maximal|hoechstens|laengstens)\s+/g, "")
    .trim();
}

/** A year, a month („Februar 2019“, „02/2019“, „2019-09“) or a day with the month's name. */
function jahrMonatOderTag(t: string): Zeitraum | null {
  let m: RegExpExecArray | null;
  if ((m = /^((?:19|20)\d{2})$/.exec(t))) return bereich(Number(m[1]), 1, 12);
  // ISO month: "2019-09"
  if ((m = /^((?:19|20)\d{2})-(\d{1,2})$/.exec(t))) {
    const mon = Number(m[2]);
    if (mon >= 1 && mon <= 12) return bereich(Number(m[1]), mon, mon);
  }
  // A day with the month's name: "10. April 2019", "1 März 2019"
  if ((m = /^(\d{1,2})\.?\s*([a-z]+\.?)\s*((?:19|20)\d{2})$/.exec(t))) {
    const mon = monat(m[2]!);
    const tag = Number(m[1]);
    if (mon && tag >= 1 && tag <= tageImMonat(Number(m[3]), mon)) {
      const iso = datumIso({ jahr: Number(m[3]), monat: mon, tag });
      return { art: "zeitraum", von: iso, bis: iso };
    }
  }
  // Month: "Februar 2019", "Sept. 2019", "02/2019", "2.2019"
  if ((m = /^([a-z]+\.?)\s*((?:19|20)\d{2})$/.exec(t))) {
    const mon = monat(m[1]!);
    if (mon) return bereich(Number(m[2]), mon, mon);
  }
  if ((m = /^(\d{1,2})\s*[/.]\s*((?:19|20)\d{2})$/.exec(t))) {
    const mon = Number(m[1]);
    if (mon >= 1 && mon <= 12) return bereich(Number(m[2]), mon, mon);
  }
  return null;
}

/** A part of a year: quarter, half-year, season, „Anfang/Mitte/Ende 2019“. */
function abschnittDesJahres(t: string): Zeitraum | null {
  let m: RegExpExecArray | null;
  // Quarter: "zweitem Quartal 2019", "2. Quartal 2019", "Q2 2019", "II. Quartal 2019"
  if (
    (m = /^(\S+)\s*quartal\s*((?:19|20)\d{2})$/.exec(t)) ||
    (m = /^q([1-4])\s*(?:[/.-]\s*)?((?:19|20)\d{2})$/.exec(t))
  ) {
    const q = ordnung(m[1]!);
    if (q) return bereich(Number(m[2]), 3 * q - 2, 3 * q);
  }
  // Half-year: "2. Halbjahr 2019", "zweites Halbjahr 2019", "2. HJ 2019", "H2 2019"
  if (
    (m = /^(\S+)\s*(?:halbjahr|hj\.?)\s*((?:19|20)\d{2})$/.exec(t)) ||
    (m = /^h([12])\s*(?:[/.-]\s*)?((?:19|20)\d{2})$/.exec(t))
  ) {
    const h = ordnung(m[1]!);
    if (h === 1 || h === 2) return bereich(Number(m[2]), 6 * h - 5, 6 * h);
  }
  // Seasons (meteorological): Frühjahr = März–Mai, Sommer = Juni–August, Herbst = September–November,
  // Winter YYYY = Dezember YYYY – Februar YYYY+1.
  if ((m = /^(fruehjahr|fruehling|sommer|herbst|winter)\s*((?:19|20)\d{2})$/.exec(t))) {
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
  // "Anfang 2019" = Januar–März, "Mitte 2019" = April–September, "Ende 2019" = Oktober–Dezember;
  // "Jahresanfang 2019" (000 §2 a), "Jahresmitte", "Jahresende", "Anfang des Jahres 2019" alike.
  if (
    (m = /^(anfang|beginn|mitte|ende)(?:\s+des\s+jahres)?\s*((?:19|20)\d{2})$/.exec(t)) ||
    (m = /^jahres(anfang|beginn|mitte|ende)\s*((?:19|20)\d{2})$/.exec(t))
  ) {
    const jahr = Number(m[2]);
    return m[1] === "anfang" || m[1] === "beginn"
      ? bereich(jahr, 1, 3)
      : m[1] === "mitte"
        ? bereich(jahr, 4, 9)
        : bereich(jahr, 10, 12);
  }
  return schuljahr(t);
}

/**
 * „Beginn des Schuljahres 2021/22“ (004) = August 2021, „Ende des Schuljahres 2021/22“ = Juli 2022:
 * in Thüringen the school year runs from 1 August to 31 July.
 */
function schuljahr(t: string): Zeitraum | null {
  const m =
    /^(beginn|anfang|start|ende)\s+(?:des\s+)?(?:schuljahr(?:e?s)?|sj\.?)\s*((?:19|20)\d{2})\s*[/-]\s*(\d{2}|\d{4})$/.exec(
      t,
    );
  const n = m ?? /^schuljahres(beginn|anfang|ende)\s*((?:19|20)\d{2})\s*[/-]\s*(\d{2}|\d{4})$/.exec(t);
  if (!n) return null;
  const von = Number(n[2]);
  return n[1] === "ende" ? bereich(von + 1, 7, 7) : bereich(von, 8, 8);
}
