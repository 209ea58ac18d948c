/**
 * What changed between the values a seal kept and the workbook's values now (or between two versions
 * of a plan): cell by cell, named as the user finds them („Parameter!B7“), with before and after.
 */
import { zellAdresse } from "./arbeitsmappe/tabellen";
import { BETRAGSFELDER } from "./arbeitsmappe/layout";
import { FINANZPLAN_FELDER, MASSNAHME_FELDER } from "./pruefung/schema";
import type { SiegelWert, SiegelWerte } from "./siegel-schema";

export type SiegelTeil = keyof SiegelWerte;

/** Where each part of the seal's values stands in the workbook: sheet, row of each entry, column of each field. */
export interface TeilOrt {
  blatt: string;
  zeilen: readonly number[];
  spalten: readonly (number | null)[];
}
export type SiegelOrte = Partial<Record<Exclude<SiegelTeil, "anfrage">, TeilOrt>>;

export interface Aenderung {
  teil: SiegelTeil;
  /** The cell („Parameter!B7“), or the row and field where the workbook no longer has it. */
  ort: string;
  /** Field name (row parts) or the Angabe (Parameter). */
  feld: string;
  vorher: SiegelWert;
  nachher: SiegelWert;
}

const TEIL_NAME: Record<SiegelTeil, string> = {
  anfrage: "Parameter",
  parameter: "Parameter",
  massnahmen: "Maßnahmen",
  finanzplan: "Finanzplan",
  begruendungen: "Parameter (Begründungen)",
  indikatoren: "Indikatoren",
};

/** The field names of each row part, in the order of the seal's rows. */
export function teilFelder(teil: SiegelTeil, indikatorSpalten: readonly string[]): readonly string[] {
  if (teil === "massnahmen") return MASSNAHME_FELDER;
  if (teil === "finanzplan") return FINANZPLAN_FELDER;
  if (teil === "begruendungen") return ["handlungsfeld", "begruendung"];
  if (teil === "indikatoren") return indikatorSpalten;
  if (teil === "parameter") return ["angabe", "wert"];
  return [
    "foerderjahre",
    "regelwerk",
    "kreis",
    "kreis_name",
    "foerderstufe",
    "foerderhoechstbetrag",
    "fachplan_datum",
    "verteilung",
    "landesquote_je_massnahme",
  ];
}

function ortText(teil: SiegelTeil, ort: TeilOrt | undefined, zeile: number, feld: number): string {
  const z = ort?.zeilen[zeile];
  const s = ort?.spalten[feld];
  if (ort && z !== undefined && s !== null && s !== undefined) return `${ort.blatt}!${zellAdresse(s, z)}`;
  const blatt = ort?.blatt ?? TEIL_NAME[teil];
  return z !== undefined ? `${blatt} Zeile ${z}` : `${blatt} (Zeile ${zeile + 1} der Tabelle)`;
}

function zeilenTeil(
  teil: Exclude<SiegelTeil, "anfrage" | "parameter">,
  alt: SiegelWerte,
  neu: SiegelWerte,
  felder: readonly string[],
  ort: TeilOrt | undefined,
): Aenderung[] {
  const aus: Aenderung[] = [];
  const a = alt[teil];
  const n = neu[teil];
  for (let i = 0; i < Math.max(a.length, n.length); i++) {
    const za = a[i];
    const zn = n[i];
    if (!zn) {
      aus.push({
        teil,
        ort: `${ort?.blatt ?? TEIL_NAME[teil]}: Zeile ${i + 1} der Tabelle entfernt`,
        feld: "",
        vorher: JSON.stringify(za),
        nachher: null,
      });
      continue;
    }
    for (let f = 0; f < Math.max(za?.length ?? 0, zn.length); f++) {
      const va = za?.[f] ?? null;
      const vn = zn[f] ?? null;
      if (va !== vn)
        aus.push({
          teil,
          ort: ortText(teil, ort, i, f),
          feld: felder[f] ?? String(f),
          vorher: va,
          nachher: vn,
        });
    }
  }
  return aus;
}

/** The Parameter table by Angabe (a row moved is no change; a value changed is, named at its cell). */
function parameterTeil(alt: SiegelWerte, neu: SiegelWerte, ort: TeilOrt | undefined): Aenderung[] {
  const schluessel = (z: readonly SiegelWert[]) => String(z[0] ?? "");
  const jetzt = new Map(neu.parameter.map((z, i) => [schluessel(z), i]));
  const vorher = new Map(alt.parameter.map((z) => [schluessel(z), z[1] ?? null]));
  const aus: Aenderung[] = [];
  for (const [angabe, wert] of vorher) {
    const i = jetzt.get(angabe);
    const nachher = i === undefined ? null : (neu.parameter[i]![1] ?? null);
    if (nachher !== wert)
      aus.push({
        teil: "parameter",
        ort:
          i === undefined
            ? `${ort?.blatt ?? "Parameter"}: „${angabe}“ entfernt`
            : ortText("parameter", ort, i, 1),
        feld: angabe,
        vorher: wert,
        nachher,
      });
  }
  neu.parameter.forEach((z, i) => {
    if (!vorher.has(schluessel(z)))
      aus.push({
        teil: "parameter",
        ort: ortText("parameter", ort, i, 1),
        feld: schluessel(z),
        vorher: null,
        nachher: z[1] ?? null,
      });
  });
  return aus;
}

/** Every changed cell, part by part; empty when the values are the same. */
export function aenderungen(
  alt: SiegelWerte,
  neu: SiegelWerte,
  orte: SiegelOrte = {},
  indikatorSpalten: readonly string[] = [],
): Aenderung[] {
  const aus = parameterTeil(alt, neu, orte.parameter);
  for (const teil of ["massnahmen", "finanzplan", "begruendungen", "indikatoren"] as const)
    for (const a of zeilenTeil(teil, alt, neu, teilFelder(teil, indikatorSpalten), orte[teil])) aus.push(a);
  // The request's own part is derived from the sheets above; said only when nothing else explains it.
  if (aus.length === 0)
    alt.anfrage.forEach((v, f) => {
      if (v !== (neu.anfrage[f] ?? null))
        aus.push({
          teil: "anfrage",
          ort: "Parameter",
          feld: teilFelder("anfrage", [])[f] ?? String(f),
          vorher: v,
          nachher: neu.anfrage[f] ?? null,
        });
    });
  return aus;
}

const EURO = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });
const BETRAG = new Set<string>([...BETRAGSFELDER, "gesamtausgaben", "bemessungsgrundlage"]);

/** A checked value as the user reads it: amounts (kept in cents) in euros, empty as „(leer)“. */
export function wertText(a: Pick<Aenderung, "teil" | "feld">, v: SiegelWert): string {
  if (v === null) return "(leer)";
  if (typeof v === "number" && a.teil === "finanzplan" && BETRAG.has(a.feld)) return EURO.format(v / 100);
  return typeof v === "string" ? `„${v}“` : String(v);
}

/** „Finanzplan!L7: 12.000,00 € → 36.000,00 €“ */
export function aenderungText(a: Aenderung): string {
  return `${a.ort}: ${wertText(a, a.vorher)} → ${wertText(a, a.nachher)}`;
}
