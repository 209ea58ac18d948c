/**
 * The ministry's desk after a batch: which Zuwendungsempfänger of the Förderjahr have not submitted,
 * which Kreis submitted more than once (the newest file counts), and the Landesmittel of all counted
 * submissions against the Haushaltsmittel.
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { kopfSchluessel } from "../shared/arbeitsmappe";
import { formatEuro, formatProzent } from "../shared/format";
import type { Kreis } from "../shared/kreise";
import { regelwerkFuerJahr } from "../shared/regelwerke";
import type { DateiErgebnis, Einreichungen } from "./bericht-schema";
import { sichtbar } from "./text";

/** The Förderjahr of the batch: the one given, else the one most submissions name. */
function jahrDesStapels(ergebnisse: readonly DateiErgebnis[], gegeben: number | null): number | null {
  if (gegeben !== null) return gegeben;
  const zaehler = new Map<number, number>();
  for (const e of ergebnisse)
    if (e.foerderjahr !== null) zaehler.set(e.foerderjahr, (zaehler.get(e.foerderjahr) ?? 0) + 1);
  return [...zaehler.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/** The Zuwendungsempfänger a checked file is from (by key, else by name); null if none matches. */
function kreisDerDatei(e: DateiErgebnis, kreise: readonly Kreis[]): Kreis | null {
  const schluessel = e.kreisschluessel?.trim();
  if (schluessel) return kreise.find((k) => k.schluessel === schluessel) ?? null;
  const name = e.kreis === null ? "" : kopfSchluessel(e.kreis);
  return name ? (kreise.find((k) => kopfSchluessel(k.name) === name) ?? null) : null;
}

export interface Schreibtisch extends Einreichungen {
  /** Files of a Kreis that submitted again later: not counted in the sum. */
  ersetzt: ReadonlySet<string>;
}

export async function schreibtisch(
  ergebnisse: readonly DateiErgebnis[],
  o: { foerderjahr: number | null; haushaltsmittel_eur: number | null },
): Promise<Schreibtisch> {
  const jahr = jahrDesStapels(ergebnisse, o.foerderjahr);
  const rw = jahr === null ? null : regelwerkFuerJahr(jahr);
  const kreise = rw?.zuwendungsempfaenger ?? [];
  const jeKreis = new Map<string, { kreis: string; dateien: { datei: string; zeit: number }[] }>();
  for (const e of ergebnisse) {
    if (e.status !== "geprueft") continue;
    const k = kreisDerDatei(e, kreise);
    const schluessel = k?.schluessel ?? `name:${kopfSchluessel(e.kreis ?? e.datei)}`;
    const zeit = (await stat(e.datei).catch(() => null))?.mtimeMs ?? 0;
    const g = jeKreis.get(schluessel) ?? { kreis: k?.name ?? e.kreis ?? basename(e.datei), dateien: [] };
    g.dateien.push({ datei: e.datei, zeit });
    jeKreis.set(schluessel, g);
  }
  const doppelt = [...jeKreis.values()]
    .filter((g) => g.dateien.length > 1)
    .map((g) => {
      const [neueste, ...aeltere] = [...g.dateien].sort((a, b) => b.zeit - a.zeit);
      return { kreis: g.kreis, verwendet: neueste!.datei, nicht_verwendet: aeltere.map((d) => d.datei) };
    });
  const ersetzt = new Set(doppelt.flatMap((d) => d.nicht_verwendet));
  const cent = ergebnisse
    .filter((e) => e.status === "geprueft" && !ersetzt.has(e.datei))
    .reduce((s, e) => s + Math.round((e.landesmittel_eur ?? 0) * 100), 0);
  return {
    foerderjahr: jahr,
    regelwerk: rw?.id ?? null,
    fehlend: kreise
      .filter((k) => !jeKreis.has(k.schluessel))
      .map((k) => ({ schluessel: k.schluessel, name: k.name })),
    doppelt,
    landesmittel_eur: cent / 100,
    haushaltsmittel_eur: o.haushaltsmittel_eur,
    ersetzt,
  };
}

/** Words wrapped at `breite` columns, continuation lines indented. */
function umbrochen(text: string, breite = 100, einzug = "  "): string {
  const zeilen: string[] = [];
  let zeile = "";
  for (const wort of text.split(" ")) {
    if (zeile && zeile.length + 1 + wort.length > breite) {
      zeilen.push(zeile);
      zeile = einzug + wort;
    } else zeile = zeile ? `${zeile} ${wort}` : wort;
  }
  return [...zeilen, zeile].join("\n");
}

const euro = (x: number) => formatEuro(Math.round(x * 100));

/** The desk in sentences, each line at most 100 columns. */
export function schreibtischText(s: Schreibtisch): string {
  const zeilen: string[] = [];
  if (s.foerderjahr === null)
    zeilen.push(
      "Welche Kreise fehlen, ist ohne geprüfte Einreichung nicht bestimmbar – mit --foerderjahr angeben.",
    );
  else if (s.fehlend.length === 0)
    zeilen.push(
      `Alle Zuwendungsempfänger des Förderjahrs ${s.foerderjahr} (${s.regelwerk}) haben eingereicht.`,
    );
  else
    zeilen.push(
      `Nicht eingereicht (Förderjahr ${s.foerderjahr}, ${s.regelwerk}: ${s.fehlend.length} Kreise): ${s.fehlend.map((k) => `${k.name} (${k.schluessel})`).join(", ")}.`,
    );
  for (const d of s.doppelt)
    zeilen.push(
      `Doppelt eingereicht: ${d.kreis} – gezählt wird die neueste Datei ${basename(d.verwendet)}; nicht gezählt: ${d.nicht_verwendet.map((x) => basename(x)).join(", ")} (älter).`,
    );
  const summe = `Σ Landesmittel aller gezählten Einreichungen: ${euro(s.landesmittel_eur)}`;
  zeilen.push(
    s.haushaltsmittel_eur === null
      ? `${summe} (Haushaltsmittel zum Vergleich mit --haushaltsmittel angeben).`
      : `${summe} von ${euro(s.haushaltsmittel_eur)} Haushaltsmitteln (${formatProzent(s.haushaltsmittel_eur > 0 ? s.landesmittel_eur / s.haushaltsmittel_eur : 0)})${s.landesmittel_eur > s.haushaltsmittel_eur ? ` – ${euro(s.landesmittel_eur - s.haushaltsmittel_eur)} mehr als vorhanden` : ""}.`,
  );
  // File and Kreis names as typed: control characters made visible before they reach the terminal.
  return zeilen.map((z) => umbrochen(sichtbar(z))).join("\n");
}
