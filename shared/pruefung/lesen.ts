/**
 * Reads the rows of a validation request into typed values, keeping what could not be read so that
 * the rules can report it cell by cell. Money becomes integer cents here.
 */
import { euroZuCent, type Cent } from "../geld";
import { datumIso, liesDatum } from "../datum";
import { liesZahl, nachkommastellen, kurz } from "../zahl";
import {
  BETRAGSFELDER,
  type Betragsfeld,
  type FinanzplanZeile,
  type MassnahmeZeile,
  type ValidationRequest,
  type Zelle,
} from "./schema";
import {
  liesArt,
  liesBestandsschutzKategorie,
  liesHandlungsfeld,
  liesJaNein,
  liesTraegerart,
  type Art,
  type BestandsschutzKategorie,
  type Handlungsfeld,
  type Traegerart,
} from "./woerter";
import { liesZeitraum, type Zeitraum } from "./zeitraum";

/** A cell as text: trimmed; numbers as JavaScript prints them; empty → null. */
export function zellText(wert: Zelle): string | null {
  if (wert === null || wert === undefined) return null;
  const t = typeof wert === "string" ? wert.trim() : String(wert);
  return t === "" ? null : t;
}

export interface Betragsproblem {
  feld: Betragsfeld | "gesamtausgaben" | "bemessungsgrundlage";
  grund: "text" | "negativ" | "stellen";
  text: string;
}

export interface GeleseneFinanzzeile {
  zeile: number;
  nr: string | null;
  jahr: number | null;
  jahrText: string | null;
  /** Cents per amount field; empty cells are 0; unreadable ones null. */
  betraege: Record<Betragsfeld, Cent | null>;
  probleme: Betragsproblem[];
  vollstaendig: boolean;
  gesamtausgaben: Cent | null;
  zuwendungsfaehig: Cent | null;
  bemessungsgrundlage: Cent | null;
  eigenanteil: Cent | null;
  gesamtausgabenAngegeben: Cent | null;
  bemessungsgrundlageAngegeben: Cent | null;
}

function liesBetrag(wert: Zelle, feld: Betragsproblem["feld"], probleme: Betragsproblem[]): Cent | null {
  if (typeof wert === "boolean") {
    probleme.push({ feld, grund: "text", text: String(wert) });
    return null;
  }
  const g = liesZahl(wert);
  if (g.art === "leer") return 0;
  if (g.art === "unlesbar" || g.prozent) {
    probleme.push({ feld, grund: "text", text: g.art === "unlesbar" ? g.text : g.text });
    return null;
  }
  if (g.wert < 0) {
    probleme.push({ feld, grund: "negativ", text: g.text });
    return null;
  }
  const c = nachkommastellen(g) <= 2 ? euroZuCent(g.wert) : null;
  if (c === null) {
    probleme.push({ feld, grund: "stellen", text: g.text });
    return null;
  }
  return c;
}

export function liesFinanzzeile(z: FinanzplanZeile, zeile: number): GeleseneFinanzzeile {
  const probleme: Betragsproblem[] = [];
  const betraege = {} as Record<Betragsfeld, Cent | null>;
  for (const f of BETRAGSFELDER) betraege[f] = liesBetrag(z[f], f, probleme);
  const gesamtAng =
    z.gesamtausgaben === undefined || z.gesamtausgaben === null || z.gesamtausgaben === ""
      ? null
      : liesBetrag(z.gesamtausgaben, "gesamtausgaben", probleme);
  const bgAng =
    z.bemessungsgrundlage === undefined || z.bemessungsgrundlage === null || z.bemessungsgrundlage === ""
      ? null
      : liesBetrag(z.bemessungsgrundlage, "bemessungsgrundlage", probleme);
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
  const vollstaendig = BETRAGSFELDER.every((f) => b[f] !== null);
  let zf: Cent | null = null;
  let gesamt: Cent | null = null;
  let bg: Cent | null = null;
  let eigen: Cent | null = null;
  if (vollstaendig) {
    zf = b.personalausgaben! + b.sachausgaben! + b.verwaltungsausgaben! + b.honorarausgaben!;
    gesamt = zf + b.investitionen!;
    bg = Math.max(0, zf - b.drittmittel!); // Drittmittel beyond the eligible expenses leave no base
    eigen = b.eigenmittel_kreis! + b.anteil_gemeinden!;
  }
  return {
    zeile,
    nr: zellText(z.massnahme_nr),
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
  };
}

export interface GeleseneMassnahme {
  zeile: number;
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
  gemeinnuetzig: boolean | null;
  beginn: Zeitraum;
  ende: Zeitraum;
}

export function liesMassnahme(m: MassnahmeZeile, zeile: number): GeleseneMassnahme {
  const titel = zellText(m.titel);
  return {
    zeile,
    roh: m,
    nr: zellText(m.nr),
    titel,
    handlungsfeld: liesHandlungsfeld(m.handlungsfeld),
    art: liesArt(m.art),
    kategorie:
      liesBestandsschutzKategorie(m.bestandsschutz_kategorie) ??
      (zellText(m.bestandsschutz_kategorie) === null ? liesBestandsschutzKategorie(titel) : null),
    zuwendung2017: liesJaNein(m.landeszuwendung_2017),
    traeger: zellText(m.traeger),
    traegerart: liesTraegerart(m.traegerart),
    gemeinnuetzig: liesJaNein(m.gemeinnuetzig),
    beginn: liesZeitraum(m.beginn),
    ende: liesZeitraum(m.ende),
  };
}

export interface GelesenerKreis {
  schluessel: string | null;
  name: string | null;
  foerderstufe: 1 | 2 | 3 | null;
  foerderstufeText: string | null;
  foerderhoechstbetrag: Cent | null;
  foerderhoechstbetragText: string | null;
  fachplanDatum: string | null;
  fachplanText: string | null;
}

export function liesKreis(k: ValidationRequest["kreis"]): GelesenerKreis {
  const stufeText = zellText(k.foerderstufe);
  const stufeM =
    stufeText === null
      ? null
      : /^(?:stufe|foerderstufe|förderstufe)?\s*([123])(?:\.0)?$/i.exec(stufeText.trim());
  const fhb = liesZahl(k.foerderhoechstbetrag_eur);
  const fachplanText = zellText(k.fachplan_datum);
  const fachplan = liesDatum(typeof k.fachplan_datum === "boolean" ? null : k.fachplan_datum);
  return {
    schluessel: zellText(k.schluessel),
    name: zellText(k.name),
    foerderstufe: stufeM ? (Number(stufeM[1]) as 1 | 2 | 3) : null,
    foerderstufeText: stufeText,
    foerderhoechstbetrag:
      fhb.art === "zahl" && fhb.wert >= 0 && !fhb.prozent
        ? euroZuCent(Math.round(fhb.wert * 100) / 100)
        : null,
    foerderhoechstbetragText:
      fhb.art === "leer" ? null : kurz(zellText(k.foerderhoechstbetrag_eur as Zelle) ?? ""),
    fachplanDatum: fachplan ? datumIso(fachplan) : null,
    fachplanText,
  };
}
