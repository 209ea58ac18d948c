/**
 * `lsz vergleichen ALT.xlsx NEU.xlsx [--bericht x.csv|x.json|x.xlsx]`: two versions of a plan side by
 * side — measures new, dropped (Bestandsschutz apart) and changed; Landesmittel and Gesamtausgaben per
 * measure and year; totals per year; and what could not be matched. Works without seals.
 */
import ExcelJS from "exceljs";
import { basename } from "node:path";
import { pruefAnfrage } from "../shared/arbeitsmappe";
import { csvFeld } from "../shared/csv";
import { formatEuro } from "../shared/format";
import { vergleichePlaene, type Vergleich } from "../shared/fortschreibung";
import { validationRequestSchema, type ValidationRequest } from "../shared/pruefung/schema";
import { Aufruffehler, ausgabeIn, berichtFormat } from "./optionen";
import { schreibeSicher } from "./sicher-schreiben";
import { sichtbar, tabelleText } from "./text";
import { DateiFehler, leseDatei } from "./xlsx-lesen";

async function anfrageAus(datei: string): Promise<ValidationRequest> {
  const gelesen = await leseDatei(datei);
  const a = pruefAnfrage(gelesen.mappe);
  if (!a.ok) throw new DateiFehler(`${basename(datei)}: ${a.meldungen.join(" ")}`);
  const s = validationRequestSchema.safeParse(a.anfrage);
  if (!s.success)
    throw new DateiFehler(
      `${basename(datei)}: ${s.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join("/")}: ${i.message}`)
        .join("; ")}`,
    );
  return s.data;
}

const euro = (c: number | null) => (c === null ? "–" : formatEuro(c));
const differenz = (a: number | null, b: number | null) => euro((b ?? 0) - (a ?? 0));
const wert = (v: unknown) => (v === null || v === undefined ? "(leer)" : String(v));

/** The comparison as rows of one table: Art, Maßnahme, Jahr, Feld, vorher, nachher, Differenz. */
export function vergleichZeilen(v: Vergleich): string[][] {
  return [
    ...v.neu.map((m) => [m.bestandsschutz ? "neu (Bestandsschutz)" : "neu", m.nr, "", "", "", m.titel, ""]),
    ...v.entfallen.map((m) => [
      m.bestandsschutz ? "entfallen (Bestandsschutz)" : "entfallen",
      m.nr,
      "",
      "",
      m.titel,
      "",
      "",
    ]),
    ...v.geaendert.map((g) => ["geändert", g.nr, "", g.feld, wert(g.vorher), wert(g.nachher), ""]),
    ...v.betraege.flatMap((b) => [
      [
        "Betrag",
        b.nr,
        String(b.jahr),
        "Landesmittel",
        euro(b.landesmittel[0]),
        euro(b.landesmittel[1]),
        differenz(...b.landesmittel),
      ],
      [
        "Betrag",
        b.nr,
        String(b.jahr),
        "Gesamtausgaben",
        euro(b.gesamtausgaben[0]),
        euro(b.gesamtausgaben[1]),
        differenz(...b.gesamtausgaben),
      ],
    ]),
    ...v.summen.flatMap((s) => [
      [
        "Summe",
        "",
        String(s.jahr),
        "Landesmittel",
        euro(s.landesmittel[0]),
        euro(s.landesmittel[1]),
        differenz(...s.landesmittel),
      ],
      [
        "Summe",
        "",
        String(s.jahr),
        "Gesamtausgaben",
        euro(s.gesamtausgaben[0]),
        euro(s.gesamtausgaben[1]),
        differenz(...s.gesamtausgaben),
      ],
    ]),
    ...v.nichtZugeordnet.map((t) => ["nicht zugeordnet", "", "", "", t, "", ""]),
  ];
}

const KOPF = ["Art", "Maßnahme", "Jahr", "Feld", "vorher", "nachher", "Differenz"];

async function schreibeVergleich(pfad: string, v: Vergleich, zeilen: string[][]): Promise<void> {
  const format = berichtFormat(pfad); // checked with the other options before any work
  if (format === ".json") return schreibeSicher(pfad, JSON.stringify(v, null, 2) + "\n");
  if (format === ".csv")
    return schreibeSicher(
      pfad,
      "\uFEFF" + [KOPF, ...zeilen].map((z) => z.map((f) => csvFeld(f)).join(";")).join("\r\n") + "\r\n",
    );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Vergleich");
  ws.addRow(KOPF).font = { bold: true };
  for (const z of zeilen) ws.addRow(z);
  ws.columns.forEach((c, i) => (c.width = [24, 10, 8, 22, 40, 40, 16][i] ?? 12));
  return schreibeSicher(pfad, async () => (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

/**
 * Compares the two files, prints the table, writes the report where asked (into `--ziel` when given);
 * exit code 0, misuse an Aufruffehler (exit code 2).
 */
export async function vergleichen(
  positionen: string[],
  o: { bericht?: string | undefined; ziel?: string | undefined },
): Promise<number> {
  const [alt, neu, ...mehr] = positionen;
  if (!alt || !neu || mehr.length > 0)
    throw new Aufruffehler(
      "Bitte zwei Arbeitsmappen angeben: lsz vergleichen ALT.xlsx NEU.xlsx [--bericht x.csv|x.json|x.xlsx]",
    );
  const bericht = o.bericht === undefined ? undefined : ausgabeIn(o.ziel, o.bericht);
  const v = vergleichePlaene(await anfrageAus(alt), await anfrageAus(neu));
  const zeilen = vergleichZeilen(v);
  console.log(
    `Vergleich ${basename(alt)} → ${basename(neu)}: ${v.neu.length} neu, ${v.entfallen.length} entfallen, ${new Set(v.geaendert.map((g) => g.nr)).size} geändert, ${v.betraege.length} Beträge je Maßnahme und Jahr anders\n`,
  );
  console.log(tabelleText(KOPF, zeilen, [false, false, false, false, false, false, true]));
  if (bericht) {
    await schreibeVergleich(bericht, v, zeilen);
    console.log(`\nBericht geschrieben: ${sichtbar(bericht)}`);
  }
  return 0;
}
