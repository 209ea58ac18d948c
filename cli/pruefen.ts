/**
 * `lsz pruefen <dateien.xlsx…>`: checks every workbook with the shared core (no server), writes an
 * annotated copy next to each, prints a line per file and a summary table; exit code 1 if any Fehler
 * or any file that could not be checked.
 */
import { basename, dirname, extname, join } from "node:path";
import {
  FINANZPLAN,
  MASSNAHMEN,
  ordneTabelle,
  pruefAnfrage,
  pruefAusgabe,
  type Arbeitsmappe,
  type BerichtZeile,
  type PruefBezug,
} from "../shared/arbeitsmappe";
import { formatEuro } from "../shared/format";
import { validationRequestSchema, type ValidationRequest } from "../shared/pruefung/schema";
import { pruefe } from "../shared/pruefung/pruefe";
import { behebenText } from "../shared/regeln/katalog";
import { REGELWERKE } from "../shared/regelwerke";
import { erstelleSiegel, pruefeSiegel, siegelAusZellen, siegelText } from "../shared/siegel";
import { csvFeld } from "../shared/csv";
import { schreibePruefung } from "./annotieren";
import { KAEFIG, ZU_GROSS, imKaefig } from "./kaefig";
import { pruefberichtAlsPdf } from "./pdf";
import { schreibeSicher } from "./sicher-schreiben";
import { DateiFehler, leseDatei } from "./xlsx-lesen";
import { tabelleText } from "./text";

export interface DateiErgebnis {
  datei: string;
  status: "geprueft" | "nicht_lesbar" | "leer";
  kreis: string | null;
  fehler: number;
  warnungen: number;
  hinweise: number;
  landesmittel_eur: number | null;
  foerderhoechstbetrag_eur: number | null;
  kopie: string | null;
  /** `--pdf`: the Prüfbericht as PDF, where LibreOffice made one. */
  pdf: string | null;
  /** The verdict on the seal the file had when it came in. */
  siegel: string;
  /** Year rules that could not be decided (unreadable cells, no Förderhöchstbetrag): „F02 2019“. */
  offen: string[];
  meldungen: string[];
  befunde: BerichtZeile[];
}

function kopiePfad(datei: string, zusatz: string): string {
  return join(dirname(datei), `${basename(datei, extname(datei))}.${zusatz}.xlsx`);
}

function leer(datei: string) {
  return {
    datei,
    kreis: null,
    fehler: 0,
    warnungen: 0,
    hinweise: 0,
    landesmittel_eur: null,
    foerderhoechstbetrag_eur: null,
    kopie: null,
    pdf: null,
    siegel: "–",
    offen: [],
    befunde: [],
  };
}

/** A file that could not be checked, with why. */
export function nichtLesbar(datei: string, ...meldungen: string[]): DateiErgebnis {
  return { ...leer(datei), status: "nicht_lesbar", meldungen };
}

/**
 * The check of what was read, with the reader's own findings (the X-codes) first in the report, counted
 * like any other, and a fresh seal over it.
 */
async function pruefungMitLeser(
  gelesen: Awaited<ReturnType<typeof leseDatei>>,
  anfrage: ValidationRequest,
  bezug: PruefBezug,
  herkunft: string | undefined,
) {
  const ergebnis = pruefe(anfrage);
  const regelwerk = `${ergebnis.regelwerk} (${ergebnis.regelwerk_version})`;
  const leser = gelesen.auffaelligkeiten.map(({ regel, schwere, meldung, blatt, zelle }) => ({
    regel,
    schwere,
    meldung,
    blatt,
    zelle,
    regelwerk,
    beheben: behebenText(regel, REGELWERKE[ergebnis.regelwerk]),
  }));
  const anzahl = { ...ergebnis.anzahl };
  for (const x of leser) anzahl[x.schwere]++;
  const mitLeser = { ...ergebnis, anzahl };
  const siegel = await erstelleSiegel(anfrage, mitLeser, new Date().toISOString(), herkunft);
  const roh = pruefAusgabe(mitLeser, bezug, siegel);
  return { ergebnis, ausgabe: { ...roh, bericht: [...leser, ...roh.bericht] } };
}

/** A file sent back as the template went out: nothing typed in Maßnahmen and Finanzplan. */
function unausgefuellt(mappe: Arbeitsmappe): boolean {
  const { massnahmen, finanzplan } = mappe;
  return (
    !!massnahmen &&
    !!finanzplan &&
    ordneTabelle(massnahmen, MASSNAHMEN).zeilen.length === 0 &&
    ordneTabelle(finanzplan, FINANZPLAN).zeilen.length === 0
  );
}

/** Where the checked copy goes: chosen by the parent, so that two inputs never share one output. */
interface HierOptionen {
  pdf?: boolean;
  kopie: string;
}

/** Checks one workbook in this process: the cage's child calls it (see pruefeDatei). */
export async function pruefeDateiHier(datei: string, optionen: HierOptionen): Promise<DateiErgebnis> {
  let gelesen;
  try {
    gelesen = await leseDatei(datei);
  } catch (e) {
    if (e instanceof DateiFehler) return nichtLesbar(datei, e.message);
    throw e;
  }
  // The template as sent out, not filled in: say that, rather than „Förderjahr fehlt“.
  if (unausgefuellt(gelesen.mappe))
    return {
      ...leer(datei),
      status: "leer",
      meldungen: [`${basename(datei)}: leer – noch nicht ausgefüllt (Maßnahmen und Finanzplan ohne Zeilen).`],
    };
  const a = pruefAnfrage(gelesen.mappe);
  if (!a.ok) return nichtLesbar(datei, ...a.meldungen.map((m) => `${basename(datei)}: ${m}`));
  const anfrage = validationRequestSchema.safeParse(a.anfrage);
  if (!anfrage.success) {
    const meldungen = anfrage.error.issues
      .slice(0, 10)
      .map((i) => `${basename(datei)}: ${i.path.join("/")}: ${i.message}`);
    return nichtLesbar(datei, ...meldungen);
  }
  // What the reader saw that Excel would show otherwise (formulas, hidden sheets) is part of the seal.
  const herkunft =
    gelesen.auffaelligkeiten.length > 0
      ? JSON.stringify(gelesen.auffaelligkeiten.map((x) => [x.regel, x.blatt, x.zelle, x.meldung]))
      : undefined;
  // The seal the file came with, judged against its inputs now; then a fresh check with a fresh seal.
  const vorhanden = siegelAusZellen(gelesen.mappe.siegel ?? []);
  const urteil =
    "art" in vorhanden
      ? vorhanden
      : await pruefeSiegel(vorhanden, anfrage.data, herkunft, {
          massnahmen: a.bezug.massnahmen.sheetZeilen,
          finanzplan: a.bezug.finanzplan.sheetZeilen,
        });
  const { ergebnis, ausgabe } = await pruefungMitLeser(gelesen, anfrage.data, a.bezug, herkunft);
  const wb = gelesen.wb; // the copy in memory that was read; the input file stays untouched
  const { hinweise: blattHinweise, bericht } = schreibePruefung(wb, ausgabe);
  const kopie = optionen.kopie;
  await schreibeSicher(kopie, async () => (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
  // The Prüfbericht to file (summary page, then the findings), where LibreOffice is installed.
  const pdf = optionen.pdf
    ? await pruefberichtAlsPdf(
        { ...ausgabe, bericht },
        kopie.replace(/\.geprueft\.xlsx$/, ".pruefbericht.pdf"),
      )
    : null;
  if (pdf && !pdf.ok) blattHinweise.push(pdf.grund);
  const summe = ergebnis.summen[String(ergebnis.foerderjahre[0])];
  return {
    datei,
    status: "geprueft",
    kreis:
      anfrage.data.kreis.name === null || anfrage.data.kreis.name === undefined
        ? null
        : String(anfrage.data.kreis.name),
    fehler: ausgabe.anzahl.fehler,
    warnungen: ausgabe.anzahl.warnung,
    hinweise: ausgabe.anzahl.hinweis,
    landesmittel_eur: summe?.landesmittel_eur ?? 0,
    foerderhoechstbetrag_eur: summe?.foerderhoechstbetrag_eur ?? null,
    kopie,
    pdf: pdf?.ok ? pdf.pdf : null,
    siegel: siegelText(urteil),
    offen: Object.values(ergebnis.summen).flatMap((s) => s.regeln_offen.map((r) => `${r} ${s.jahr}`)),
    meldungen: [...a.hinweise, ...blattHinweise],
    befunde: bericht,
  };
}

/**
 * Checks one workbook in its own cage (cli/kaefig.ts): a crash or the time limit make it „nicht
 * geprüft: zu groß oder zu verschachtelt“; the batch goes on.
 */
export async function pruefeDatei(datei: string, optionen: { pdf?: boolean } = {}): Promise<DateiErgebnis> {
  const ausgabe = freieAusgabe(datei);
  const antwort = await imKaefig<{ datei: string; optionen: HierOptionen }, DateiErgebnis>({
    datei,
    optionen: { ...optionen, kopie: ausgabe.kopie },
  });
  if (antwort === null)
    return nichtLesbar(
      datei,
      `${basename(datei)}: ${ZU_GROSS} – die Prüfung brauchte mehr als ${KAEFIG.speicherMb} MB Speicher oder ${KAEFIG.sekunden} s. In Excel überzählige Blätter, verbundene Zellen und leere Zeilen am Ende löschen, speichern und erneut prüfen.`,
    );
  if (!antwort.ok) {
    if (antwort.dateiFehler) return nichtLesbar(datei, antwort.meldung);
    throw new Error(antwort.meldung);
  }
  const e = antwort.ergebnis;
  return ausgabe.hinweis ? { ...e, meldungen: [ausgabe.hinweis, ...e.meldungen] } : e;
}

/** Outputs of this batch, by a key that folds case and Unicode normalisation (Kreis.xlsx, Kreis.XLSX). */
const vergeben = new Set<string>();

/** The checked copy's path; a second input that would write the same one gets „name (2)“, said once. */
function freieAusgabe(datei: string): { kopie: string; hinweis: string | null } {
  const schluessel = (p: string) => p.normalize("NFC").toLowerCase();
  const erste = kopiePfad(datei, "geprueft");
  let kopie = erste;
  for (let n = 2; vergeben.has(schluessel(kopie)); n++)
    kopie = join(dirname(datei), `${basename(datei, extname(datei))} (${n}).geprueft.xlsx`);
  vergeben.add(schluessel(kopie));
  return {
    kopie,
    hinweis:
      kopie === erste
        ? null
        : `${basename(datei)}: die geprüfte Kopie heißt ${basename(kopie)}, weil eine andere Datei dieses Laufs (Groß-/Kleinschreibung oder Schreibweise der Umlaute) schon ${basename(erste)} bekommt.`,
  };
}

const euro = (x: number | null) => (x === null ? "–" : formatEuro(Math.round(x * 100)));

export function zusammenfassung(ergebnisse: DateiErgebnis[]): string {
  return tabelleText(
    [
      "Datei",
      "Kreis",
      "Fehler",
      "Warnungen",
      "Hinweise",
      "Σ Landesmittel",
      "Förderhöchstbetrag",
      "Stand",
      "nicht abschließend geprüft",
      "Siegel beim Eingang",
    ],
    ergebnisse.map((e) => [
      basename(e.datei),
      e.kreis ?? "–",
      e.status === "geprueft" ? String(e.fehler) : "–",
      e.status === "geprueft" ? String(e.warnungen) : "–",
      e.status === "geprueft" ? String(e.hinweise) : "–",
      euro(e.landesmittel_eur),
      euro(e.foerderhoechstbetrag_eur),
      e.status === "leer"
        ? "leer – noch nicht ausgefüllt"
        : e.status === "nicht_lesbar"
          ? "nicht lesbar"
          : e.landesmittel_eur !== null &&
              e.foerderhoechstbetrag_eur !== null &&
              e.landesmittel_eur > e.foerderhoechstbetrag_eur
            ? "über Höchstbetrag"
            : e.fehler > 0
              ? "Fehler"
              : e.offen.length > 0
                ? "nicht abschließend"
                : "prüffähig",
      e.offen.length > 0 ? e.offen.join(", ") : "–",
      e.siegel,
    ]),
    [false, false, true, true, true, true, true, false, false, false],
  );
}

export async function schreibeBericht(
  pfad: string,
  ergebnisse: DateiErgebnis[],
  uebersprungen: readonly { name: string; grund: string }[] = [],
) {
  if (pfad.toLowerCase().endsWith(".csv")) {
    const kopf = ["Datei", "Kreis", "Schwere", "Regel", "Meldung", "Blatt", "Zelle", "Regelwerk"];
    const zeilen = [
      ...uebersprungen.map((u) => [u.name, "", "nicht geprüft", "", u.grund, "", "", ""]),
      ...ergebnisse.flatMap((e) =>
        e.status !== "geprueft"
          ? [
              [
                basename(e.datei),
                "",
                e.status === "leer" ? "leer" : "nicht lesbar",
                "",
                e.meldungen.join(" | "),
                "",
                "",
                "",
              ],
            ]
          : e.befunde.map((b) => [
              basename(e.datei),
              e.kreis ?? "",
              b.schwere,
              b.regel,
              b.meldung,
              b.blatt,
              b.zelle ?? "",
              b.regelwerk,
            ]),
      ),
    ];
    const csv =
      "\uFEFF" + [kopf, ...zeilen].map((z) => z.map((f) => csvFeld(f)).join(";")).join("\r\n") + "\r\n";
    await schreibeSicher(pfad, csv);
  } else {
    const json = JSON.stringify(
      { erstellt: new Date().toISOString(), dateien: ergebnisse, nicht_geprueft: uebersprungen },
      null,
      2,
    );
    await schreibeSicher(pfad, json + "\n");
  }
}
