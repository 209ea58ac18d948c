/**
 * Reads the rows of a validation request into typed values, keeping what could not be read so that
 * the rules can report it cell by cell. Money becomes integer cents here. Rows that are no data rows
 * (empty, a placeholder, a „Summe“ row) are recognised here and left out of every rule and sum.
 */
import { excelZeile } from "./zeilen";
import { merke } from "../merken";
import { euroZuCent, liesBetrag, type Betragsproblem, type Cent } from "../geld";
import { betrag, liesBetraege, spanneDerZeile } from "./betraege";
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

export interface UnlesbarerBetrag {
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
  /**
   * The measure the row belongs to: the first data row of the Maßnahmen list with its Nr (null: no
   * Nr, or none in the list — F10). Looked up once here; the rules and sums ask it of every row.
   */
  massnahme: GeleseneMassnahme | null;
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
   * expense side has the unreadable cell and the funding side is complete. Null for a complete row:
   * its bounds are its values (jahre.ts adds those).
   */
  spanne: { landesmittel: Spanne; bemessungsgrundlage: Spanne; eigenanteil: Spanne } | null;
}

function keineFinanzDatenzeile(
  z: FinanzplanZeile,
  nr: string | null,
  jahrText: string | null,
): KeineDatenzeile | null {
  // A year typed as a number („2019“) is no „Summe“.
  if (istSummenText(nr) || (typeof z.jahr !== "number" && istSummenText(jahrText))) return "summe";
  if (istPlatzhalterText(nr)) return "platzhalter";
  // Also a row with only its year filled in.
  if (nr === null && BETRAGSFELDER.every((f) => zellText(z[f]) === null)) return "leer";
  return null;
}

const KEINE_MASSNAHMEN: ReadonlyMap<string, GeleseneMassnahme> = new Map();

function zahlOderNull(wert: Zelle): number | null {
  const g = liesZahl(wert);
  return g.art === "zahl" ? g.wert : null;
}

export function liesFinanzzeile(
  z: FinanzplanZeile,
  zeile: number,
  blattZeile: number = excelZeile(zeile),
  massnahmeNachNr: ReadonlyMap<string, GeleseneMassnahme> = KEINE_MASSNAHMEN,
): GeleseneFinanzzeile {
  const probleme: UnlesbarerBetrag[] = [];
  const teile = liesBetraege(z, probleme);
  const { betraege, vollstaendig } = teile;
  const gesamtAng =
    zellText(z.gesamtausgaben) === null ? null : betrag(z.gesamtausgaben, "gesamtausgaben", probleme);
  const bgAng =
    zellText(z.bemessungsgrundlage) === null
      ? null
      : betrag(z.bemessungsgrundlage, "bemessungsgrundlage", probleme);
  const jahrText = zellText(z.jahr);
  // A year typed as a number is that number (liesZahl gives it back as it is); a text is read.
  const jahrZahl = typeof z.jahr === "number" ? z.jahr : zahlOderNull(z.jahr);
  const jahr =
    jahrZahl !== null && Number.isInteger(jahrZahl) && jahrZahl >= 1900 && jahrZahl <= 2200 ? jahrZahl : null;
  const b = betraege;
  let zf: Cent | null = null;
  let gesamt: Cent | null = null;
  let bg: Cent | null = null;
  let eigen: Cent | null = null;
  if (vollstaendig) {
    zf = teile.zfBekannt;
    gesamt = zf + b.investitionen!;
    bg = Math.max(0, zf - b.drittmittel!); // Drittmittel beyond the eligible expenses leave no base
    eigen = teile.eigenBekannt;
  }
  const nr = zellText(z.massnahme_nr);
  return {
    zeile,
    blattZeile,
    keineDatenzeile: keineFinanzDatenzeile(z, nr, jahrText),
    roh: z,
    nr,
    massnahme: nr === null ? null : (massnahmeNachNr.get(nr) ?? null),
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
    spanne: vollstaendig ? null : spanneDerZeile(teile), // a complete row's bounds are its values
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

/** „-“, „–“, „/“, „…“: what people type into a cell to say „nothing here“. */
const NUR_STRICHE = /^[-–—_/.]+$/;

function keineMassnahmenDatenzeile(m: MassnahmeZeile): KeineDatenzeile | null {
  const leer = MASSNAHME_FELDER.every((f) => {
    const t = zellText(m[f]);
    return t === null || NUR_STRICHE.test(t);
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

/** „beantragt“, „in Prüfung“ …: the word that leaves the Gemeinnützigkeit open, read once per text. */
const gemeinnuetzigkeitOffen = merke(
  (text: string) =>
    /\b(beantragt|in pruefung|wird geprueft|ausstehend|angestrebt|vorlaeufig)\b/.exec(normiere(text))?.[1] ??
    null,
);

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
  // Both cells as one text; an empty „gemeinnützig“ adds nothing to it (normiere trims), so the
  // Trägerart's own text is asked then, without building a new one per row.
  const gemeinnuetzig = zellText(m.gemeinnuetzig);
  const offen =
    art === "gemeinnuetziger_traeger" &&
    gemeinnuetzigkeitOffen(
      gemeinnuetzig === null
        ? (zellText(m.traegerart) ?? "")
        : `${zellText(m.traegerart) ?? ""} ${gemeinnuetzig}`,
    );
  if (offen)
    return {
      traegerart: null,
      traegerFrage: {
        zulaessig: null,
        grund: `die Gemeinnützigkeit ist „${offen}“: erst mit ihrer Anerkennung ist der Träger ein zulässiger Letztempfänger (000 §1.1: „gemeinnützige Träger“); den Bescheid beifügen oder einen anderen Träger wählen`,
      },
    };
  // „Schulverwaltungsamt Ilm-Kreis“, „Schulamt Westthüringen“ (004): an Amt may be the Kreis's own or
  // the Land's (the Staatliches Schulamt); the word does not decide — asked (M15), not guessed.
  // (No lookbehind: older Office webviews cannot parse it.)
  const amt = art === null ? normiere(zellText(m.traegerart) ?? "") : "";
  if (amt !== "" && /amt\b/.test(amt) && !/ehrenamt\b/.test(amt))
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
  const traeger = traegerNachBedeutung(m);
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
    traegerart: traeger.traegerart,
    traegerFrage: traeger.traegerFrage,
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
