/**
 * Reads a region's raw counts (Einwohner, Altersgruppen, Mindestsicherung, Fläche) from what the user
 * typed, and reports I02, I03 and I04 for that row.
 */
import { befund, type Befund } from "../befund";
import { formatZahl } from "../format";
import { liesMenge } from "../zahl";
import { regionText } from "./hierarchie";
import type { Region } from "./schema";

/** The units a count may carry after its number: people. */
const PERSONEN = ["Einwohner", "Personen"] as const;

export const ZAEHLFELDER = {
  einwohner: { de: "Einwohner", ganz: true, positiv: true, einheiten: PERSONEN },
  unter_20: { de: "unter 20 Jahre", ganz: true, positiv: false, einheiten: PERSONEN },
  von_20_bis_unter_65: { de: "20 bis unter 65 Jahre", ganz: true, positiv: true, einheiten: PERSONEN },
  ab_65: { de: "65 Jahre und älter", ganz: true, positiv: false, einheiten: PERSONEN },
  mindestsicherung: { de: "Mindestsicherung", ganz: true, positiv: false, einheiten: PERSONEN },
  mindestsicherung_sgb2: {
    de: "Mindestsicherung SGB II",
    ganz: true,
    positiv: false,
    einheiten: PERSONEN,
  },
  mindestsicherung_hlu: { de: "Hilfe zum Lebensunterhalt", ganz: true, positiv: false, einheiten: PERSONEN },
  mindestsicherung_grundsicherung: {
    de: "Grundsicherung (SGB XII)",
    ganz: true,
    positiv: false,
    einheiten: PERSONEN,
  },
  mindestsicherung_asylblg: {
    de: "AsylbLG-Regelleistungen",
    ganz: true,
    positiv: false,
    einheiten: PERSONEN,
  },
  // Tabelle 2 of the Ilm-Kreis Fachplan heads the column „Fläche in km²“.
  flaeche_km2: { de: "Fläche (km²)", ganz: false, positiv: true, einheiten: ["km²"] },
} as const;

export type Zaehlfeld = keyof typeof ZAEHLFELDER;
export type Zaehlwerte = Record<Zaehlfeld, number | null>;
export const ZAEHLFELD_LISTE = Object.keys(ZAEHLFELDER) as Zaehlfeld[];

function leereZaehlwerte(): Zaehlwerte {
  const w = {} as Zaehlwerte;
  for (const f of ZAEHLFELD_LISTE) w[f] = null; // a loop, not fromEntries: it runs per region
  return w;
}

/** Counts beyond this are not plausible for any region (and would endanger exact arithmetic). */
const MAX_ZAEHLWERT = 1e10;

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
    const gelesen = liesMenge(roh, def.einheiten);
    if (gelesen.art === "leer") continue;
    if (gelesen.art === "fremde_einheit") {
      ungueltig.add(feld);
      befunde.push(
        befund(
          "I04",
          `${text}: ${def.de} „${gelesen.text}“ hat die Einheit „${gelesen.einheit}“; die Spalte erwartet ${def.einheiten.join(" bzw. ")}. Den Wert in dieser Einheit eintragen.`,
          ort(feld),
        ),
      );
      continue;
    }
    if (gelesen.art === "unlesbar") {
      ungueltig.add(feld);
      befunde.push(befund("I04", `${text}: ${def.de} „${gelesen.text}“ ist keine Zahl.`, ort(feld)));
      continue;
    }
    const x = gelesen.wert;
    let problem: string | null = null;
    if (def.positiv ? x <= 0 : x < 0) {
      problem = def.positiv
        ? `muss größer als 0 sein (ist ${formatZahl(x)})`
        : `darf nicht negativ sein (ist ${formatZahl(x)})`;
    } else if (def.ganz && !Number.isInteger(x)) {
      problem = `muss eine ganze Zahl sein (ist ${formatZahl(x, "de", 6)})`;
    } else if (x > MAX_ZAEHLWERT) {
      problem = `ist unplausibel groß (${formatZahl(x)})`;
    }
    if (problem) {
      ungueltig.add(feld);
      befunde.push(befund("I04", `${text}: ${def.de} ${problem}.`, ort(feld)));
      continue;
    }
    werte[feld] = x;
  }

  return { werte, ungueltig, befunde };
}

/** I02: the age groups add up to the inhabitants. */
export function pruefeAltersgruppen(region: Region, zeile: number, werte: Zaehlwerte): Befund[] {
  const befunde: Befund[] = [];
  const { einwohner, unter_20, von_20_bis_unter_65, ab_65 } = werte;
  if (einwohner !== null && unter_20 !== null && von_20_bis_unter_65 !== null && ab_65 !== null) {
    const summe = unter_20 + von_20_bis_unter_65 + ab_65;
    if (summe !== einwohner) {
      befunde.push(
        befund(
          "I02",
          `${regionText(region)}: Altersgruppen ${formatZahl(unter_20)} + ${formatZahl(von_20_bis_unter_65)} + ${formatZahl(ab_65)} = ${formatZahl(summe)}, aber Einwohner ${formatZahl(einwohner)} (Differenz ${formatZahl(summe - einwohner)}).`,
          { tabelle: "regionen", zeile, spalte: "einwohner" },
        ),
      );
    }
  }

  return befunde;
}

/** I03: Mindestsicherung not above the inhabitants; its parts, where given, add up to it. */
export function pruefeMindestsicherung(region: Region, zeile: number, werte: Zaehlwerte): Befund[] {
  const befunde: Befund[] = [];
  const { einwohner, mindestsicherung } = werte;
  if (mindestsicherung !== null) {
    if (einwohner !== null && mindestsicherung > einwohner) {
      befunde.push(
        befund(
          "I03",
          `${regionText(region)}: Mindestsicherung ${formatZahl(mindestsicherung)} ist größer als die Einwohnerzahl ${formatZahl(einwohner)}.`,
          { tabelle: "regionen", zeile, spalte: "mindestsicherung" },
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
            `${regionText(region)}: ${liste} = ${formatZahl(summe)}, ${vollstaendig ? "aber" : "mehr als"} Mindestsicherung ${formatZahl(mindestsicherung)}.`,
            { tabelle: "regionen", zeile, spalte: "mindestsicherung" },
          ),
        );
      }
    }
  }
  return befunde;
}
