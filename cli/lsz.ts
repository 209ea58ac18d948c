/**
 * lsz — the ministry's command-line tool.
 *   lsz vorlage <datei.xlsx> [--beispiel | --kreis 16070 …] [--ueberschreiben]
 *   lsz pruefen <dateien.xlsx|ordner…> [--bericht bericht.json|csv|xlsx] [--pdf] [--haushaltsmittel …]
 *               [--dienst URL] [--schluessel datei.json]
 *   lsz vergleichen <alt.xlsx> <neu.xlsx> [--bericht x.csv|x.json|x.xlsx]
 *   lsz verteilen <indikatoren.xlsx|csv> --haushaltsmittel 10000000 [--normierung …] [--ausgabe datei.xlsx|csv]
 * Every command: [--ziel ORDNER]; `lsz --version`.
 */
import { lstat, readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { IlmPlan } from "../shared/beispiel/ilm";
import { anzahlText } from "../shared/format";
import { VERSION } from "../shared/version";
import { eingangAus } from "./eingang";
import { schreibeSicher } from "./sicher-schreiben";
import { centZuEuro, liesBetrag } from "../shared/geld";
import type { DateiErgebnis } from "./bericht-schema";
import { kreisFuerVorlage } from "./kreisvorlage";
import { Aufruffehler, aufruffehlerAus, ausgabeIn, beschreibbar, pruefeWerte, zielOrdner } from "./optionen";
import { nichtLesbar, pruefeDatei, schreibeBericht, zusammenfassung, type PruefOptionen } from "./pruefen";
import { schreibtisch, schreibtischText } from "./schreibtisch";
import { ladeSchluessel, vereinige, verbindeDienst } from "./siegel";
import { sichtbar } from "./text";
import { vergleichen } from "./vergleichen";
import { GEWICHTE_REIHENFOLGE, gewichteOption, verteileDatei } from "./verteilen";
import { STANDARD_VERFAHREN } from "../shared/allocation/verteilung";
import { erzeugeArbeitsmappe } from "./vorlage";
import { DateiFehler } from "./xlsx-lesen";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const HILFE = `lsz ${VERSION} – Werkzeug des Ministeriums für das Landesprogramm LSZ

  lsz vorlage <datei.xlsx> [--beispiel] [--ueberschreiben]
      schreibt die leere Standardarbeitsmappe (oder mit --beispiel: Ilm-Kreis 2019 und 23 Kreise, Beträge erfunden);
      eine vorhandene Datei wird nur mit --ueberschreiben ersetzt
  lsz vorlage <datei.xlsx> --kreis 16070 [--foerderjahr 2022] [--verteilung verteilung.xlsx]
      die Vorlage für einen Kreis: Name, Kreisschlüssel und Förderhöchstbetrag aus der Verteilung eingetragen,
      ohne die Indikatoren der anderen Kreise
  lsz pruefen <dateien.xlsx|ordner…> [--bericht bericht.json|.csv|.xlsx] [--pdf] [--haushaltsmittel 10000000] [--foerderjahr 2022]
                [--dienst https://…] [--schluessel schluessel.json]
      prüft jede Arbeitsmappe, schreibt daneben eine Kopie <name>.geprueft.xlsx mit Prüfbericht und Prüfsiegel;
      nennt die Kreise ohne Einreichung, doppelte Einreichungen und die Summe der Landesmittel
      (ohne --dienst lokal geprüft, Siegel nicht signiert; mit --dienst prüft der Rechendienst und signiert)
      Siegel beim Eingang werden mit den mitgelieferten Schlüsseln geprüft (--schluessel ersetzt sie, --dienst ergänzt sie)
      Rückgabewert 1, wenn eine Datei Fehler hat oder nicht lesbar ist
  lsz vergleichen <alt.xlsx> <neu.xlsx> [--bericht vergleich.csv|.json|.xlsx]
      vergleicht zwei Fassungen eines Plans (Vorjahr und Fortschreibung, vor und nach einer Korrektur):
      Maßnahmen neu, entfallen (Bestandsschutz gesondert), geändert; Beträge je Maßnahme und Jahr; Summen je Jahr
  lsz verteilen <indikatoren.xlsx|.csv> --haushaltsmittel 10000000 [--foerderjahr 2019] [--normierung "Summe der Kreiswerte"|bevölkerungsgewichtet] [--rundung "auf volle Euro"|"auf Cent"]
                [--gewichte ${gewichteOption(STANDARD_VERFAHREN.gewichte)}] [--sockelbetrag 0] [--ebene zuwendungsempfaenger|frei]
                [--ausgabe datei.xlsx|datei.csv]
      verteilt die Haushaltsmittel und schreibt die Förderhöchstbeträge mit Erklärung
      (--gewichte in der Reihenfolge ${GEWICHTE_REIHENFOLGE}); ohne --ausgabe: <name>.verteilung.xlsx im aktuellen Ordner

  --ziel ORDNER   schreibt alle Ausgaben (Kopien, PDFs, Bericht, Vergleich, Vorlage, Verteilung) in diesen Ordner
  --version       zeigt die Version

Eingabedateien werden nie verändert.`;

type Optionen = Partial<{
  [K in keyof typeof OPTIONEN]: (typeof OPTIONEN)[K]["type"] extends "boolean" ? boolean : string;
}>;

async function beispielDaten() {
  return {
    plan: JSON.parse(await readFile(join(REPO, "data/ilm-kreis-2019-massnahmen.json"), "utf8")) as IlmPlan,
    kreiseCsv: await readFile(join(REPO, "data/thueringen-kreise-2017.csv"), "utf8"),
  };
}

async function vorlage(positionen: string[], o: Optionen): Promise<number> {
  if (!positionen[0])
    throw new Aufruffehler("Bitte eine Zieldatei angeben: lsz vorlage <datei.xlsx> [--beispiel]");
  if (o.kreis !== undefined && o.beispiel)
    throw new Aufruffehler(
      "--kreis und --beispiel gehen nicht zusammen: das Beispiel ist der Ilm-Kreis 2019.",
    );
  if ((o.verteilung !== undefined || o.foerderjahr !== undefined) && o.kreis === undefined)
    throw new Aufruffehler(
      "--verteilung und --foerderjahr gelten für die Vorlage eines Kreises: bitte --kreis angeben.",
    );
  const ziel = ausgabeIn(o.ziel, positionen[0]);
  if (!o.ueberschreiben && (await lstat(ziel).catch(() => null))) {
    console.error(
      `${ziel} gibt es schon und wird nicht überschrieben. Einen anderen Dateinamen wählen oder mit --ueberschreiben ersetzen.`,
    );
    return 1;
  }
  const fuer = o.kreis !== undefined ? await kreisFuerVorlage({ ...o, kreis: o.kreis }) : null;
  const wb = erzeugeArbeitsmappe(o.beispiel ? await beispielDaten() : null, fuer);
  await schreibeSicher(ziel, async () => (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
  console.log(
    `${o.beispiel ? "Beispielarbeitsmappe" : fuer ? `Vorlage für ${fuer.kreis.name} (${fuer.kreis.schluessel}), Förderjahr ${fuer.foerderjahr},` : "Vorlage"} geschrieben: ${ziel}`,
  );
  return 0;
}

async function verteilen(positionen: string[], o: Optionen): Promise<number> {
  const datei = positionen[0];
  if (!datei)
    throw new Aufruffehler(
      "Bitte eine Indikatorendatei angeben: lsz verteilen <indikatoren.xlsx|csv> --haushaltsmittel …",
    );
  const v = await verteileDatei(datei, o);
  for (const m of v.meldungen) console.log(sichtbar(v.ergebnis ? `Hinweis: ${m}` : m));
  if (!v.ergebnis) return 1;
  console.log(v.ausgabe ? `${v.text}\n\nGeschrieben: ${v.ausgabe}` : v.text);
  return v.ergebnis.berechnet ? 0 : 1;
}

/** Nothing to check: why, in one sentence naming what was given. */
function nichtsZuPruefen(
  positionen: string[],
  uebersprungen: readonly { name: string; grund: string }[],
): string {
  const fehlt = uebersprungen.filter((u) => u.grund.startsWith("nicht gefunden")).map((u) => u.name);
  if (fehlt.length > 0)
    return `${fehlt.map((f) => `„${f}“`).join(", ")} gibt es nicht – bitte den Pfad prüfen (Ordner oder .xlsx-Dateien angeben).`;
  return `In ${positionen.map((p) => `„${p}“`).join(", ")} liegt keine Arbeitsmappe (.xlsx) zum Prüfen.`;
}

/** A read-only inbox: said before any work, with the way out. */
async function schreibgeschuetzt(dateien: readonly string[], o: Optionen): Promise<string | null> {
  if (o.ziel !== undefined) return null;
  for (const ordner of new Set(dateien.map((d) => dirname(d))))
    if (!(await beschreibbar(ordner)))
      return `In den Ordner „${ordner}“ darf lsz nicht schreiben (schreibgeschützt?): die geprüften Kopien mit --ziel ORDNER in einen anderen Ordner schreiben.`;
  return null;
}

/** The lines after a file: its result, the seal it came with, what could not be decided, notes. */
function dateiText(nr: string, e: DateiErgebnis): string {
  const name = basename(e.datei);
  if (e.status === "leer") return sichtbar(`${nr} ${e.meldungen[0] ?? name}`);
  if (e.status === "nicht_lesbar")
    return [`${nr} ${name}: NICHT GEPRÜFT`, ...e.meldungen.map((m) => `      ${m}`)].map(sichtbar).join("\n");
  const jahre = [...new Set(e.offen.map((x) => x.jahr))];
  return [
    `${nr} ${name}: ${e.kreis ?? "ohne Kreis"} – ${anzahlText(e.fehler, "Fehler", "Fehler")}, ${anzahlText(e.warnungen, "Warnung", "Warnungen")}, ${anzahlText(e.hinweise, "Hinweis", "Hinweise")} → ${basename(e.kopie!)}${e.pdf ? `, ${basename(e.pdf)}` : ""}`,
    `      Siegel beim Eingang: ${e.siegel}`,
    ...jahre.map(
      (j) =>
        `      nicht abschließend geprüft (${j}): ${e.offen
          .filter((x) => x.jahr === j)
          .map((x) => x.titel)
          .join("; ")} – warum, steht im Prüfbericht`,
    ),
    ...e.meldungen.map((m) => `      Hinweis: ${m}`),
  ]
    .map(sichtbar)
    .join("\n");
}

/** The keys (shipped or --schluessel, plus the service's with --dienst) and the service's address. */
async function pruefOptionen(o: Optionen): Promise<PruefOptionen> {
  const datei = await ladeSchluessel(o.schluessel);
  const pdf = o.pdf === true;
  if (o.dienst === undefined) return { pdf, schluessel: datei };
  const { dienst, schluessel } = await verbindeDienst(o.dienst);
  return { pdf, dienst: dienst.basis, schluessel: vereinige(datei, schluessel) };
}

async function pruefeEine(datei: string, o: Optionen, p: PruefOptionen): Promise<DateiErgebnis> {
  // One file never stops the batch: whatever goes wrong is a line of its own.
  try {
    return await pruefeDatei(datei, { ...p, ziel: o.ziel });
  } catch (fehler) {
    return nichtLesbar(
      datei,
      fehler instanceof DateiFehler
        ? fehler.message
        : `${basename(datei)}: unerwarteter Fehler beim Prüfen (${fehler instanceof Error ? `${fehler.name}: ${fehler.message.slice(0, 120)}` : "unbekannt"}); die übrigen Dateien werden geprüft.`,
    );
  }
}

async function pruefen(positionen: string[], o: Optionen): Promise<number> {
  if (positionen.length === 0)
    throw new Aufruffehler("Bitte Dateien oder einen Ordner angeben: lsz pruefen <dateien.xlsx|ordner…>");
  const p = await pruefOptionen(o);
  const bericht = o.bericht === undefined ? undefined : ausgabeIn(o.ziel, o.bericht);
  const { dateien, uebersprungen } = await eingangAus(positionen, bericht ? [bericht] : []);
  if (uebersprungen.length > 0)
    console.log(
      `Nicht geprüft (${uebersprungen.length}): ${uebersprungen.map((u) => `${sichtbar(u.name)} (${u.grund})`).join("; ")}\n`,
    );
  if (dateien.length === 0) {
    console.error(nichtsZuPruefen(positionen, uebersprungen));
    return 2;
  }
  const gesperrt = await schreibgeschuetzt(dateien, o);
  if (gesperrt) throw new Aufruffehler(gesperrt);
  const ergebnisse: DateiErgebnis[] = [];
  for (const [i, datei] of dateien.entries()) {
    const nr = `[${i + 1}/${dateien.length}]`;
    console.log(sichtbar(`${nr} ${basename(datei)} …`));
    const e = await pruefeEine(datei, o, p);
    ergebnisse.push(e);
    console.log(dateiText(nr, e));
  }
  const tisch = await schreibtisch(ergebnisse, {
    foerderjahr: o.foerderjahr === undefined ? null : Number(o.foerderjahr),
    haushaltsmittel_eur: haushaltsmittel(o.haushaltsmittel),
  });
  console.log(`\n${zusammenfassung(ergebnisse, tisch.ersetzt)}\n\n${schreibtischText(tisch)}`);
  if (bericht) {
    const { ersetzt: _, ...einreichungen } = tisch;
    await schreibeBericht(bericht, ergebnisse, uebersprungen, einreichungen);
    console.log(`\nBericht geschrieben: ${sichtbar(bericht)}`);
  }
  const fehlt = uebersprungen.some((u) => u.grund.startsWith("nicht gefunden"));
  return fehlt || ergebnisse.some((e) => e.status !== "geprueft" || e.fehler > 0) ? 1 : 0;
}

/** `--haushaltsmittel` in euros (its form was checked with the other options). */
function haushaltsmittel(v: string | undefined): number | null {
  const b = v === undefined ? null : liesBetrag(v.trim());
  return b?.art === "betrag" ? centZuEuro(b.cent) : null;
}

/** The options of every command, in one place; values are checked by pruefeWerte before any work. */
const OPTIONEN = {
  beispiel: { type: "boolean" },
  ueberschreiben: { type: "boolean" },
  kreis: { type: "string" },
  verteilung: { type: "string" },
  bericht: { type: "string" },
  pdf: { type: "boolean" },
  dienst: { type: "string" },
  schluessel: { type: "string" },
  ziel: { type: "string" },
  haushaltsmittel: { type: "string" },
  foerderjahr: { type: "string" },
  normierung: { type: "string" },
  sockelbetrag: { type: "string" },
  rundung: { type: "string" },
  regelwerk: { type: "string" },
  ebene: { type: "string" },
  ausgabe: { type: "string" },
  gewichte: { type: "string" },
  version: { type: "boolean" },
  hilfe: { type: "boolean", short: "h" },
  help: { type: "boolean" },
} as const;

function leseAufruf(argv: string[]) {
  try {
    const args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONEN });
    pruefeWerte(args.values);
    return args;
  } catch (e) {
    throw e instanceof Aufruffehler ? e : aufruffehlerAus(e);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = leseAufruf(argv);
    const [befehl, ...positionen] = args.positionals;
    const o = args.values;
    if (o.version) {
      console.log(`lsz ${VERSION}`);
      return 0;
    }
    const ziel = await zielOrdner(o.ziel);
    switch (befehl) {
      case "vorlage":
        return await vorlage(positionen, { ...o, ziel });
      case "pruefen":
        return await pruefen(positionen, { ...o, ziel });
      case "vergleichen":
        return await vergleichen(positionen, { bericht: o.bericht, ziel });
      case "verteilen":
        return await verteilen(positionen, { ...o, ziel });
      default:
        console.log(HILFE);
        return befehl === undefined || o.hilfe || o.help || befehl === "hilfe" ? 0 : 2;
    }
  } catch (e) {
    if (e instanceof Aufruffehler) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof DateiFehler) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
