/**
 * lsz — the ministry's command-line tool.
 *   lsz vorlage <datei.xlsx> [--beispiel]
 *   lsz pruefen <dateien.xlsx|ordner…> [--bericht bericht.json|csv]
 *   lsz verteilen <indikatoren.xlsx|csv> --haushaltsmittel 10000000 [--normierung …] [--ausgabe datei.xlsx|csv]
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { IlmPlan } from "../shared/beispiel/ilm";
import { anzahlText } from "../shared/format";
import { VERSION } from "../shared/version";
import { eingangAus } from "./eingang";
import { schreibeSicher } from "./sicher-schreiben";
import { nichtLesbar, pruefeDatei, schreibeBericht, zusammenfassung, type DateiErgebnis } from "./pruefen";
import { sichtbar } from "./text";
import { GEWICHTE_REIHENFOLGE, gewichteOption, verteileDatei } from "./verteilen";
import { STANDARD_VERFAHREN } from "../shared/allocation/verteilung";
import { erzeugeArbeitsmappe } from "./vorlage";
import { DateiFehler } from "./xlsx-lesen";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const HILFE = `lsz ${VERSION} – Werkzeug des Ministeriums für das Landesprogramm LSZ

  lsz vorlage <datei.xlsx> [--beispiel]
      schreibt die leere Standardarbeitsmappe (oder mit --beispiel: Ilm-Kreis 2019 und 23 Kreise, Beträge erfunden)
  lsz pruefen <dateien.xlsx|ordner…> [--bericht bericht.json|bericht.csv] [--pdf]
      prüft jede Arbeitsmappe, schreibt daneben eine Kopie <name>.geprueft.xlsx mit Prüfbericht
      Rückgabewert 1, wenn eine Datei Fehler hat oder nicht lesbar ist
  lsz verteilen <indikatoren.xlsx|.csv> --haushaltsmittel 10000000 [--foerderjahr 2019] [--normierung "Summe der Kreiswerte"|bevölkerungsgewichtet] [--rundung "auf volle Euro"|"auf Cent"]
                [--gewichte ${gewichteOption(STANDARD_VERFAHREN.gewichte)}] [--sockelbetrag 0] [--ebene zuwendungsempfaenger|frei]
                [--ausgabe datei.xlsx|datei.csv]
      verteilt die Haushaltsmittel und schreibt die Förderhöchstbeträge mit Erklärung
      (--gewichte in der Reihenfolge ${GEWICHTE_REIHENFOLGE})

Eingabedateien werden nie verändert.`;

async function vorlage(positionen: string[], beispiel: boolean): Promise<number> {
  const ziel = positionen[0];
  if (!ziel) {
    console.error("Bitte eine Zieldatei angeben: lsz vorlage <datei.xlsx> [--beispiel]");
    return 2;
  }
  const daten = beispiel
    ? {
        plan: JSON.parse(
          await readFile(join(REPO, "data/ilm-kreis-2019-massnahmen.json"), "utf8"),
        ) as IlmPlan,
        kreiseCsv: await readFile(join(REPO, "data/thueringen-kreise-2017.csv"), "utf8"),
      }
    : null;
  const wb = erzeugeArbeitsmappe(daten);
  await schreibeSicher(ziel, async () => (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
  console.log(`${beispiel ? "Beispielarbeitsmappe" : "Vorlage"} geschrieben: ${ziel}`);
  return 0;
}

async function pruefen(positionen: string[], bericht: string | undefined, pdf = false): Promise<number> {
  if (positionen.length === 0) {
    console.error("Bitte Dateien oder einen Ordner angeben: lsz pruefen <dateien.xlsx|ordner…>");
    return 2;
  }
  const { dateien, uebersprungen } = await eingangAus(positionen);
  if (uebersprungen.length > 0)
    console.log(
      `Nicht geprüft (${uebersprungen.length}): ${uebersprungen.map((u) => `${sichtbar(u.name)} (${u.grund})`).join("; ")}\n`,
    );
  const ergebnisse: DateiErgebnis[] = [];
  for (const [i, datei] of dateien.entries()) {
    // One file never stops the batch: whatever goes wrong is a line of its own.
    let e: DateiErgebnis;
    try {
      e = await pruefeDatei(datei, { pdf });
    } catch (fehler) {
      e = nichtLesbar(
        datei,
        fehler instanceof DateiFehler
          ? fehler.message
          : `${basename(datei)}: unerwarteter Fehler beim Prüfen (${fehler instanceof Error ? `${fehler.name}: ${fehler.message.slice(0, 120)}` : "unbekannt"}); die übrigen Dateien werden geprüft.`,
      );
    }
    ergebnisse.push(e);
    const nr = `[${i + 1}/${dateien.length}]`;
    if (e.status === "leer") console.log(sichtbar(`${nr} ${e.meldungen[0] ?? basename(datei)}`));
    else if (e.status === "nicht_lesbar")
      console.log(
        sichtbar(`${nr} ${basename(datei)}: NICHT GEPRÜFT`) +
          `\n${e.meldungen.map((m) => `      ${sichtbar(m)}`).join("\n")}`,
      );
    else
      console.log(
        sichtbar(
          `${nr} ${basename(datei)}: ${e.kreis ?? "ohne Kreis"} – ${anzahlText(e.fehler, "Fehler", "Fehler")}, ${anzahlText(e.warnungen, "Warnung", "Warnungen")}, ${anzahlText(e.hinweise, "Hinweis", "Hinweise")} → ${basename(e.kopie!)}${e.pdf ? `, ${basename(e.pdf)}` : ""}`,
        ) +
          (e.meldungen.length
            ? `\n${e.meldungen.map((m) => `      Hinweis: ${sichtbar(m)}`).join("\n")}`
            : ""),
      );
  }
  console.log(`\n${zusammenfassung(ergebnisse)}`);
  if (bericht) {
    await schreibeBericht(bericht, ergebnisse, uebersprungen);
    console.log(`\nBericht geschrieben: ${sichtbar(bericht)}`);
  }
  if (dateien.length === 0) return 2;
  return ergebnisse.some((e) => e.status !== "geprueft" || e.fehler > 0) ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        beispiel: { type: "boolean" },
        bericht: { type: "string" },
        pdf: { type: "boolean" },
        haushaltsmittel: { type: "string" },
        foerderjahr: { type: "string" },
        normierung: { type: "string" },
        sockelbetrag: { type: "string" },
        rundung: { type: "string" },
        regelwerk: { type: "string" },
        ebene: { type: "string" },
        ausgabe: { type: "string" },
        gewichte: { type: "string" },
        hilfe: { type: "boolean", short: "h" },
        help: { type: "boolean" },
      },
    });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${HILFE}`);
    return 2;
  }
  const [befehl, ...positionen] = args.positionals;
  const o = args.values;
  try {
    switch (befehl) {
      case "vorlage":
        return await vorlage(positionen, o.beispiel === true);
      case "pruefen":
        return await pruefen(positionen, o.bericht, o.pdf === true);
      case "verteilen": {
        const datei = positionen[0];
        if (!datei) {
          console.error(
            "Bitte eine Indikatorendatei angeben: lsz verteilen <indikatoren.xlsx|csv> --haushaltsmittel …",
          );
          return 2;
        }
        const v = await verteileDatei(datei, o);
        for (const m of v.meldungen) console.log(sichtbar(v.ergebnis ? `Hinweis: ${m}` : m));
        if (!v.ergebnis) return 1;
        console.log(v.ausgabe ? `${v.text}\n\nGeschrieben: ${v.ausgabe}` : v.text);
        return v.ergebnis.berechnet ? 0 : 1;
      }
      default:
        console.log(HILFE);
        return befehl === undefined || o.hilfe || o.help || befehl === "hilfe" ? 0 : 2;
    }
  } catch (e) {
    if (e instanceof DateiFehler) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
