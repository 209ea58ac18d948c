/**
 * Reads a region's raw counts (Einwohner, Altersgruppen, Mindestsicherung, Fläche) from what the user
 * typed, and reports I02, I03 and I04 for that row.
 */
import { befund, type Befund } from "../befund";
import { formatZahl } from "../format";
import { liesZahl } from "../zahl";
import { regionText } from "./hierarchie";
import type { Region } from "./schema";

export const ZAEHLFELDER = {
  einwohner: { de: "Einwohner", en: "inhabitants", ganz: true, positiv: true },
  unter_20: { de: "unter 20 Jahre", en: "under 20", ganz: true, positiv: false },
  von_20_bis_unter_65: { de: "20 bis unter 65 Jahre", en: "20 to under 65", ganz: true, positiv: true },
  ab_65: { de: "65 Jahre und älter", en: "65 and older", ganz: true, positiv: false },
  mindestsicherung: { de: "Mindestsicherung", en: "minimum-income recipients", ganz: true, positiv: false },
  mindestsicherung_sgb2: {
    de: "Mindestsicherung SGB II",
    en: "SGB II recipients",
    ganz: true,
    positiv: false,
  },
  mindestsicherung_hlu: { de: "Hilfe zum Lebensunterhalt", en: "HLU recipients", ganz: true, positiv: false },
  mindestsicherung_grundsicherung: {
    de: "Grundsicherung (SGB XII)",
    en: "Grundsicherung recipients",
    ganz: true,
    positiv: false,
  },
  mindestsicherung_asylblg: {
    de: "AsylbLG-Regelleistungen",
    en: "AsylbLG recipients",
    ganz: true,
    positiv: false,
  },
  flaeche_km2: { de: "Fläche (km²)", en: "area (km²)", ganz: false, positiv: true },
} as const;

export type Zaehlfeld = keyof typeof ZAEHLFELDER;
export type Zaehlwerte = Record<Zaehlfeld, number | null>;
export const ZAEHLFELD_LISTE = Object.keys(ZAEHLFELDER) as Zaehlfeld[];

function leereZaehlwerte(): Zaehlwerte {
  return {
    einwohner: null,
    unter_20: null,
    von_20_bis_unter_65: null,
    ab_65: null,
    mindestsicherung: null,
    mindestsicherung_sgb2: null,
    mindestsicherung_hlu: null,
    mindestsicherung_grundsicherung: null,
    mindestsicherung_asylblg: null,
    flaeche_km2: null,
  };
}

/** Counts beyond this are not plausible for any region (and would endanger exact arithmetic). */
export const MAX_ZAEHLWERT = 1e10;

export interface GeleseneRegion {
  werte: Zaehlwerte;
  /** Fields that were typed but could not be used (text, negative, fractional …). */
  ungueltig: Set<Zaehlfeld>;
  befunde: Befund[];
}

export function liesZaehlwerte(region: Region, zeile: number): GeleseneRegion {
  const befunde: Befund[] = [];
  const ungueltig = new Set<Zaehlfeld>();
  const werte = leereZaehlwerte();
  const text = regionText(region);
  const ort = (spalte: string) => ({ tabelle: "regionen" as const, zeile, spalte });

  for (const feld of ZAEHLFELD_LISTE) {
    const def = ZAEHLFELDER[feld];
    const roh = region[feld];
    if (roh === undefined || roh === null) continue;
    // Fast path: a plain valid number, as the add-in and the CLI send most cells.
    if (
      typeof roh === "number" &&
      Number.isFinite(roh) &&
      (def.positiv ? roh > 0 : roh >= 0) &&
      (!def.ganz || Number.isInteger(roh)) &&
      roh <= MAX_ZAEHLWERT
    ) {
      werte[feld] = roh;
      continue;
    }
    const gelesen = liesZahl(roh);
    if (gelesen.art === "leer") continue;
    if (gelesen.art === "unlesbar") {
      ungueltig.add(feld);
      befunde.push(
        befund(
          "I04",
          "fehler",
          {
            de: `${text}: ${def.de} „${gelesen.text}“ ist keine Zahl.`,
            en: `${text}: ${def.en} "${gelesen.text}" is not a number.`,
          },
          ort(feld),
        ),
      );
      continue;
    }
    const x = gelesen.wert;
    let problem: { de: string; en: string } | null = null;
    if (def.positiv ? x <= 0 : x < 0) {
      problem = def.positiv
        ? {
            de: `muss größer als 0 sein (ist ${formatZahl(x)})`,
            en: `must be greater than 0 (is ${formatZahl(x, "en")})`,
          }
        : {
            de: `darf nicht negativ sein (ist ${formatZahl(x)})`,
            en: `must not be negative (is ${formatZahl(x, "en")})`,
          };
    } else if (def.ganz && !Number.isInteger(x)) {
      problem = {
        de: `muss eine ganze Zahl sein (ist ${formatZahl(x, "de", 6)})`,
        en: `must be a whole number (is ${formatZahl(x, "en", 6)})`,
      };
    } else if (x > MAX_ZAEHLWERT) {
      problem = {
        de: `ist unplausibel groß (${formatZahl(x)})`,
        en: `is implausibly large (${formatZahl(x, "en")})`,
      };
    }
    if (problem) {
      ungueltig.add(feld);
      befunde.push(
        befund(
          "I04",
          "fehler",
          { de: `${text}: ${def.de} ${problem.de}.`, en: `${text}: ${def.en} ${problem.en}.` },
          ort(feld),
        ),
      );
      continue;
    }
    werte[feld] = x;
  }

  // I02: the age groups add up to the inhabitants.
  const { einwohner, unter_20, von_20_bis_unter_65, ab_65, mindestsicherung } = werte;
  if (einwohner !== null && unter_20 !== null && von_20_bis_unter_65 !== null && ab_65 !== null) {
    const summe = unter_20 + von_20_bis_unter_65 + ab_65;
    if (summe !== einwohner) {
      befunde.push(
        befund(
          "I02",
          "fehler",
          {
            de: `${text}: Altersgruppen ${formatZahl(unter_20)} + ${formatZahl(von_20_bis_unter_65)} + ${formatZahl(ab_65)} = ${formatZahl(summe)}, aber Einwohner ${formatZahl(einwohner)} (Differenz ${formatZahl(summe - einwohner)}).`,
            en: `${text}: age groups ${formatZahl(unter_20, "en")} + ${formatZahl(von_20_bis_unter_65, "en")} + ${formatZahl(ab_65, "en")} = ${formatZahl(summe, "en")}, but inhabitants ${formatZahl(einwohner, "en")}.`,
          },
          ort("einwohner"),
        ),
      );
    }
  }

  // I03: Mindestsicherung not above the inhabitants; its parts, where given, add up to it.
  if (mindestsicherung !== null) {
    if (einwohner !== null && mindestsicherung > einwohner) {
      befunde.push(
        befund(
          "I03",
          "fehler",
          {
            de: `${text}: Mindestsicherung ${formatZahl(mindestsicherung)} ist größer als die Einwohnerzahl ${formatZahl(einwohner)}.`,
            en: `${text}: minimum-income recipients ${formatZahl(mindestsicherung, "en")} exceed the inhabitants ${formatZahl(einwohner, "en")}.`,
          },
          ort("mindestsicherung"),
        ),
      );
    }
    const teile = (
      [
        "mindestsicherung_sgb2",
        "mindestsicherung_hlu",
        "mindestsicherung_grundsicherung",
        "mindestsicherung_asylblg",
      ] as const
    ).filter((f) => werte[f] !== null);
    if (teile.length > 0) {
      const summe = teile.reduce((s, f) => s + (werte[f] as number), 0);
      const vollstaendig = teile.length === 4;
      if (vollstaendig ? summe !== mindestsicherung : summe > mindestsicherung) {
        const liste = teile.map((f) => ZAEHLFELDER[f].de).join(" + ");
        befunde.push(
          befund(
            "I03",
            "fehler",
            {
              de: `${text}: ${liste} = ${formatZahl(summe)}, ${vollstaendig ? "aber" : "mehr als"} Mindestsicherung ${formatZahl(mindestsicherung)}.`,
              en: `${text}: the parts of the minimum-income recipients add up to ${formatZahl(summe, "en")}, ${vollstaendig ? "not" : "more than"} ${formatZahl(mindestsicherung, "en")}.`,
            },
            ort("mindestsicherung"),
          ),
        );
      }
    }
  }
  return { werte, ungueltig, befunde };
}
