/**
 * The Prüfsiegel: a SHA-256 over a canonical form of every input a check read — Parameter, Maßnahmen
 * and Finanzplan rows as the core saw them (numbers normalised, empty cells explicit, row order kept,
 * independent of formatting and column order) — and of everything the seal states (rule set, time,
 * counts, and where the reader saw formulas or hidden sheets), with per-row hashes so that changed rows
 * can be named. The canonical form is JSON of typed values, so two different inputs never give the
 * same text. Pane, worker and CLI compute it with this code and the platform's Web Crypto, so the same
 * data gives the same seal everywhere. A seal is not a signature: anyone can recompute it.
 */
import { z } from "zod";
import { zaehleBefunde } from "./befund";
import { datumIso, liesDatum } from "./datum";
import { liesBetrag } from "./geld";
import { REGELWERKE, REGELWERK_IDS, regelwerkFuerJahr } from "./regelwerke";
import { liesHandlungsfeld } from "./pruefung/woerter";
import { BETRAGSFELDER, type Betragsfeld } from "./arbeitsmappe/layout";
import {
  ALTE_SIEGEL_FORMATE,
  FINANZPLAN_FELDER,
  MASSNAHME_FELDER,
  SIEGEL_FORMAT,
  type FinanzplanZeile,
  type MassnahmeZeile,
  type ValidationRequest,
  type ValidationResponse,
  type Zelle,
} from "./pruefung/schema";
import { liesZahl } from "./zahl";

export { ALTE_SIEGEL_FORMATE, SIEGEL_FORMAT };

const hex16 = z.string().regex(/^[0-9a-f]{16}$/);
/** A seal as read back from cells: checked field by field, never trusted as it comes. */
const siegelSchema = z.object({
  format: z.literal(SIEGEL_FORMAT),
  regelwerk: z.enum(REGELWERK_IDS),
  regelwerk_version: z.string().max(40),
  /** ISO time of the check. */
  zeit: z.string().max(40),
  anzahl: z.object({ fehler: z.int().min(0), warnung: z.int().min(0), hinweis: z.int().min(0) }),
  /** SHA-256 (hex) over the whole canonical input and everything the seal states. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Per-part hashes (first 16 hex digits) to name what changed. */
  parameter: hex16,
  massnahmen: z.array(hex16),
  finanzplan: z.array(hex16),
  /** Where the checked values are not what Excel shows (formulas, hidden sheets), as the reader saw it. */
  herkunft: z.string().max(100_000).optional(),
});
export type Siegel = z.infer<typeof siegelSchema>;

type Kanonisch = string | number | boolean | null | Kanonisch[];

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

type Kanon = (v: Zelle) => Kanonisch;

/**
 * How each request field enters the seal, as the core reads it: every field of the row schemas, as
 * text unless named here. A new schema field is covered at once — and the test of SIEGEL_FELDER then
 * asks for a new SIEGEL_FORMAT (beside the schema), so that a seal never covers other fields under an
 * old name.
 */
const alsText = <F extends string>(felder: readonly F[]) =>
  Object.fromEntries(felder.map((f) => [f, text])) as Record<F, Kanon>;

const MASSNAHME_KANON: Record<keyof MassnahmeZeile, Kanon> = {
  ...alsText(MASSNAHME_FELDER),
  handlungsfeld: (v) => liesHandlungsfeld(v) ?? text(v),
};

const FINANZ_KANON: Record<keyof FinanzplanZeile, Kanon> = {
  ...alsText(FINANZPLAN_FELDER),
  jahr: (v) => {
    const jahr = liesZahl(v);
    return jahr.art === "zahl" && Number.isInteger(jahr.wert) ? jahr.wert : text(v);
  },
  ...(Object.fromEntries(BETRAGSFELDER.map((f) => [f, betrag])) as Record<Betragsfeld, Kanon>),
  gesamtausgaben: betrag,
  bemessungsgrundlage: betrag,
};

/**
 * The row fields the seal covers, in order. SIEGEL_FORMAT must change when they do — a test pins the
 * fields of each format, so that a seal never silently covers other fields under the same name.
 */
export const SIEGEL_FELDER = { massnahmen: MASSNAHME_FELDER, finanzplan: FINANZPLAN_FELDER } as const;

function kanonischeMassnahme(m: MassnahmeZeile): Kanonisch[] {
  return MASSNAHME_FELDER.map((f) => MASSNAHME_KANON[f](m[f]));
}

function kanonischeFinanzzeile(z: FinanzplanZeile): Kanonisch[] {
  return FINANZPLAN_FELDER.map((f) => FINANZ_KANON[f](z[f]));
}

function kanonischeParameter(a: ValidationRequest): Kanonisch[] {
  const jahre = [...new Set(Array.isArray(a.foerderjahr) ? a.foerderjahr : [a.foerderjahr])].sort(
    (x, y) => x - y,
  );
  // Pairs, not joined text: „a|5:b“ in one row and two rows are different inputs.
  const gruende: Kanonisch[] = (a.handlungsfelder_ohne_massnahme ?? [])
    .map((h): Kanonisch[] => [
      liesHandlungsfeld(h.handlungsfeld) ?? text(h.handlungsfeld),
      (h.begruendung ?? "").trim(),
    ])
    .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  return [
    jahre,
    a.regelwerk ?? null,
    text(a.kreis.schluessel),
    text(a.kreis.name),
    text(a.kreis.foerderstufe),
    betrag(a.kreis.foerderhoechstbetrag_eur),
    datum(a.kreis.fachplan_datum),
    gruende,
    a.einstellungen?.landesquote_je_massnahme ?? null,
  ];
}

// — SHA-256 through Web Crypto (globalThis.crypto in browsers, workerd and Node ≥ 19) —

interface WebCrypto {
  subtle: { digest(algorithmus: string, daten: Uint8Array): Promise<ArrayBuffer> };
}

/** UTF-8 through TextEncoder, which browsers, workerd and Node all have. */
function utf8(s: string): Uint8Array {
  const Kodierer = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } })
    .TextEncoder;
  return new Kodierer().encode(s);
}

export async function sha256(text: string): Promise<string> {
  const krypto = (globalThis as unknown as { crypto?: WebCrypto }).crypto;
  if (!krypto?.subtle) throw new Error("Web Crypto (crypto.subtle) ist in dieser Umgebung nicht verfügbar.");
  const digest = new Uint8Array(await krypto.subtle.digest("SHA-256", utf8(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A part's short hash (16 hex digits): two 32-bit FNV-1a over the part's canonical JSON. It only names
 * which row changed; what the seal vouches for is the SHA-256 over everything, so a row hash needs no
 * cryptographic strength — and a plan of thousands of rows is sealed without thousands of digests.
 */
function kurzHash(teil: string, werte: Kanonisch[]): string {
  const text = JSON.stringify([teil, ...werte]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The seal of a check: over the request as sent to the core, and everything the seal states. */
export async function erstelleSiegel(
  anfrage: ValidationRequest,
  ergebnis: Pick<ValidationResponse, "regelwerk" | "regelwerk_version" | "befunde"> &
    Partial<Pick<ValidationResponse, "anzahl">>,
  zeit: string,
  herkunft?: string,
): Promise<Siegel> {
  const p = kanonischeParameter(anfrage);
  const m = anfrage.massnahmen.map(kanonischeMassnahme);
  const f = anfrage.finanzplan.map(kanonischeFinanzzeile);
  const anzahl = ergebnis.anzahl ?? zaehleBefunde(ergebnis.befunde);
  return {
    format: SIEGEL_FORMAT,
    regelwerk: ergebnis.regelwerk,
    regelwerk_version: ergebnis.regelwerk_version,
    zeit,
    anzahl,
    hash: await gesamtHash({
      regelwerk: ergebnis.regelwerk,
      regelwerk_version: ergebnis.regelwerk_version,
      zeit,
      anzahl,
      ...(herkunft ? { herkunft } : {}),
      p,
      m,
      f,
    }),
    parameter: kurzHash("P", p),
    massnahmen: m.map((z) => kurzHash("M", z)),
    finanzplan: f.map((z) => kurzHash("F", z)),
    ...(herkunft ? { herkunft } : {}),
  };
}

async function gesamtHash(t: {
  regelwerk: string;
  regelwerk_version: string;
  zeit: string;
  anzahl: Siegel["anzahl"];
  herkunft?: string;
  p: Kanonisch[];
  m: Kanonisch[][];
  f: Kanonisch[][];
}): Promise<string> {
  return sha256(
    JSON.stringify([
      SIEGEL_FORMAT,
      t.regelwerk,
      t.regelwerk_version,
      t.zeit,
      [t.anzahl.fehler, t.anzahl.warnung, t.anzahl.hinweis],
      t.herkunft ?? null,
      t.p,
      t.m,
      t.f,
    ]),
  );
}

export type SiegelUrteil =
  | { art: "kein_siegel" }
  | { art: "unlesbar"; grund: string }
  /** The seal's own statements (counts, time, rule set) do not match its hash: edited by hand. */
  | { art: "verfaelscht"; grund: string }
  | { art: "altes_format"; format: string }
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

/**
 * The rows that differ, as the user sees them: Excel's row number where `excel` gives one per row of
 * the request (a row beyond today's end — deleted since — counts on from the last one), else 1-based.
 */
function unterschiede(alt: string[], neu: string[], excel?: readonly number[]): number[] {
  const zeilen: number[] = [];
  for (let i = 0; i < Math.max(alt.length, neu.length); i++) {
    if (alt[i] === neu[i]) continue;
    const letzte = excel && excel.length > 0 ? excel[excel.length - 1]! : null;
    zeilen.push(excel?.[i] ?? (letzte !== null ? letzte + (i - excel!.length + 1) : i + 1));
  }
  return zeilen;
}

/** Excel's row number of each Maßnahmen and Finanzplan row of the request (where the seal names rows). */
interface SiegelZeilen {
  massnahmen: readonly number[];
  finanzplan: readonly number[];
}

/** Checks a seal against the workbook's current inputs (and what the reader saw, for the CLI). */
export async function pruefeSiegel(
  siegel: Siegel,
  anfrage: ValidationRequest,
  herkunft?: string,
  zeilen?: SiegelZeilen,
): Promise<SiegelUrteil> {
  const jetzt = await erstelleSiegel(
    anfrage,
    {
      regelwerk: siegel.regelwerk,
      regelwerk_version: siegel.regelwerk_version,
      befunde: [],
      anzahl: siegel.anzahl,
    },
    siegel.zeit,
    herkunft,
  );
  if (jetzt.hash !== siegel.hash) {
    const massnahmen = unterschiede(siegel.massnahmen, jetzt.massnahmen, zeilen?.massnahmen);
    const finanzplan = unterschiede(siegel.finanzplan, jetzt.finanzplan, zeilen?.finanzplan);
    const parameter = jetzt.parameter !== siegel.parameter;
    if (
      !parameter &&
      massnahmen.length === 0 &&
      finanzplan.length === 0 &&
      (siegel.herkunft ?? "") === (herkunft ?? "")
    )
      return {
        art: "verfaelscht",
        grund: "Anzahlen, Zeit oder Regelwerk des Siegels passen nicht zu seinem Hash",
      };
    return { art: "geaendert", siegel, parameter, massnahmen, finanzplan };
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

const BERLIN = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** The check's time as the user reads it: German local time („02.12.2026, 14:03“), not ISO UTC. */
export function ortszeit(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${BERLIN.format(new Date(t))} Uhr`;
}

const befundeText = (a: Siegel["anzahl"]) =>
  `${a.fehler} Fehler, ${a.warnung} ${a.warnung === 1 ? "Warnung" : "Warnungen"}, ${a.hinweis} ${a.hinweis === 1 ? "Hinweis" : "Hinweise"}`;

/** The seal as rows of two cells (label, value), to be written at H1. */
export function siegelZellen(s: Siegel): [string, string][] {
  const daten = JSON.stringify(s);
  const stuecke: [string, string][] = [];
  for (let i = 0; i < daten.length; i += STUECK)
    stuecke.push([i === 0 ? "Siegeldaten" : "", daten.slice(i, i + STUECK)]);
  return [
    ["Prüfsiegel", SIEGEL_FORMAT],
    ["Regelwerk", `${s.regelwerk} (${s.regelwerk_version})`],
    ["geprüft am", ortszeit(s.zeit)],
    ["Befunde", befundeText(s.anzahl)],
    ["SHA-256", s.hash],
    ...stuecke,
  ];
}

/**
 * Reads a seal from the Prüfbericht's cells (label column H, value column I) through siegelSchema;
 * the readable lines above the data must say what the data say.
 */
export function siegelAusZellen(zeilen: readonly (readonly unknown[])[]): SiegelUrteil | Siegel {
  const label = (z: number) => zeilen[z]?.[0];
  if (label(0) !== "Prüfsiegel") return { art: "kein_siegel" };
  const format = zeilen[0]?.[1];
  if (typeof format === "string" && (ALTE_SIEGEL_FORMATE as readonly string[]).includes(format))
    return { art: "altes_format", format };
  const start = zeilen.findIndex((z) => z[0] === "Siegeldaten");
  if (start < 0) return { art: "unlesbar", grund: "Siegeldaten fehlen" };
  let daten = "";
  for (let i = start; i < zeilen.length && typeof zeilen[i]?.[1] === "string" && zeilen[i]![1] !== ""; i++)
    daten += zeilen[i]![1] as string;
  let roh: unknown;
  try {
    roh = JSON.parse(daten);
  } catch {
    return { art: "unlesbar", grund: "Siegeldaten beschädigt" };
  }
  const s = siegelSchema.safeParse(roh);
  if (!s.success) return { art: "unlesbar", grund: "unbekanntes Siegelformat" };
  const sichtbar = new Map(zeilen.slice(0, start).map((z) => [String(z[0]), z[1]]));
  const erwartet = new Map(siegelZellen(s.data).slice(0, 5));
  for (const [l, wert] of erwartet)
    if (sichtbar.has(l) && String(sichtbar.get(l)) !== wert)
      return { art: "verfaelscht", grund: `„${l}“ im Prüfbericht sagt etwas anderes als die Siegeldaten` };
  return s.data;
}

/** A verdict in German, for the CLI's summary and the pane. */
export function siegelText(u: SiegelUrteil): string {
  const datumText = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");
  switch (u.art) {
    case "kein_siegel":
      return "kein Siegel";
    case "unlesbar":
      return `Siegel unlesbar (${u.grund})`;
    case "verfaelscht":
      return `Siegel verfälscht (${u.grund}) – neu prüfen`;
    case "altes_format":
      return "Siegel veraltet (altes Siegelformat) – neu prüfen";
    case "gueltig":
      // Never only "gültig": a valid seal next to an open Fehler must not read like an approval.
      return `Siegel gültig: geprüft mit ${u.siegel.regelwerk} am ${datumText(u.siegel.zeit)}, seitdem unverändert – ${u.siegel.anzahl.fehler === 0 ? "ohne Fehler" : `${u.siegel.anzahl.fehler} Fehler offen`}`;
    case "veraltet":
      return `Siegel veraltet: geprüft mit ${u.siegel.regelwerk} (${u.siegel.regelwerk_version}), aktuell gilt ${u.aktuelle_version}`;
    case "geaendert": {
      const teile = [
        ...(u.tabellen ? [`Tabellen nicht mehr lesbar (${u.tabellen})`] : []),
        ...(u.parameter ? ["Parameter"] : []),
        ...(u.massnahmen.length ? [`Maßnahmen Zeile ${u.massnahmen.join(", ")}`] : []),
        ...(u.finanzplan.length ? [`Finanzplan Zeile ${u.finanzplan.join(", ")}`] : []),
      ];
      return `seit der Prüfung geändert: ${teile.join("; ") || "Eingaben"} – bitte neu prüfen`;
    }
  }
}
