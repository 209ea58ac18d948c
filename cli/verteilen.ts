/**
 * `lsz verteilen <indikatoren.xlsx|csv> --haushaltsmittel …`: the allocation with its explanation,
 * written to xlsx or CSV, with a table in the terminal.
 */
import ExcelJS from "exceljs";
import { basename, extname } from "node:path";
import {
  FOERDERHOECHSTBETRAEGE,
  PARAMETER,
  verteilAnfrage,
  verteilAusgabe,
  type Arbeitsmappe,
  type TabellenDaten,
  type Zellwert,
  NORMIERUNG_WORT,
  RUNDUNG_WORT,
} from "../shared/arbeitsmappe";
import { allocationRequestSchema, type AllocationResponse } from "../shared/allocation/schema";
import { STANDARD_VERFAHREN, verteile } from "../shared/allocation/verteilung";
import { INDIKATOR, INDIKATOREN, type Indikator } from "../shared/allocation/indikatoren";
import { csvFeld, liesCsv } from "../shared/csv";
import { ausgabeIn } from "./optionen";
import { schreibeSicher } from "./sicher-schreiben";
import { formatEuro, formatProzent } from "../shared/format";
import { schreibeVerteilung } from "./annotieren";
import { tabelleText } from "./text";
import { leseDatei, liesRegulaereDatei } from "./xlsx-lesen";

interface VerteilOptionen {
  haushaltsmittel?: string;
  foerderjahr?: string;
  normierung?: string;
  sockelbetrag?: string;
  rundung?: string;
  regelwerk?: string;
  ebene?: string;
  ausgabe?: string;
  /** `--ziel`: the folder for the output (a relative --ausgabe is taken inside it). */
  ziel?: string | undefined;
  /** One weight per indicator in the order of GEWICHTE_REIHENFOLGE, e.g. "0.5,0.25,0,0.25". */
  gewichte?: string;
}

const OPTION_ZU_ANGABE: [keyof VerteilOptionen, string][] = [
  ["haushaltsmittel", "Haushaltsmittel (€)"],
  ["foerderjahr", "Förderjahr"],
  ["normierung", "Normierung"],
  ["sockelbetrag", "Sockelbetrag je Region (€)"],
  ["rundung", "Rundung"],
  ["regelwerk", "Regelwerk"],
];

/** The order of the weights in `--gewichte`: the indicators' order. */
export const GEWICHTE_REIHENFOLGE = INDIKATOREN.map((k) => INDIKATOR[k].kurz).join(", ");
const GEWICHT_ANGABEN = INDIKATOREN.map((k) => INDIKATOR[k].gewichtAngabe);

/** `--gewichte` for a set of weights: "0.25,0.25,0.25,0.25". */
export const gewichteOption = (g: Record<Indikator, number>) =>
  INDIKATOREN.map((k) => String(g[k])).join(",");

/** The standard weights without one indicator, its part given to the population. */
function ohne(k: Indikator): Record<Indikator, number> {
  const g = { ...STANDARD_VERFAHREN.gewichte };
  g.bevoelkerung += g[k];
  g[k] = 0;
  return g;
}

/** Options on the command line win over the Parameter sheet. */
function mitOptionen(parameter: TabellenDaten | null | undefined, o: VerteilOptionen): TabellenDaten {
  const werte: Zellwert[][] = parameter ? parameter.werte.map((z) => [...z]) : [];
  const kopf = parameter ? [...parameter.kopf] : [...PARAMETER.kopf];
  const angabeSpalte = kopf.findIndex((k) => k === PARAMETER.kopf[0]);
  const wertSpalte = kopf.findIndex((k) => k === PARAMETER.kopf[1]);
  const gewichte = o.gewichte?.split(/[,;]/).map((g) => g.trim());
  const paare: [string, string | undefined][] = [
    ...OPTION_ZU_ANGABE.map(([option, angabe]): [string, string | undefined] => [angabe, o[option]]),
    ...GEWICHT_ANGABEN.map((angabe, i): [string, string | undefined] => [
      angabe,
      gewichte ? (gewichte[i] ?? "0") : undefined,
    ]),
  ];
  for (const [angabe, v] of paare) {
    if (v === undefined) continue;
    const zeile = werte.find((z) => z[angabeSpalte] === angabe);
    if (zeile) zeile[wertSpalte] = v;
    else {
      const neu: Zellwert[] = [];
      neu[angabeSpalte] = angabe;
      neu[wertSpalte] = v;
      werte.push(neu);
    }
  }
  return {
    blatt: parameter?.blatt ?? "Befehlszeile",
    kopfZeile: parameter?.kopfZeile ?? 1,
    ersteSpalte: parameter?.ersteSpalte ?? 1,
    kopf,
    werte,
  };
}

/**
 * The findings of an allocation that could not be computed, each cause once: „Mindestsicherung fehlt“
 * for 23 Kreise is one line naming how many and which, and how to distribute without it.
 */
function befundeGebuendelt(ergebnis: AllocationResponse): string {
  const gruppen = new Map<string, { schwere: string; regel: string; rest: string; wo: string[] }>();
  for (const b of ergebnis.befunde) {
    const m = /^(.+?): (.+)$/.exec(b.meldung);
    const wo = m && b.tabelle === "regionen" ? m[1]! : "";
    const rest = m && b.tabelle === "regionen" ? m[2]! : b.meldung;
    const schluessel = `${b.schwere}|${b.regel}|${rest}`;
    const g = gruppen.get(schluessel) ?? { schwere: b.schwere, regel: b.regel, rest, wo: [] };
    if (wo) g.wo.push(wo);
    gruppen.set(schluessel, g);
  }
  const zeilen = [...gruppen.values()].map((g) => {
    const wo =
      g.wo.length === 0
        ? ""
        : g.wo.length === 1
          ? `${g.wo[0]}: `
          : `${g.wo.length} Regionen (${g.wo.slice(0, 3).join(", ")}${g.wo.length > 3 ? ", …" : ""}): `;
    return `${g.schwere.toUpperCase()} ${g.regel}: ${wo}${g.rest}`;
  });
  const ohneMs = ergebnis.befunde.some((b) => b.regel === "I04" && /Mindestsicherung fehlt/.test(b.meldung));
  return [
    `Nicht verteilt (${ergebnis.regelwerk}, Förderjahr ${ergebnis.foerderjahr}): keine Ausgabedatei geschrieben.`,
    ...zeilen,
    ...(ohneMs
      ? [
          `So ohne Mindestsicherung verteilen: --gewichte ${gewichteOption(ohne("mindestsicherung"))} (ihr Teil geht an die Bevölkerung; Reihenfolge ${GEWICHTE_REIHENFOLGE}) – oder die Mindestsicherung je Region eintragen.`,
        ]
      : []),
  ].join("\n");
}

async function leseIndikatoren(datei: string): Promise<Arbeitsmappe> {
  if (extname(datei).toLowerCase() === ".csv") {
    const text = (await liesRegulaereDatei(datei)).toString("utf8");
    const { kopf, zeilen } = liesCsv(text);
    return { indikatoren: { blatt: basename(datei), kopfZeile: 1, ersteSpalte: 1, kopf, werte: zeilen } };
  }
  return (await leseDatei(datei)).mappe;
}

interface VerteilErgebnis {
  ergebnis: AllocationResponse | null;
  meldungen: string[];
  ausgabe: string | null;
  text: string;
}

export async function verteileDatei(datei: string, o: VerteilOptionen): Promise<VerteilErgebnis> {
  const mappe = await leseIndikatoren(datei);
  if (o.foerderjahr === undefined && !mappe.parameter && mappe.indikatoren) {
    // A bare CSV: the Förderjahr follows from the Stichtag (31.12. of the year before last).
    const i = mappe.indikatoren.kopf.findIndex(
      (k) => typeof k === "string" && k.toLowerCase() === "stichtag",
    );
    const s = i >= 0 ? String(mappe.indikatoren.werte[0]?.[i] ?? "") : "";
    const m = /^(\d{4})-12-31$/.exec(s) ?? /^31\.12\.(\d{4})$/.exec(s);
    if (m) o = { ...o, foerderjahr: String(Number(m[1]) + 2) };
  }
  const gelesen = verteilAnfrage({ ...mappe, parameter: mitOptionen(mappe.parameter, o) });
  if (!gelesen.ok)
    return {
      ergebnis: null,
      meldungen: gelesen.meldungen.map((m) => `${basename(datei)}: ${m}`),
      ausgabe: null,
      text: "",
    };
  const anfrage = {
    ...gelesen.anfrage,
    ...(o.ebene === "frei" || o.ebene === "zuwendungsempfaenger" ? { ebene: o.ebene } : {}),
  };
  const geprueft = allocationRequestSchema.safeParse(anfrage);
  if (!geprueft.success) {
    const zeilen = gelesen.bezug.indikatoren.sheetZeilen;
    const meldungen = geprueft.error.issues.slice(0, 10).map((i) => {
      const [was, nr, feld] = i.path;
      return was === "regionen" && typeof nr === "number"
        ? `${basename(datei)}: Zeile ${zeilen[nr] ?? "?"}, ${String(feld ?? "")}: ${i.message}`
        : `${basename(datei)}: ${i.path.join(".")}: ${i.message}`;
    });
    return { ergebnis: null, meldungen, ausgabe: null, text: "" };
  }
  const ergebnis = verteile(geprueft.data);
  if (!ergebnis.berechnet) {
    // Nothing computed: no output file with empty amounts, and each cause said once.
    return { ergebnis, meldungen: gelesen.hinweise, ausgabe: null, text: befundeGebuendelt(ergebnis) };
  }
  const aus = verteilAusgabe(ergebnis, gelesen.bezug);
  // The current folder (or --ziel), never beside the input: that may be the project's data/ folder.
  const ziel = ausgabeIn(
    o.ziel,
    o.ausgabe ?? basename(datei).replace(/\.(xlsx|csv)$/i, "") + ".verteilung.xlsx",
  );
  if (ziel.toLowerCase().endsWith(".csv")) {
    const zahl = (v: Zellwert) => (typeof v === "number" ? String(v).replace(".", ",") : v);
    const text = [FOERDERHOECHSTBETRAEGE.kopf as readonly string[], ...aus.zeilen.map((z) => z.map(zahl))]
      .map((z) => z.map((f) => csvFeld(f)).join(";"))
      .join("\r\n");
    await schreibeSicher(ziel, "\uFEFF" + text + "\r\n");
  } else {
    const wb = new ExcelJS.Workbook();
    schreibeVerteilung(wb, aus.zeilen, aus.bericht, aus.diagramme);
    await schreibeSicher(ziel, async () => (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
  }
  const euro = (x: number | null) => (x === null ? "–" : formatEuro(Math.round(x * 100)));
  const text = [
    `Verteilung von ${euro(ergebnis.haushaltsmittel_eur)} (${ergebnis.regelwerk}, Förderjahr ${ergebnis.foerderjahr}, ${NORMIERUNG_WORT[ergebnis.verfahren.normierung]}, ${RUNDUNG_WORT[ergebnis.verfahren.rundung]})`,
    tabelleText(
      ["Schlüssel", "Name", "Förderhöchstbetrag", "Anteil", ...INDIKATOREN.map((k) => INDIKATOR[k].kurz)],
      ergebnis.regionen.map((r) => [
        r.schluessel,
        (r.name ?? "").slice(0, 30),
        euro(r.foerderhoechstbetrag_eur),
        r.anteil_gesamt === null ? "–" : formatProzent(r.anteil_gesamt, "de", 2),
        ...INDIKATOREN.map((k) => euro(r.betraege_je_indikator_eur[k])),
      ]),
      [false, false, true, true, ...INDIKATOREN.map(() => true)],
    ),
    `Summe ${euro(ergebnis.summe_eur)}${ergebnis.berechnet ? "" : " – nicht berechnet, siehe Befunde"}`,
    ...ergebnis.befunde.map((b) => `${b.schwere.toUpperCase()} ${b.regel}: ${b.meldung}`),
  ].join("\n");
  return { ergebnis, meldungen: gelesen.hinweise, ausgabe: ziel, text };
}
