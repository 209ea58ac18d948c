/**
 * The browser preview's stand-in for what a German Excel shows in a cell: the value through the
 * cell's number format (as the template or the add-in set it), with German separators — „70,0%“ for
 * 0.6999… under "0.0%", „60.000,00 €“ under '#,##0.00 "€"', „15.11.2018“ for a date. Preview only:
 * in Excel, Excel renders. Microsoft, „Number format codes“ (support.microsoft.com): the codes are
 * written with "." and ","; Excel shows the locale's separators; "%" multiplies by 100 and shows the
 * sign where the code has it; "General" shows up to 11 characters.
 */
import {
  BEGRUENDUNGEN,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  PARAMETER,
  ZAHLENFORMATE,
} from "../../shared/arbeitsmappe";
import type { FakeArbeitsmappe } from "./fake/fake-excel";

type Wert = string | number | boolean | null;

/** Excel's date serial (1900 system: 1 = 01.01.1900, with Lotus' 29.02.1900) to „TT.MM.JJJJ“. */
function datumAusSerie(serie: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serie) * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
}

/** An ISO date typed into a cell („2018-11-15“): German Excel takes it as a date on entry. */
const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

function zahl(v: number, stellen: number, gruppen: boolean): string {
  return new Intl.NumberFormat("de-DE", {
    minimumFractionDigits: stellen,
    maximumFractionDigits: stellen,
    useGrouping: gruppen,
  }).format(v);
}

/** "General": at most 10 significant digits, as a standard-width column shows them. */
function standard(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  return Number(v.toPrecision(10)).toLocaleString("de-DE", { maximumFractionDigits: 10, useGrouping: false });
}

/** A cell's value as German Excel shows it under the number format `format` (undefined = General). */
export function excelAnzeige(wert: Wert, format: string | undefined): string {
  if (wert === null || wert === "") return "";
  if (typeof wert === "boolean") return wert ? "WAHR" : "FALSCH";
  const f = format && format !== "General" ? format : undefined;
  if (typeof wert === "string") {
    const iso = ISO_DATUM.exec(wert);
    return iso && f !== "@" ? `${iso[3]}.${iso[2]}.${iso[1]}` : wert;
  }
  if (!f) return standard(wert);
  if (f === "@") return String(wert);
  if (/[dmy]/i.test(f.replace(/"[^"]*"/g, ""))) return datumAusSerie(wert);
  const kern = f.replace(/"[^"]*"/g, "");
  const stellen = /\.(0+)/.exec(kern)?.[1]?.length ?? 0;
  const gruppen = kern.includes("#,##");
  const anhang = /"([^"]*)"/.exec(f)?.[1];
  if (kern.includes("%")) return `${zahl(wert * 100, stellen, gruppen)}${/\s%/.test(kern) ? " %" : "%"}`;
  const text = zahl(wert, stellen, gruppen);
  return anhang ? `${text}${/\s"/.test(f) ? " " : ""}${anhang}` : text;
}

const TABELLEN = [MASSNAHMEN, FINANZPLAN, BEGRUENDUNGEN, INDIKATOREN_TABELLE];

/**
 * What the template gives a cell of its tables: the column's number format and whether it is one of
 * the grey output columns (header and body), as `lsz vorlage` lays them out. Null outside the tables.
 */
export function vorlagenZelle(
  m: FakeArbeitsmappe,
  blatt: string,
  zeile: number,
  spalte: number,
): { format?: string; ausgabe: boolean; kopf: boolean } | null {
  const t = m.tabellen.find(
    (x) =>
      x.blatt === blatt &&
      zeile >= x.zeile &&
      zeile <= x.zeile + x.zeilen &&
      spalte >= x.spalte &&
      spalte < x.spalte + x.spalten,
  );
  if (!t) return null;
  const kopf = zeile === t.zeile;
  if (t.name === PARAMETER.tabelle) {
    const angabe = String(m.wert(blatt, zeile, t.spalte));
    const z = PARAMETER.zeilen.find((p) => p.angabe === angabe);
    return { format: z && spalte > t.spalte ? ZAHLENFORMATE[z.typ] : undefined, ausgabe: false, kopf };
  }
  const def = TABELLEN.find((d) => d.tabelle === t.name);
  const s = def?.spalten.find((x) => x.kopf === String(m.wert(blatt, t.zeile, spalte)));
  if (!s) return { ausgabe: false, kopf };
  return { format: ZAHLENFORMATE[s.typ], ausgabe: "ausgabe" in s && s.ausgabe === true, kopf };
}
