/**
 * Reads the rows of a validation request into typed values, keeping what could not be read so that
 * the rules can report it cell by cell. Money becomes integer cents here. Rows that are no data rows
 * (empty, a placeholder, a „Summe“ row) are recognised here and left out of every rule and sum.
 */
import { excelZeile } from "./zeilen";
import { MAX_EURO, euroZuCent, liesBetrag, type Betragsproblem, type Cent } from "../geld";
import { merke } from "../merken";
import { kurz, liesZahl } from "../zahl";
import { BETRAGSFELDER, type Betragsfeld } from "../arbeitsmappe/layout";
import {
  MASSNAHME_FELDER,
  type FinanzplanZeile,
  type MassnahmeZeile,
  type ValidationRequest,
  type Zelle,
} from "./schema";
import {
  istPlatzhalterText,
  istSummenText,
  liesArt,
  liesBestandsschutzKategorie,
  liesFoerderstufe,
  liesHandlungsfeld,
  liesJaNein,
  liesTraegerart,
  liesZuwendung2017,
  normiere,
  traegerVerneinung,
  type Art,
  type BestandsschutzKategorie,
  type Handlungsfeld,
  type Traegerart,
} from "./woerter";
import { liesDatumsangabe, liesZeitraum, type Zeitraum } from "./zeitraum";

/** A cell as text: trimmed; numbers as JavaScript prints them; empty → null. */
export function zellText(wert: Zelle): string | null {
  if (wert === null || wert === undefined) return null;
  const t = typeof wert === "string" ? wert.trim() : String(wert);
  return t === "" ? null : t;
}

/** Why a row is not a data row: it stays in the table but no rule and no sum counts it. */
export type KeineDatenzeile = "leer" | "platzhalter" | "summe";

interface UnlesbarerBetrag {
  feld: Betragsfeld | "gesamtausgaben" | "bemessungsgrundlage";
  grund: Betragsproblem;
  text: string;
}

/** Lower and upper bound of a row's (or year's) amount; hi null = no upper bound known. */
export interface Spanne {
  lo: Cent;
  hi: Cent | null;
}

export interface GeleseneFinanzzeile {
  zeile: number;
  /** The row as Excel numbers it (what messages name; shared/pruefung/zeilen.ts). */
  blattZeile: number;
  keineDatenzeile: KeineDatenzeile | null;
  /** The cells as sent (Z03 names an Excel error value among them). */
  roh: FinanzplanZeile;
  nr: string | null;
  jahr: number | null;
  jahrText: string | null;
  /** Cents per amount field; empty cells are 0; unreadable ones null. */
  betraege: Record<Betragsfeld, Cent | null>;
  probleme: UnlesbarerBetrag[];
  vollstaendig: boolean;
  gesamtausgaben: Cent | null;
  zuwendungsfaehig: Cent | null;
  bemessungsgrundlage: Cent | null;
  eigenanteil: Cent | null;
  gesamtausgabenAngegeben: Cent | null;
  bemessungsgrundlageAngegeben: Cent | null;
  /**
   * What the year rules can rely on when cells are unreadable: each unknown amount is ≥ 0; the
   * Bemessungsgrundlage's upper bound uses the row's own balance (F04: expenses = funding) where the
   * expense side has the unreadable cell and the funding side is complete.
   */
  spanne: { landesmittel: Spanne; bemessungsgrundlage: Spanne; eigenanteil: Spanne };
}

/**
 * An amount cell as liesBetrag reads it, on the hot path: an empty cell and a whole non-negative
 * number need no reading (liesBetrag gives 0 and the number in cents for them), and a text is read
 * once per distinct text (amount columns repeat „10.000,00 €“). test/shared/pruefung/betrag.test.ts
 * shows it equal to liesBetrag for every value.
 */
export function liesBetragSchnell(wert: unknown): ReturnType<typeof liesBetrag> {
  if (wert === null || wert === undefined) return LEER;
  if (typeof wert === "number" && Number.isInteger(wert) && wert >= 0 && wert <= MAX_EURO)
    return { art: "betrag", cent: wert * 100 };
  return typeof wert === "string" ? betragAusText(wert) : liesBetrag(wert);
}
const LEER = { art: "leer" } as const;
const betragAusText = merke((text: string) => liesBetrag(text));

function betrag(wert: Zelle, feld: UnlesbarerBetrag["feld"], probleme: UnlesbarerBetrag[]): Cent | null {
  if (wert === null || wert === undefined) return 0;
  const b = liesBetragSchnell(wert);
  if (b.art === "leer") return 0;
  if (b.art === "problem") {
    probleme.push({ feld, grund: b.grund, text: b.text });
    return null;
  }
  return b.cent;
}

/**
 * What each amount column is to the sums. The amount columns come from the layout, so a new one is a
 * type error here until the reader knows whether it is an eligible expense, an investment or which
 * kind of funding. Eligible expenses and the own share are summed by role, so a new one of those needs
 * nothing else; Investitionen, Drittmittel and Landesmittel are one column each, which the rules name.
 */
export const BETRAGSROLLE = {
  personalausgaben: "zuwendungsfaehig",
  sachausgaben: "zuwendungsfaehig",
  verwaltungsausgaben: "zuwendungsfaehig",
  honorarausgaben: "zuwendungsfaehig",
  investitionen: "investition",
  drittmittel: "drittmittel",
  eigenmittel_kreis: "eigenanteil",
  anteil_gemeinden: "eigenanteil",
  landesmittel: "landesmittel",
} as const satisfies Record<Betragsfeld, Betragsrolle>;
export type Betragsrolle =
  "zuwendungsfaehig" | "investition" | "drittmittel" | "eigenanteil" | "landesmittel";

const mitRolle = (rolle: Betragsrolle) => BETRAGSFELDER.filter((f) => BETRAGSROLLE[f] === rolle);
/** The eligible expenses (zuwendungsfähig: without investments). */
export const ZUWENDUNGSFAEHIG = mitRolle("zuwendungsfaehig");
/** The Kreis's own share: Eigenmittel Kreis and Anteil Gemeinden. */
export const EIGENANTEIL = mitRolle("eigenanteil");

/** Σ of the fields' cents; null where one of them is unreadable. */
function summeOderNull(b: Record<Betragsfeld, Cent | null>, felder: readonly Betragsfeld[]): Cent | null {
  let s = 0;
  for (const f of felder) {
    const w = b[f];
    if (w === null) return null;
    s += w;
  }
  return s;
}
/** Σ of the fields' readable cents (an unreadable one counts 0). */
function summeBekannt(b: Record<Betragsfeld, Cent | null>, felder: readonly Betragsfeld[]): Cent {
  let s = 0;
  for (const f of felder) s += b[f] ?? 0;
  return s;
}

function spanneDerZeile(b: Record<Betragsfeld, Cent | null>): GeleseneFinanzzeile["spanne"] {
  const zfBekannt = summeBekannt(b, ZUWENDUNGSFAEHIG);
  let zf: Spanne = { lo: zfBekannt, hi: summeOderNull(b, ZUWENDUNGSFAEHIG) };
  const eigen = summeOderNull(b, EIGENANTEIL);
  // An unreadable expense cell is bounded by the row's own funding, which is readable: a row balances
  // (F04), so zuwendungsfähig = Finanzierung − Investitionen. The funding side is never inferred: the
  // Landesmittel are what the rules judge.
  const finanzierung =
    b.drittmittel === null || b.landesmittel === null || eigen === null
      ? null
      : b.drittmittel + b.landesmittel + eigen;
  if (zf.hi === null && finanzierung !== null) {
    const ausgeglichen = Math.max(zfBekannt, finanzierung - (b.investitionen ?? 0));
    zf = { lo: b.investitionen === null ? zfBekannt : ausgeglichen, hi: ausgeglichen };
  }
  const bg: Spanne = {
    lo: b.drittmittel === null ? 0 : Math.max(0, zf.lo - b.drittmittel),
    hi: zf.hi === null ? null : Math.max(0, zf.hi - (b.drittmittel ?? 0)),
  };
  return {
    landesmittel: { lo: b.landesmittel ?? 0, hi: b.landesmittel },
    bemessungsgrundlage: { lo: Math.min(bg.lo, bg.hi ?? bg.lo), hi: bg.hi },
    eigenanteil: { lo: summeBekannt(b, EIGENANTEIL), hi: eigen },
  };
}

function keineFinanzDatenzeile(z: FinanzplanZeile, nr: string | null): KeineDatenzeile | null {
  if (istSummenText(nr) || istSummenText(zellText(z.jahr))) return "summe";
  if (istPlatzhalterText(nr)) return "platzhalter";
  // Also a row with only its year filled in.
  if (nr === null && BETRAGSFELDER.every((f) => zellText(z[f]) === null)) return "leer";
  return null;
}

export function liesFinanzzeile(
  z: FinanzplanZeile,
  zeile: number,
  blattZeile: number = excelZeile(zeile),
): GeleseneFinanzzeile {
  const probleme: UnlesbarerBetrag[] = [];
  const betraege = {} as Record<Betragsfeld, Cent | null>;
  let vollstaendig = true;
  for (const f of BETRAGSFELDER) if ((betraege[f] = betrag(z[f], f, probleme)) === null) vollstaendig = false;
  const gesamtAng =
    zellText(z.gesamtausgaben) === null ? null : betrag(z.gesamtausgaben, "gesamtausgaben", probleme);
  const bgAng =
    zellText(z.bemessungsgrundlage) === null
      ? null
      : betrag(z.bemessungsgrundlage, "bemessungsgrundlage", probleme);
  const jahrText = zellText(z.jahr);
  const jahrZahl = liesZahl(z.jahr);
  const jahr =
    jahrZahl.art === "zahl" &&
    Number.isInteger(jahrZahl.wert) &&
    jahrZahl.wert >= 1900 &&
    jahrZahl.wert <= 2200
      ? jahrZahl.wert
      : null;
  const b = betraege;
  let zf: Cent | null = null;
  let gesamt: Cent | null = null;
  let bg: Cent | null = null;
  let eigen: Cent | null = null;
  if (vollstaendig) {
    zf = summeBekannt(b, ZUWENDUNGSFAEHIG);
    gesamt = zf + b.investitionen!;
    bg = Math.max(0, zf - b.drittmittel!); // Drittmittel beyond the eligible expenses leave no base
    eigen = summeBekannt(b, EIGENANTEIL);
  }
  const nr = zellText(z.massnahme_nr);
  return {
    zeile,
    blattZeile,
    keineDatenzeile: keineFinanzDatenzeile(z, nr),
    roh: z,
    nr,
    jahr,
    jahrText,
    betraege,
    probleme,
    vollstaendig,
    gesamtausgaben: gesamt,
    zuwendungsfaehig: zf,
    bemessungsgrundlage: bg,
    eigenanteil: eigen,
    gesamtausgabenAngegeben: gesamtAng,
    bemessungsgrundlageAngegeben: bgAng,
    spanne: spanneDerZeile(b),
  };
}

export interface GeleseneMassnahme {
  zeile: number;
  /** The row as Excel numbers it (what messages name; shared/pruefung/zeilen.ts). */
  blattZeile: number;
  keineDatenzeile: KeineDatenzeile | null;
  roh: MassnahmeZeile;
  nr: string | null;
  titel: string | null;
  handlungsfeld: Handlungsfeld | null;
  art: Art | null;
  /** From the category cell, or recognised in the title. */
  kategorie: BestandsschutzKategorie | null;
  zuwendung2017: boolean | null;
  traeger: string | null;
  traegerart: Traegerart | null;
  /**
   * Why the Trägerart is no allowed Letztempfänger although its words name one (zulaessig false:
   * M05), or what is to be asked because the words do not decide (zulaessig null: M15).
   */
  traegerFrage: { zulaessig: false | null; grund: string } | null;
  gemeinnuetzig: boolean | null;
  beginn: Zeitraum;
  ende: Zeitraum;
}

function keineMassnahmenDatenzeile(m: MassnahmeZeile): KeineDatenzeile | null {
  const leer = MASSNAHME_FELDER.every((f) => {
    const t = zellText(m[f]);
    return t === null || /^[-–—_/.]+$/.test(t);
  });
  if (leer) return "leer";
  const titel = zellText(m.titel);
  const nr = zellText(m.nr);
  if (istPlatzhalterText(titel) || (titel === null && istPlatzhalterText(nr))) return "platzhalter";
  if (istSummenText(nr) || (nr === null && istSummenText(titel))) return "summe";
  return null;
}

const betragOderNull = (w: unknown): number | null => {
  const b = liesBetrag(w);
  return b.art === "betrag" ? b.cent : null;
};

/**
 * Trägerart by meaning: a negation in the Trägerart or the Träger („Verein (nicht gemeinnützig)“,
 * „kein e. V.“) or „gemeinnützig: nein“ never leaves a free Träger eligible (000 §1.1: Letztempfänger
 * are „gemeinnützige Träger, Verbände der Wohlfahrtpflege, kirchliche Träger“ and the Gemeinden).
 */
function traegerNachBedeutung(m: MassnahmeZeile): Pick<GeleseneMassnahme, "traegerart" | "traegerFrage"> {
  const art = liesTraegerart(m.traegerart);
  if (art === "kreis" || art === "gemeinde") return { traegerart: art, traegerFrage: null };
  const verneint = traegerVerneinung(m.traegerart) ?? traegerVerneinung(m.traeger);
  if (verneint !== null)
    return {
      traegerart: null,
      traegerFrage: {
        zulaessig: false,
        grund: `„${kurz(verneint)}“: die Richtlinie lässt nur gemeinnützige Träger, Verbände der Wohlfahrtspflege und kirchliche Träger zu`,
      },
    };
  if (art !== null && liesJaNein(m.gemeinnuetzig) === false)
    return {
      traegerart: null,
      traegerFrage: {
        zulaessig: false,
        grund: `die Spalte „gemeinnützig“ sagt „${kurz(zellText(m.gemeinnuetzig) ?? "nein")}“: ein nicht gemeinnütziger Träger ist kein zulässiger Letztempfänger`,
      },
    };
  // „gemeinnützig (beantragt)“: not yet decided by the tax office — asked (M15), neither passed nor refused.
  const offen = /\b(beantragt|in pruefung|wird geprueft|ausstehend|angestrebt|vorlaeufig)\b/.exec(
    normiere(`${zellText(m.traegerart) ?? ""} ${zellText(m.gemeinnuetzig) ?? ""}`),
  );
  if (art === "gemeinnuetziger_traeger" && offen)
    return {
      traegerart: null,
      traegerFrage: {
        zulaessig: null,
        grund: `die Gemeinnützigkeit ist „${offen[1]}“: erst mit ihrer Anerkennung ist der Träger ein zulässiger Letztempfänger (000 §1.1: „gemeinnützige Träger“); den Bescheid beifügen oder einen anderen Träger wählen`,
      },
    };
  // „Schulverwaltungsamt Ilm-Kreis“, „Schulamt Westthüringen“ (004): an Amt may be the Kreis's own or
  // the Land's (the Staatliches Schulamt); the word does not decide — asked (M15), not guessed.
  // (No lookbehind: older Office webviews cannot parse it.)
  const amt = normiere(zellText(m.traegerart) ?? "");
  if (art === null && /amt\b/.test(amt) && !/ehrenamt\b/.test(amt))
    return {
      traegerart: null,
      traegerFrage: {
        zulaessig: null,
        grund:
          "ein Amt kann eine Stelle des Kreises sein (dann „Landkreis“ bzw. „kreisfreie Stadt“ eintragen) oder eine Behörde des Landes wie das Staatliche Schulamt (dann kein zulässiger Letztempfänger)",
      },
    };
  return { traegerart: art, traegerFrage: null };
}

export function liesMassnahme(
  m: MassnahmeZeile,
  zeile: number,
  blattZeile: number = excelZeile(zeile),
): GeleseneMassnahme {
  const titel = zellText(m.titel);
  const beginn = liesZeitraum(m.beginn);
  let ende = liesZeitraum(m.ende);
  // „01.02.2019 - 31.12.2021“ in the Beginn cell, Ende left empty: the cell named the end too.
  if (ende.art === "leer" && beginn.art === "zeitraum" && beginn.spanne)
    ende = { art: "zeitraum", von: beginn.bis, bis: beginn.bis };
  return {
    zeile,
    blattZeile,
    keineDatenzeile: keineMassnahmenDatenzeile(m),
    roh: m,
    nr: zellText(m.nr),
    titel,
    handlungsfeld: liesHandlungsfeld(m.handlungsfeld),
    art: liesArt(m.art),
    kategorie:
      liesBestandsschutzKategorie(m.bestandsschutz_kategorie) ??
      (zellText(m.bestandsschutz_kategorie) === null ? liesBestandsschutzKategorie(titel) : null),
    zuwendung2017: liesZuwendung2017(m.landeszuwendung_2017, betragOderNull),
    traeger: zellText(m.traeger),
    ...traegerNachBedeutung(m),
    gemeinnuetzig: liesJaNein(m.gemeinnuetzig),
    beginn,
    ende,
  };
}

export interface GelesenerKreis {
  schluessel: string | null;
  name: string | null;
  foerderstufe: 1 | 2 | 3 | null;
  foerderstufeText: string | null;
  foerderhoechstbetrag: Cent | null;
  foerderhoechstbetragText: string | null;
  /** Why the Förderhöchstbetrag could not be read, where it was not. */
  foerderhoechstbetragProblem: Betragsproblem | null;
  /** What the allocation in the same workbook computes for the Kreis, where it was sent. */
  foerderhoechstbetragVerteilung: Cent | null;
  /** The Fachplan's date as typed: a day, or a month or year („2019“) as the range it names. */
  fachplan: { von: string; bis: string } | null;
  fachplanText: string | null;
}

export function liesKreis(k: ValidationRequest["kreis"]): GelesenerKreis {
  const fhb = liesBetrag(k.foerderhoechstbetrag_eur);
  const fachplanText = zellText(k.fachplan_datum);
  // The one date reader (as Beginn, Ende and the Stichtag): a day, or the range a month, a year or
  // „Jahresanfang 2019“ names.
  const fachplan = liesDatumsangabe(k.fachplan_datum);
  return {
    schluessel: zellText(k.schluessel),
    name: zellText(k.name),
    foerderstufe: liesFoerderstufe(k.foerderstufe),
    foerderstufeText: zellText(k.foerderstufe),
    foerderhoechstbetrag: fhb.art === "betrag" ? fhb.cent : null,
    foerderhoechstbetragText:
      fhb.art === "leer" ? null : kurz(zellText(k.foerderhoechstbetrag_eur as Zelle) ?? ""),
    foerderhoechstbetragProblem: fhb.art === "problem" ? fhb.grund : null,
    foerderhoechstbetragVerteilung:
      typeof k.foerderhoechstbetrag_verteilung_eur === "number"
        ? (euroZuCent(k.foerderhoechstbetrag_verteilung_eur) ??
          Math.round(k.foerderhoechstbetrag_verteilung_eur * 100))
        : null,
    fachplan,
    fachplanText,
  };
}
