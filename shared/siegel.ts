/**
 * The Prüfsiegel: a SHA-256 over a canonical form of every input a check read — Parameter, Maßnahmen
 * and Finanzplan rows as the core saw them (numbers normalised, empty cells explicit, row order kept,
 * independent of formatting and column order) — with per-row hashes so that changed rows can be named.
 * Pane, worker and CLI compute it with this code and the platform's Web Crypto, so the same data gives
 * the same seal everywhere. A seal is not a signature: anyone can recompute it.
 */
import { zaehleBefunde } from "./befund";
import { datumIso, liesDatum } from "./datum";
import { liesBetrag } from "./geld";
import { REGELWERKE, regelwerkFuerJahr, type RegelwerkId } from "./regelwerke";
import { liesHandlungsfeld } from "./pruefung/woerter";
import {
  BETRAGSFELDER,
  type FinanzplanZeile,
  type MassnahmeZeile,
  type ValidationRequest,
  type ValidationResponse,
  type Zelle,
} from "./pruefung/schema";
import { liesZahl } from "./zahl";

export const SIEGEL_FORMAT = "LSZ-Siegel-1";

export interface Siegel {
  format: typeof SIEGEL_FORMAT;
  regelwerk: RegelwerkId;
  regelwerk_version: string;
  /** ISO time of the check. */
  zeit: string;
  anzahl: { fehler: number; warnung: number; hinweis: number };
  /** SHA-256 (hex) over the whole canonical input. */
  hash: string;
  /** Per-part hashes (first 16 hex digits) to name what changed. */
  parameter: string;
  massnahmen: string[];
  finanzplan: string[];
}

type Kanonisch = string | number | boolean | null;

/** Text as the core reads it: trimmed, numbers as JavaScript prints them, empty → null. */
function text(v: Zelle): Kanonisch {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v;
  const t = typeof v === "string" ? v.trim() : String(v === 0 ? 0 : v);
  return t === "" ? null : t;
}

/** An amount in cents where the core can read it; otherwise the text as typed. */
function betrag(v: Zelle): Kanonisch {
  if (typeof v === "boolean") return String(v);
  const b = liesBetrag(v);
  if (b.art === "leer") return null;
  if (b.art === "betrag") return b.cent === 0 ? 0 : b.cent;
  return text(v);
}

function datum(v: Zelle): Kanonisch {
  const d = typeof v === "boolean" ? null : liesDatum(v);
  return d ? datumIso(d) : text(v);
}

const MASSNAHME_FELDER = [
  "nr",
  "titel",
  "handlungsfeld",
  "art",
  "bestandsschutz_kategorie",
  "landeszuwendung_2017",
  "traeger",
  "traegerart",
  "gemeinnuetzig",
  "sozialraum",
  "beginn",
  "ende",
] as const;

export function kanonischeMassnahme(m: MassnahmeZeile): Kanonisch[] {
  return MASSNAHME_FELDER.map((f) =>
    f === "handlungsfeld" ? (liesHandlungsfeld(m[f]) ?? text(m[f])) : text(m[f]),
  );
}

export function kanonischeFinanzzeile(z: FinanzplanZeile): Kanonisch[] {
  const jahr = liesZahl(z.jahr);
  return [
    text(z.massnahme_nr),
    jahr.art === "zahl" && Number.isInteger(jahr.wert) ? jahr.wert : text(z.jahr),
    ...BETRAGSFELDER.map((f) => betrag(z[f])),
    betrag(z.gesamtausgaben),
    betrag(z.bemessungsgrundlage),
  ];
}

export function kanonischeParameter(a: ValidationRequest): Kanonisch[] {
  const jahre = [...new Set(Array.isArray(a.foerderjahr) ? a.foerderjahr : [a.foerderjahr])].sort(
    (x, y) => x - y,
  );
  const gruende = (a.handlungsfelder_ohne_massnahme ?? [])
    .map(
      (h) => `${liesHandlungsfeld(h.handlungsfeld) ?? text(h.handlungsfeld)}:${(h.begruendung ?? "").trim()}`,
    )
    .sort();
  return [
    jahre.join(","),
    a.regelwerk ?? null,
    text(a.kreis.schluessel),
    text(a.kreis.name),
    text(a.kreis.foerderstufe),
    betrag(a.kreis.foerderhoechstbetrag_eur),
    datum(a.kreis.fachplan_datum),
    gruende.join("|"),
    a.einstellungen?.landesquote_je_massnahme ?? null,
  ];
}

// — SHA-256 through Web Crypto (globalThis.crypto in browsers, workerd and Node ≥ 19) —

interface WebCrypto {
  subtle: { digest(algorithmus: string, daten: Uint8Array): Promise<ArrayBuffer> };
}

function utf8(s: string): Uint8Array {
  const bytes: number[] = [];
  for (const zeichen of s) {
    const c = zeichen.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(bytes);
}

export async function sha256(text: string): Promise<string> {
  const krypto = (globalThis as unknown as { crypto?: WebCrypto }).crypto;
  if (!krypto?.subtle) throw new Error("Web Crypto (crypto.subtle) ist in dieser Umgebung nicht verfügbar.");
  const digest = new Uint8Array(await krypto.subtle.digest("SHA-256", utf8(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const kurz = async (teil: string, werte: Kanonisch[]) =>
  (await sha256(JSON.stringify([teil, ...werte]))).slice(0, 16);

/** The seal of a check: over the request as sent to the core, with the result's rule set and counts. */
export async function erstelleSiegel(
  anfrage: ValidationRequest,
  ergebnis: Pick<ValidationResponse, "regelwerk" | "regelwerk_version" | "befunde">,
  zeit: string,
): Promise<Siegel> {
  const p = kanonischeParameter(anfrage);
  const m = anfrage.massnahmen.map(kanonischeMassnahme);
  const f = anfrage.finanzplan.map(kanonischeFinanzzeile);
  return {
    format: SIEGEL_FORMAT,
    regelwerk: ergebnis.regelwerk,
    regelwerk_version: ergebnis.regelwerk_version,
    zeit,
    anzahl: zaehleBefunde(ergebnis.befunde),
    hash: await sha256(
      JSON.stringify({
        format: SIEGEL_FORMAT,
        regelwerk: ergebnis.regelwerk,
        regelwerk_version: ergebnis.regelwerk_version,
        parameter: p,
        massnahmen: m,
        finanzplan: f,
      }),
    ),
    parameter: await kurz("P", p),
    massnahmen: await Promise.all(m.map((z) => kurz("M", z))),
    finanzplan: await Promise.all(f.map((z) => kurz("F", z))),
  };
}

export type SiegelUrteil =
  | { art: "kein_siegel" }
  | { art: "unlesbar"; grund: string }
  | { art: "gueltig"; siegel: Siegel }
  | { art: "veraltet"; siegel: Siegel; aktuelle_version: string }
  | {
      art: "geaendert";
      siegel: Siegel;
      parameter: boolean;
      massnahmen: number[];
      finanzplan: number[];
      /** Set when the tables can no longer be read at all (a table deleted, a header renamed): why. */
      tabellen?: string;
    };

function unterschiede(alt: string[], neu: string[]): number[] {
  const zeilen: number[] = [];
  for (let i = 0; i < Math.max(alt.length, neu.length); i++) if (alt[i] !== neu[i]) zeilen.push(i + 1);
  return zeilen;
}

/** Checks a seal against the workbook's current inputs. */
export async function pruefeSiegel(siegel: Siegel, anfrage: ValidationRequest): Promise<SiegelUrteil> {
  const jetzt = await erstelleSiegel(
    anfrage,
    { regelwerk: siegel.regelwerk, regelwerk_version: siegel.regelwerk_version, befunde: [] },
    siegel.zeit,
  );
  if (jetzt.hash !== siegel.hash) {
    return {
      art: "geaendert",
      siegel,
      parameter: jetzt.parameter !== siegel.parameter,
      massnahmen: unterschiede(siegel.massnahmen, jetzt.massnahmen),
      finanzplan: unterschiede(siegel.finanzplan, jetzt.finanzplan),
    };
  }
  const regelwerk = anfrage.regelwerk
    ? REGELWERKE[anfrage.regelwerk]
    : regelwerkFuerJahr(Array.isArray(anfrage.foerderjahr) ? anfrage.foerderjahr[0]! : anfrage.foerderjahr);
  const aktuell = REGELWERKE[siegel.regelwerk]?.version;
  if (aktuell !== siegel.regelwerk_version || regelwerk.id !== siegel.regelwerk)
    return { art: "veraltet", siegel, aktuelle_version: `${regelwerk.id} (${regelwerk.version})` };
  return { art: "gueltig", siegel };
}

// — In the Prüfbericht sheet: a small block of labelled cells from column H on —

export const SIEGEL_SPALTE = 8; // H
const STUECK = 30_000; // Excel keeps at most 32.767 characters in a cell

/** The seal as rows of two cells (label, value), to be written at H1. */
export function siegelZellen(s: Siegel): [string, string][] {
  const daten = JSON.stringify(s);
  const stuecke: [string, string][] = [];
  for (let i = 0; i < daten.length; i += STUECK)
    stuecke.push([i === 0 ? "Siegeldaten" : "", daten.slice(i, i + STUECK)]);
  return [
    ["Prüfsiegel", SIEGEL_FORMAT],
    ["Regelwerk", `${s.regelwerk} (${s.regelwerk_version})`],
    ["geprüft am", s.zeit],
    ["Befunde", `${s.anzahl.fehler} Fehler, ${s.anzahl.warnung} Warnungen, ${s.anzahl.hinweis} Hinweise`],
    ["SHA-256", s.hash],
    ...stuecke,
  ];
}

/** Reads a seal from the Prüfbericht's cells (label column H, value column I); null when there is none. */
export function siegelAusZellen(zeilen: readonly (readonly unknown[])[]): SiegelUrteil | Siegel {
  const label = (z: number) => zeilen[z]?.[0];
  if (label(0) !== "Prüfsiegel") return { art: "kein_siegel" };
  const start = zeilen.findIndex((z) => z[0] === "Siegeldaten");
  if (start < 0) return { art: "unlesbar", grund: "Siegeldaten fehlen" };
  let daten = "";
  for (let i = start; i < zeilen.length && typeof zeilen[i]?.[1] === "string" && zeilen[i]![1] !== ""; i++)
    daten += zeilen[i]![1] as string;
  try {
    const s = JSON.parse(daten) as Siegel;
    if (s.format !== SIEGEL_FORMAT || typeof s.hash !== "string")
      return { art: "unlesbar", grund: "unbekanntes Siegelformat" };
    return s;
  } catch {
    return { art: "unlesbar", grund: "Siegeldaten beschädigt" };
  }
}

/** A verdict in German, for the CLI's summary and the pane. */
export function siegelText(u: SiegelUrteil): string {
  const datumText = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");
  switch (u.art) {
    case "kein_siegel":
      return "kein Siegel";
    case "unlesbar":
      return `Siegel unlesbar (${u.grund})`;
    case "gueltig":
      return `Siegel gültig: geprüft mit ${u.siegel.regelwerk} am ${datumText(u.siegel.zeit)}, seitdem unverändert`;
    case "veraltet":
      return `Siegel veraltet: geprüft mit ${u.siegel.regelwerk} (${u.siegel.regelwerk_version}), aktuell gilt ${u.aktuelle_version}`;
    case "geaendert": {
      const teile = [
        ...(u.tabellen ? [`Tabellen nicht mehr lesbar (${u.tabellen})`] : []),
        ...(u.parameter ? ["Parameter"] : []),
        ...(u.massnahmen.length ? [`Maßnahmen Zeile ${u.massnahmen.join(", ")}`] : []),
        ...(u.finanzplan.length ? [`Finanzplan Zeile ${u.finanzplan.join(", ")}`] : []),
      ];
      return `nach der Prüfung geändert: ${teile.join("; ") || "Eingaben"}`;
    }
  }
}
