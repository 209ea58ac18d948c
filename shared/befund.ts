/**
 * A finding (Befund): data, not a string. The task pane, the Prüfbericht sheet and the CLI all render
 * the same list.
 */
import { REGELN, type RegelCode } from "./regeln/katalog";

export type Schwere = "fehler" | "warnung" | "hinweis";
export type Tabelle = "massnahmen" | "finanzplan" | "regionen" | "parameter";

export interface Befund {
  regel: RegelCode;
  schwere: Schwere;
  /** German message naming the numbers involved (de-DE formatting). */
  meldung: string;
  tabelle: Tabelle;
  /** 1-based row as sent; null for table-level findings. */
  zeile: number | null;
  /** Field name, or null. */
  spalte: string | null;
  /**
   * Where the slip is that this finding follows from: the cell whose own finding comes first
   * (shared/pruefung/folgen.ts). Absent on a finding that is its own cause.
   */
  folgt_aus?: Stelle[];
  /** The one change that clears this finding and every finding that follows from the same slip. */
  behebung?: Behebung;
}

/** A cell of a table: row (1-based, as sent) and field. */
export interface Stelle {
  tabelle: Tabelle;
  zeile: number;
  spalte: string;
}

/** „Set this cell to this amount“: the cell and the amount in euros that clear a slip's findings. */
export interface Behebung extends Stelle {
  wert_eur: number;
}

export interface Ort {
  tabelle: Tabelle;
  zeile?: number | null;
  spalte?: string | null;
}

export const SCHWERE_RANG: Record<Schwere, number> = { fehler: 0, warnung: 1, hinweis: 2 };

/** The severities the catalogue allows for a rule (its default first). */
type SchwereVon<C extends RegelCode> = (typeof REGELN)[C]["schweren"][number];

/**
 * A finding of rule `regel`. Its severity is the catalogue's unless the rule passes one of the others
 * the catalogue lists for it (F05 by rule set, M10 by Förderstufe, I01 by kind) — anything else is a
 * type error.
 */
export function befund<C extends RegelCode>(
  regel: C,
  meldung: string,
  ort: Ort,
  schwere?: SchwereVon<C>,
): Befund {
  return {
    regel,
    schwere: schwere ?? REGELN[regel].schwere,
    meldung,
    tabelle: ort.tabelle,
    zeile: ort.zeile ?? null,
    spalte: ort.spalte ?? null,
  };
}

/**
 * Appends a list to another without spreading it into arguments: `push(...liste)` overflows the stack
 * for long lists (in workerd from about 100.000 elements).
 */
export function anhaengen<T>(ziel: T[], liste: readonly T[]): void {
  for (const x of liste) ziel.push(x);
}

export function zaehleBefunde(befunde: readonly Befund[]): Record<Schwere, number> {
  const anzahl: Record<Schwere, number> = { fehler: 0, warnung: 0, hinweis: 0 };
  for (const b of befunde) anzahl[b.schwere]++;
  return anzahl;
}

const stelleText = (s: Stelle) => `${s.tabelle}|${s.zeile}|${s.spalte}`;

/**
 * The one order of findings that the task pane, the Prüfbericht and lsz show: by severity, then
 * table, row and rule code (stable for equal keys) — except that a finding that follows from a slip
 * (`folgt_aus`) stands right after the slip's own finding, the one that carries the `behebung` and
 * follows from nothing: one slip, one story.
 */
export function sortiereBefunde(befunde: readonly Befund[]): Befund[] {
  const sortiert = [...befunde].sort(
    (a, b) =>
      SCHWERE_RANG[a.schwere] - SCHWERE_RANG[b.schwere] ||
      a.tabelle.localeCompare(b.tabelle) ||
      (a.zeile ?? 0) - (b.zeile ?? 0) ||
      a.regel.localeCompare(b.regel),
  );
  const ursachen = new Set(
    sortiert.filter((b) => b.behebung && !b.folgt_aus).map((b) => stelleText(b.behebung!)),
  );
  const folgen = new Map<string, Befund[]>();
  for (const b of sortiert) {
    const ursache = b.folgt_aus?.map(stelleText).find((s) => ursachen.has(s));
    if (ursache !== undefined) folgen.set(ursache, [...(folgen.get(ursache) ?? []), b]);
  }
  const liste: Befund[] = [];
  for (const b of sortiert) {
    if (b.folgt_aus?.some((s) => ursachen.has(stelleText(s)))) continue;
    liste.push(b);
    if (b.behebung && !b.folgt_aus) anhaengen(liste, folgen.get(stelleText(b.behebung)) ?? []);
  }
  return liste;
}

/** How many findings a result lists one by one: per rule and in all (the counts always cover all). */
export const BEFUNDE_JE_REGEL = 1_000;
export const BEFUNDE_GESAMT = 5_000;

/**
 * Caps the list of findings so that no input can make an answer grow without end: the first
 * BEFUNDE_JE_REGEL of each rule, BEFUNDE_GESAMT in all, and one Z02 saying how many more there are of
 * which rule. Row statuses and counts are computed from the full list before this.
 */
export function begrenzeBefunde(befunde: readonly Befund[]): Befund[] {
  if (befunde.length <= BEFUNDE_JE_REGEL) return [...befunde];
  const jeRegel = new Map<string, number>();
  const weggelassen = new Map<string, number>();
  const liste: Befund[] = [];
  for (const b of befunde) {
    const n = (jeRegel.get(b.regel) ?? 0) + 1;
    jeRegel.set(b.regel, n);
    if (n <= BEFUNDE_JE_REGEL && liste.length < BEFUNDE_GESAMT) liste.push(b);
    else weggelassen.set(b.regel, (weggelassen.get(b.regel) ?? 0) + 1);
  }
  if (weggelassen.size === 0) return liste;
  const summe = [...weggelassen.values()].reduce((a, x) => a + x, 0);
  const teile = [...weggelassen].map(([r, n]) => `${r}: ${n.toLocaleString("de-DE")}`).join(", ");
  liste.push(
    befund(
      "Z02",
      `${summe.toLocaleString("de-DE")} weitere Befunde sind nicht einzeln aufgeführt (${teile}); die Anzahlen und der Status jeder Zeile enthalten sie. Die aufgeführten zuerst beheben und erneut prüfen.`,
      { tabelle: befunde[0]!.tabelle, zeile: null, spalte: null },
    ),
  );
  return liste;
}

/**
 * The findings of a list's rows in order, for a rule with at most one finding per row: `pruefe` gives
 * a row's finding or null. A plain loop, no array per row (the hot path of every check).
 */
export function befundeJe<Z>(zeilen: readonly Z[], pruefe: (z: Z) => Befund | null): Befund[] {
  const befunde: Befund[] = [];
  for (const z of zeilen) {
    const b = pruefe(z);
    if (b !== null) befunde.push(b);
  }
  return befunde;
}
