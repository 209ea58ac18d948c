/**
 * I08 (sub-regions add up to their total) and I09 (derived values typed into the table agree with the
 * values recomputed from the raw counts, at the precision they were typed with).
 */
import { befund, type Befund } from "../befund";
import { formatZahl } from "../format";
import { liesAnteil, liesMenge } from "../zahl";
import { regionText } from "./hierarchie";
import type { Indikatorwerte } from "./indikatoren";
import type { Region } from "./schema";
import type { Zaehlwerte } from "./zaehlwerte";

/** Areas are published to 0,01 km²; each rounded child may move the sum by half of that. */
const FLAECHE_RUNDUNG_JE_TEIL = 0.005;

export function pruefeTeilregionen(
  regionen: readonly Region[],
  eigene: readonly Zaehlwerte[],
  kinder: readonly number[][],
): Befund[] {
  const befunde: Befund[] = [];
  kinder.forEach((k, i) => {
    if (k.length === 0) return;
    const r = regionen[i]!;
    const e = eigene[i]!;
    const summe = (f: "einwohner" | "flaeche_km2") => {
      let s = 0;
      for (const c of k) {
        const w = teilsumme(c, f, eigene, kinder);
        if (w === null) return null;
        s += w;
      }
      return s;
    };
    if (e.einwohner !== null) {
      const s = summe("einwohner");
      if (s !== null && s !== e.einwohner) {
        befunde.push(
          befund(
            "I08",
            `${regionText(r)}: die ${k.length} Teilregionen haben zusammen ${formatZahl(s)} Einwohner, die Region selbst ${formatZahl(e.einwohner)} (Differenz ${formatZahl(s - e.einwohner)}).`,
            { tabelle: "regionen", zeile: i + 1, spalte: "einwohner" },
          ),
        );
      }
    }
    if (e.flaeche_km2 !== null) {
      const s = summe("flaeche_km2");
      const toleranz = Math.max(0.01, k.length * FLAECHE_RUNDUNG_JE_TEIL) + 1e-9;
      if (s !== null && Math.abs(s - e.flaeche_km2) > toleranz) {
        befunde.push(
          befund(
            "I08",
            `${regionText(r)}: die ${k.length} Teilregionen haben zusammen ${formatZahl(s)} km², die Region selbst ${formatZahl(e.flaeche_km2)} km² (Differenz ${formatZahl(s - e.flaeche_km2)} km²).`,
            { tabelle: "regionen", zeile: i + 1, spalte: "flaeche_km2" },
          ),
        );
      }
    }
  });
  return befunde;
}

/** A child's value: its own, or (when it is a sum region without its own) the sum of its children. */
function teilsumme(
  i: number,
  f: "einwohner" | "flaeche_km2",
  eigene: readonly Zaehlwerte[],
  kinder: readonly number[][],
  tiefe = 0,
): number | null {
  const eigen = eigene[i]![f];
  if (eigen !== null || kinder[i]!.length === 0 || tiefe > 64) return eigen;
  let s = 0;
  for (const c of kinder[i]!) {
    const w = teilsumme(c, f, eigene, kinder, tiefe + 1);
    if (w === null) return null;
    s += w;
  }
  return s;
}

const ANGEGEBEN = [
  {
    feld: "km2_je_einwohner_angegeben",
    wert: "km2_je_einwohner",
    de: "km² je Einwohner",
    je100: false,
    // Tabelle 2 of 000 heads the column „km² pro Einwohner“.
    einheiten: ["km² pro Einwohner", "km² je Einwohner", "km²/Einwohner", "km²/EW", "km2/EW", "km²"],
  },
  {
    feld: "mindestsicherungsquote_angegeben",
    wert: "mindestsicherungsquote",
    de: "Mindestsicherungsquote",
    je100: true,
    einheiten: ["%"],
  },
  {
    feld: "abhaengigenquotient_angegeben",
    wert: "abhaengigenquotient",
    de: "Abhängigenquotient",
    je100: true,
    einheiten: ["%"],
  },
] as const;

/** The derived values a region may also give typed in (I09 compares them with the computed ones). */
type Abgeleitet = Pick<Indikatorwerte, (typeof ANGEGEBEN)[number]["wert"]>;

export function pruefeAngegebeneWerte(
  regionen: readonly Region[],
  berechnet: readonly Abgeleitet[],
): Befund[] {
  const befunde: Befund[] = [];
  regionen.forEach((r, i) => {
    for (const a of ANGEGEBEN) {
      const gelesen = a.einheiten[0] === "%" ? liesAnteil(r[a.feld]) : liesMenge(r[a.feld], a.einheiten);
      const ist = berechnet[i]![a.wert];
      if (gelesen.art === "leer") continue;
      if (gelesen.art === "fremde_einheit") {
        befunde.push(
          befund(
            "I09",
            `${regionText(r)}: ${a.de} „${gelesen.text}“ hat die Einheit „${gelesen.einheit}“; erwartet ohne Einheit oder in ${a.einheiten.join(", ")}.`,
            { tabelle: "regionen", zeile: i + 1, spalte: a.feld },
          ),
        );
        continue;
      }
      if (gelesen.art === "unlesbar") {
        befunde.push(
          befund("I09", `${regionText(r)}: ${a.de} „${gelesen.text}“ ist keine Zahl.`, {
            tabelle: "regionen",
            zeile: i + 1,
            spalte: a.feld,
          }),
        );
        continue;
      }
      if (ist === null) continue;
      // Quotas may be typed as ratios (0,716), per 100 (71,6) or as percent (8,4 %).
      const stellen = Math.min(12, gelesen.stellen);
      const je100 = a.je100 && (gelesen.prozent || gelesen.wert > 2);
      const angegeben = gelesen.prozent ? gelesen.wert * 100 : gelesen.wert;
      const neu = je100 ? ist * 100 : ist;
      if (Math.abs(neu - angegeben) <= 0.5 * 10 ** -stellen + 1e-12) continue;
      const f = (x: number, s: "de" | "en") => formatZahl(x, s, Math.max(stellen, 2));
      befunde.push(
        befund(
          "I09",
          `${regionText(r)}: ${a.de} angegeben ${f(angegeben, "de")}${gelesen.prozent ? " %" : ""}, aus den Zählwerten berechnet ${formatZahl(neu, "de", stellen)}${gelesen.prozent ? " %" : ""}.`,
          { tabelle: "regionen", zeile: i + 1, spalte: a.feld },
        ),
      );
    }
  });
  return befunde;
}
