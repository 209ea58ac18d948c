/**
 * The amount cells of a Finanzplan row: each read once (the hot path of every check), with what each
 * column is to the sums (its role) and the bounds the year rules rely on where a cell is unreadable.
 */
import { BETRAGSFELDER, type Betragsfeld } from "../arbeitsmappe/layout";
import { MAX_EURO, liesBetrag, type Cent } from "../geld";
import { merke } from "../merken";
import type { GeleseneFinanzzeile, UnlesbarerBetrag } from "./lesen";
import type { FinanzplanZeile, Zelle } from "./schema";

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

export function betrag(
  wert: Zelle,
  feld: UnlesbarerBetrag["feld"],
  probleme: UnlesbarerBetrag[],
): Cent | null {
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

/** A row's amount cells, read in one pass: cents per field, and the sums by role of what is readable. */
export interface Betragsteile {
  betraege: Record<Betragsfeld, Cent | null>;
  vollstaendig: boolean;
  /** Σ of the readable eligible expenses, and whether one of them is unreadable. */
  zfBekannt: Cent;
  zfOffen: boolean;
  /** Σ of the readable own share (Eigenmittel Kreis, Anteil Gemeinden), and whether one is unreadable. */
  eigenBekannt: Cent;
  eigenOffen: boolean;
}

const ROLLE_JE_FELD: readonly Betragsrolle[] = BETRAGSFELDER.map((f) => BETRAGSROLLE[f]);

/** Every amount field at 0: a row's cents start as a copy of it, so each row's object has one shape. */
const NULL_CENT = Object.fromEntries(BETRAGSFELDER.map((f) => [f, 0])) as Record<Betragsfeld, Cent | null>;

export function liesBetraege(z: FinanzplanZeile, probleme: UnlesbarerBetrag[]): Betragsteile {
  const betraege = { ...NULL_CENT };
  let vollstaendig = true;
  let zfBekannt = 0;
  let zfOffen = false;
  let eigenBekannt = 0;
  let eigenOffen = false;
  for (let i = 0; i < BETRAGSFELDER.length; i++) {
    const f = BETRAGSFELDER[i]!;
    const w = z[f];
    // An empty cell and a whole number of euros as liesBetragSchnell reads them, without its object.
    const c =
      w === null || w === undefined
        ? 0
        : typeof w === "number" && Number.isInteger(w) && w >= 0 && w <= MAX_EURO
          ? w * 100
          : betrag(w, f, probleme);
    if (c !== 0) betraege[f] = c;
    const rolle = ROLLE_JE_FELD[i];
    if (c === null) vollstaendig = false;
    if (rolle === "zuwendungsfaehig") {
      if (c === null) zfOffen = true;
      else zfBekannt += c;
    } else if (rolle === "eigenanteil") {
      if (c === null) eigenOffen = true;
      else eigenBekannt += c;
    }
  }
  return { betraege, vollstaendig, zfBekannt, zfOffen, eigenBekannt, eigenOffen };
}

export function spanneDerZeile(t: Betragsteile): GeleseneFinanzzeile["spanne"] {
  const b = t.betraege;
  const zfBekannt = t.zfBekannt;
  // The eligible expenses' bounds (lo, hi), as scalars: this runs for every row.
  let zfLo = zfBekannt;
  let zfHi: Cent | null = t.zfOffen ? null : zfBekannt;
  const eigen = t.eigenOffen ? null : t.eigenBekannt;
  // An unreadable expense cell is bounded by the row's own funding, which is readable: a row balances
  // (F04), so zuwendungsfähig = Finanzierung − Investitionen. The funding side is never inferred: the
  // Landesmittel are what the rules judge.
  const finanzierung =
    b.drittmittel === null || b.landesmittel === null || eigen === null
      ? null
      : b.drittmittel + b.landesmittel + eigen;
  if (zfHi === null && finanzierung !== null) {
    const ausgeglichen = Math.max(zfBekannt, finanzierung - (b.investitionen ?? 0));
    zfLo = b.investitionen === null ? zfBekannt : ausgeglichen;
    zfHi = ausgeglichen;
  }
  const bgLo = b.drittmittel === null ? 0 : Math.max(0, zfLo - b.drittmittel);
  const bgHi = zfHi === null ? null : Math.max(0, zfHi - (b.drittmittel ?? 0));
  return {
    landesmittel: { lo: b.landesmittel ?? 0, hi: b.landesmittel },
    bemessungsgrundlage: { lo: Math.min(bgLo, bgHi ?? bgLo), hi: bgHi },
    eigenanteil: { lo: t.eigenBekannt, hi: eigen },
  };
}
