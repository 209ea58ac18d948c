/**
 * `lsz pruefen <dateien.xlsx…>`: checks every workbook with the shared core (unsigned seal), or with
 * `--dienst URL` through the calculation service (signed seal), writes an annotated copy next to each, prints a line per file and a summary table; exit code 1 if any Fehler
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
  type PruefBezug,
} from "../shared/arbeitsmappe";
import { formatEuro } from "../shared/format";
import {
  validationRequestSchema,
  type ValidationRequest,
  type ValidationResponse,
} from "../shared/pruefung/schema";
import { pruefe } from "../shared/pruefung/pruefe";
import { behebenText, istRegelCode, regelTitel } from "../shared/regeln/katalog";
import { REGELWERKE, istRegelwerkId } from "../shared/regelwerke";
import { erstelleSiegel, pruefeSiegel, siegelAusZellen, siegelText } from "../shared/siegel";
import ExcelJS from "exceljs";
import type { Jwks } from "../shared/siegel-schema";
import { dienstAn, type Dienst } from "./siegel";
import { csvFeld } from "../shared/csv";
import { VERSION } from "../shared/version";
import { schreibePruefung } from "./annotieren";
import { KAEFIG, ZU_GROSS, imKaefig } from "./kaefig";
import { pruefberichtAlsPdf } from "./pdf";
import { schreibeSicher } from "./sicher-schreiben";
import { DateiFehler, leseDatei } from "./xlsx-lesen";
import { tabelleText } from "./text";
import {
  BERICHT_SCHEMA_VERSION,
  berichtSchema,
  type Bericht,
  type DateiErgebnis,
  type Einreichungen,
} from "./bericht-schema";
import { berichtFormat } from "./optionen";

/** A year rule that could not be decided, in words: its title without „(je Förderjahr)“. */
function offenTitel(regel: string, regelwerk: string): string {
  const rw = istRegelwerkId(regelwerk) ? REGELWERKE[regelwerk] : null;
  return rw && istRegelCode(regel) ? regelTitel(regel, rw.grenzen).replace(/ \(je Förderjahr\)$/, "") : regel;
}

export type { DateiErgebnis };

/** Beside the input, or in `--ziel`. */
function kopiePfad(datei: string, zusatz: string, ziel?: string): string {
  return join(ziel ?? dirname(datei), `${basename(datei, extname(datei))}.${zusatz}.xlsx`);
}

function leer(datei: string) {
  return {
    datei,
    kreis: null,
    kreisschluessel: null,
    foerderjahr: null,
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
  optionen: { herkunft?: string; dienst?: Dienst },
) {
  const ergebnis = await pruefeHierOderDort(anfrage, optionen.dienst);
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
  // The service's seal is signed; without --dienst the seal is computed here, unsigned.
  const siegel =
    ergebnis.siegel ??
    (await erstelleSiegel(anfrage, ergebnis, new Date().toISOString(), { herkunft: optionen.herkunft }));
  const roh = pruefAusgabe(mitLeser, bezug, siegel);
  return { ergebnis, ausgabe: { ...roh, bericht: [...leser, ...roh.bericht] } };
}

const alsText = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The check by the service (`--dienst`), or here by the shared core. */
async function pruefeHierOderDort(anfrage: ValidationRequest, dienst?: Dienst): Promise<ValidationResponse> {
  if (!dienst) return pruefe(anfrage);
  const a = await dienst.client.validation(anfrage);
  if (a.art === "ok") return a.daten;
  throw new DateiFehler(
    `Rechendienst ${dienst.basis}: ${a.art === "problem" ? a.problem.detail : `nicht erreichbar (${a.grund})`} – die Datei wurde nicht geprüft.`,
  );
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

/**
 * What lsz pruefen was asked for, as plain data: it crosses into the cage's child as JSON, so the
 * service is its base URL and the keys are the key set, never a client or a function.
 */
export interface PruefOptionen {
  pdf?: boolean;
  /** `--dienst URL`: check through the calculation service, which signs the seal. */
  dienst?: string;
  /** The public keys incoming seals are verified with. */
  schluessel?: Jwks;
}

/** Where the checked copy goes: chosen by the parent, so that two inputs never share one output. */
interface HierOptionen extends PruefOptionen {
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
  // A fresh check, then the seal the file came with judged against its inputs now — with the counts
  // of this check, never the seal's own.
  const { ergebnis, ausgabe } = await pruefungMitLeser(gelesen, anfrage.data, a.bezug, {
    ...(herkunft ? { herkunft } : {}),
    ...(optionen.dienst ? { dienst: dienstAn(optionen.dienst) } : {}),
  });
  const vorhanden = siegelAusZellen(gelesen.mappe.siegel ?? []);
  const urteil =
    "art" in vorhanden
      ? vorhanden
      : await pruefeSiegel(vorhanden, anfrage.data, {
          schluessel: optionen.schluessel ?? { keys: [] },
          orte: a.bezug.orte,
          befunde: ergebnis.befunde,
        });
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
    kreis: alsText(anfrage.data.kreis.name),
    kreisschluessel: alsText(anfrage.data.kreis.schluessel),
    foerderjahr: ergebnis.foerderjahre[0] ?? null,
    fehler: ausgabe.anzahl.fehler,
    warnungen: ausgabe.anzahl.warnung,
    hinweise: ausgabe.anzahl.hinweis,
    landesmittel_eur: summe?.landesmittel_eur ?? 0,
    foerderhoechstbetrag_eur: summe?.foerderhoechstbetrag_eur ?? null,
    kopie,
    pdf: pdf?.ok ? pdf.pdf : null,
    siegel: siegelText(urteil),
    offen: Object.values(ergebnis.summen).flatMap((s) =>
      s.regeln_offen.map((r) => ({ regel: r, jahr: s.jahr, titel: offenTitel(r, ergebnis.regelwerk) })),
    ),
    meldungen: [...a.hinweise, ...blattHinweise],
    befunde: bericht,
  };
}

/**
 * Checks one workbook in its own cage (cli/kaefig.ts): a crash or the time limit make it „nicht
 * geprüft: zu groß oder zu verschachtelt“; the batch goes on.
 */
export async function pruefeDatei(
  datei: string,
  optionen: PruefOptionen & { ziel?: string | undefined } = {},
): Promise<DateiErgebnis> {
  const ausgabe = freieAusgabe(datei, optionen.ziel);
  const { pdf, dienst, schluessel } = optionen;
  const antwort = await imKaefig<{ datei: string; optionen: HierOptionen }, DateiErgebnis>({
    datei,
    optionen: {
      ...(pdf ? { pdf: true } : {}),
      ...(dienst ? { dienst } : {}),
      ...(schluessel ? { schluessel } : {}),
      kopie: ausgabe.kopie,
    },
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
function freieAusgabe(datei: string, ziel?: string): { kopie: string; hinweis: string | null } {
  const schluessel = (p: string) => p.normalize("NFC").toLowerCase();
  const erste = kopiePfad(datei, "geprueft", ziel);
  let kopie = erste;
  for (let n = 2; vergeben.has(schluessel(kopie)); n++)
    kopie = join(ziel ?? dirname(datei), `${basename(datei, extname(datei))} (${n}).geprueft.xlsx`);
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

/** A file's state in a word or two, as the summary's last column says it. */
function stand(e: DateiErgebnis, ersetzt: ReadonlySet<string>): string {
  if (e.status === "leer") return "leer – noch nicht ausgefüllt";
  if (e.status === "nicht_lesbar") return "nicht lesbar";
  if (ersetzt.has(e.datei)) return "doppelt – nicht gezählt";
  if (
    e.landesmittel_eur !== null &&
    e.foerderhoechstbetrag_eur !== null &&
    e.landesmittel_eur > e.foerderhoechstbetrag_eur
  )
    return "über Höchstbetrag";
  return e.fehler > 0 ? "Fehler" : e.offen.length > 0 ? "nicht abschließend" : "prüffähig";
}

/** The terminal's summary: one line per file within 100 columns; the details are in the report. */
export function zusammenfassung(
  ergebnisse: DateiErgebnis[],
  ersetzt: ReadonlySet<string> = new Set(),
): string {
  const zahl = (e: DateiErgebnis, n: number) => (e.status === "geprueft" ? String(n) : "–");
  return tabelleText(
    ["Datei", "Kreis", "Fehler", "Warn.", "Hinw.", "Σ Landesmittel", "Höchstbetrag", "Stand"],
    ergebnisse.map((e) => [
      basename(e.datei),
      e.kreis ?? "–",
      zahl(e, e.fehler),
      zahl(e, e.warnungen),
      zahl(e, e.hinweise),
      euro(e.landesmittel_eur),
      euro(e.foerderhoechstbetrag_eur),
      stand(e, ersetzt),
    ]),
    [false, false, true, true, true, true, true, false],
    { breite: 100, kuerzbar: [true, true, false, false, false, false, false, true] },
  );
}

/** One row per finding (and per file not checked), for CSV and the xlsx report. */
function berichtZeilen(
  ergebnisse: readonly DateiErgebnis[],
  uebersprungen: readonly { name: string; grund: string }[],
): string[][] {
  return [
    ["Datei", "Kreis", "Schwere", "Regel", "Meldung", "Blatt", "Zelle", "Regelwerk"],
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
}

/** The report, in the format its extension names (checked on the command line before any work). */
export async function schreibeBericht(
  pfad: string,
  ergebnisse: DateiErgebnis[],
  uebersprungen: readonly { name: string; grund: string }[] = [],
  einreichungen: Einreichungen,
) {
  const format = berichtFormat(pfad);
  if (format === ".csv") {
    const csv =
      "\uFEFF" +
      berichtZeilen(ergebnisse, uebersprungen)
        .map((z) => z.map((f) => csvFeld(f)).join(";"))
        .join("\r\n") +
      "\r\n";
    await schreibeSicher(pfad, csv);
  } else if (format === ".xlsx") {
    const wb = berichtMappe(berichtZeilen(ergebnisse, uebersprungen), einreichungen);
    await schreibeSicher(pfad, async () => (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
  } else {
    const bericht: Bericht = {
      schema_version: BERICHT_SCHEMA_VERSION,
      lsz_version: VERSION,
      erstellt: new Date().toISOString(),
      einreichungen,
      dateien: ergebnisse,
      nicht_geprueft: [...uebersprungen],
    };
    const json = JSON.stringify(berichtSchema.parse(bericht), null, 2);
    await schreibeSicher(pfad, json + "\n");
  }
}

/** The xlsx report: the desk's sentences, then one row per finding, every cell text (no formulas). */
function berichtMappe(zeilen: string[][], e: Einreichungen): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bericht", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRows(zeilen); // strings stay text in xlsx: no formula can come from a name or a cell
  ws.getRow(1).font = { bold: true };
  [28, 24, 12, 8, 90, 16, 8, 16].forEach((b, i) => (ws.getColumn(i + 1).width = b));
  ws.getColumn(5).alignment = { wrapText: true, vertical: "top" };
  ws.autoFilter = { from: "A1", to: "H1" };
  const ein = wb.addWorksheet("Einreichungen");
  ein.getColumn(1).width = 30;
  ein.getColumn(2).width = 90;
  ein.addRows([
    ["Förderjahr", e.foerderjahr ?? "–"],
    ["Regelwerk", e.regelwerk ?? "–"],
    ["Nicht eingereicht", e.fehlend.map((k) => `${k.name} (${k.schluessel})`).join(", ") || "–"],
    ...e.doppelt.map((d) => [
      `Doppelt: ${d.kreis}`,
      `gezählt ${basename(d.verwendet)}; nicht gezählt ${d.nicht_verwendet.map((x) => basename(x)).join(", ")}`,
    ]),
    ["Σ Landesmittel (€)", e.landesmittel_eur],
    ["Haushaltsmittel (€)", e.haushaltsmittel_eur ?? "–"],
  ]);
  ein.getColumn(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
  return wb;
}
