/**
 * The 23 Kreise of 2017 (data/thueringen-kreise-2017.csv) as regions. Mindestsicherung per Kreis is not
 * public: `erfundeneMindestsicherung` MAKES IT UP (6–10 % of the inhabitants, varied by Kreis; the
 * Ilm-Kreis gets its real 9.120). Pure: the caller reads the file (fs, a bundler, fetch).
 */
import { allocationRequestSchema, type Region } from "../allocation/schema";
import { verteile } from "../allocation/verteilung";
import { liesCsv } from "../csv";

export interface KreisZeile {
  kreisschluessel: string;
  name: string;
  stichtag: string;
  einwohner: number;
  unter_20: number;
  von_20_bis_unter_65: number;
  ab_65: number;
  flaeche_km2: number;
}

export function kreiseAusCsv(text: string): KreisZeile[] {
  const { kopf, zeilen } = liesCsv(text);
  return zeilen.map((f) => {
    const wert = (name: string) => f[kopf.indexOf(name)] ?? "";
    return {
      kreisschluessel: wert("kreisschluessel"),
      name: wert("name"),
      stichtag: wert("stichtag"),
      einwohner: Number(wert("einwohner")),
      unter_20: Number(wert("unter_20")),
      von_20_bis_unter_65: Number(wert("von_20_bis_unter_65")),
      ab_65: Number(wert("ab_65")),
      flaeche_km2: Number(wert("flaeche_km2")),
    };
  });
}

/** MADE UP: Mindestsicherung per Kreis, 6–10 % of the inhabitants; the Ilm-Kreis's real 9.120. */
export function erfundeneMindestsicherung(k: KreisZeile): number {
  if (k.kreisschluessel === "16070") return 9120;
  const streuung = (Number(k.kreisschluessel) % 9) / 200; // 0 … 4 %
  return Math.round(k.einwohner * (0.06 + streuung));
}

/**
 * MADE UP: last year's Förderhöchstbetrag per Kreis, for the example's change chart — the allocation of
 * 10 Mio € over the same data, varied by −6 … +6 % by Kreis and rounded to 100 € (so no change
 * reaches I10's 20 %).
 */
export function erfundeneVorjahresbetraege(regionen: Region[]): (number | null)[] {
  const e = verteile(
    allocationRequestSchema.parse({ foerderjahr: 2019, haushaltsmittel_eur: 10_000_000, regionen }),
  );
  return e.regionen.map((r) => {
    if (r.foerderhoechstbetrag_eur === null) return null;
    const streuung = ((Number(r.schluessel) % 13) - 6) / 100;
    return Math.round((r.foerderhoechstbetrag_eur * (1 + streuung)) / 100) * 100;
  });
}

export function kreiseAlsRegionenAus(kreise: KreisZeile[]): Region[] {
  return kreise.map((k) => ({
    schluessel: k.kreisschluessel,
    name: k.name,
    einwohner: k.einwohner,
    unter_20: k.unter_20,
    von_20_bis_unter_65: k.von_20_bis_unter_65,
    ab_65: k.ab_65,
    mindestsicherung: erfundeneMindestsicherung(k),
    flaeche_km2: k.flaeche_km2,
    stichtag: k.stichtag,
  }));
}
