/**
 * The Prüfsiegel: the calculation service's signed statement that it checked exactly these inputs and
 * found exactly these findings. The statement (./siegel-schema.ts) holds a SHA-256 over the canonical
 * form of every input the check read — Parameter table, Maßnahmen, Finanzplan, Begründungen,
 * Indikatoren, as the core read them (numbers normalised, empty cells explicit, independent of
 * formatting and column order) — a SHA-256 over the findings and their counts, rule set, product
 * version, time and key id, signed with Ed25519 (./signatur.ts). The seal also keeps the checked values,
 * so that a verifier names the cells changed since; they are bound to the signature by the input hash.
 * Computed locally (no service), the same statement is unsigned, and says so.
 */
import { zaehleBefunde, type Befund } from "./befund";
import { datumIso, liesDatum } from "./datum";
import { liesBetrag } from "./geld";
import { REGELWERKE, regelwerkFuerJahr } from "./regelwerke";
import { liesHandlungsfeld } from "./pruefung/woerter";
import { BETRAGSFELDER, INDIKATOREN_TABELLE, type Betragsfeld } from "./arbeitsmappe/layout";
import {
  FINANZPLAN_FELDER,
  MASSNAHME_FELDER,
  type FinanzplanZeile,
  type MassnahmeZeile,
  type ValidationRequest,
  type ValidationResponse,
  type Zelle,
} from "./pruefung/schema";
import { aenderungen, type Aenderung, type SiegelOrte } from "./siegel-aenderungen";
import {
  ALTE_SIEGEL_FORMATE,
  SIEGEL_FORMAT,
  siegelSchema,
  type Aussage,
  type Jwks,
  type OeffentlicherSchluessel,
  type Siegel,
  type SiegelWert,
  type SiegelWerte,
} from "./siegel-schema";
import { sha256, signaturStimmt, utf8, type Signierer } from "./signatur";
import { VERSION } from "./version";
import { liesZahl } from "./zahl";

export { ALTE_SIEGEL_FORMATE, SIEGEL_FORMAT, sha256 };
export type { Siegel, SiegelWerte };

type Kanonisch = SiegelWert;

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

/** A cell of the Parameter or Indikatoren table: a number where one can be read, else trimmed text. */
function zahlOderText(v: Zelle): Kanonisch {
  if (typeof v === "boolean") return v;
  const z = liesZahl(v);
  return z.art === "zahl" ? (z.wert === 0 ? 0 : z.wert) : text(v);
}

/** The Indikatoren's input columns in layout order (what the seal's indikatoren rows hold). */
export const INDIKATOR_SPALTEN = INDIKATOREN_TABELLE.spalten
  .filter((s) => !("ausgabe" in s && s.ausgabe))
  .map((s) => s.schluessel);

function anfrageTeil(a: ValidationRequest): Kanonisch[] {
  const jahre = [...new Set(Array.isArray(a.foerderjahr) ? a.foerderjahr : [a.foerderjahr])].sort(
    (x, y) => x - y,
  );
  return [
    jahre.join(","),
    a.regelwerk ?? null,
    text(a.kreis.schluessel),
    text(a.kreis.name),
    text(a.kreis.foerderstufe),
    betrag(a.kreis.foerderhoechstbetrag_eur),
    datum(a.kreis.fachplan_datum),
    a.kreis.foerderhoechstbetrag_verteilung_eur ?? null,
    a.einstellungen?.landesquote_je_massnahme ?? null,
  ];
}

/** Every input of a check in its canonical form: what the seal keeps and its input hash covers. */
export function siegelWerte(a: ValidationRequest): SiegelWerte {
  return {
    anfrage: anfrageTeil(a),
    parameter: (a.blaetter?.parameter ?? [])
      .map((p) => [text(p.angabe), zahlOderText(p.wert)])
      .filter((z) => z[0] !== null || z[1] !== null),
    massnahmen: a.massnahmen.map(kanonischeMassnahme),
    finanzplan: a.finanzplan.map(kanonischeFinanzzeile),
    // In the table's order (rows are named by it); pairs, not joined text.
    begruendungen: (a.handlungsfelder_ohne_massnahme ?? []).map((h) => [
      liesHandlungsfeld(h.handlungsfeld) ?? text(h.handlungsfeld),
      text(h.begruendung ?? null),
    ]),
    indikatoren: (a.blaetter?.indikatoren ?? []).map((z) => INDIKATOR_SPALTEN.map((k) => zahlOderText(z[k]))),
  };
}

export function eingabenHash(w: SiegelWerte): Promise<string> {
  return sha256(
    JSON.stringify([
      SIEGEL_FORMAT,
      w.anfrage,
      w.parameter,
      w.massnahmen,
      w.finanzplan,
      w.begruendungen,
      w.indikatoren,
    ]),
  );
}

export function befundeHash(befunde: readonly Befund[]): Promise<string> {
  return sha256(
    JSON.stringify(befunde.map((b) => [b.regel, b.schwere, b.tabelle, b.zeile, b.spalte, b.meldung])),
  );
}

/** The bytes that are signed: the statement's fields in a fixed order, as JSON. */
export function aussageBytes(a: Aussage): Uint8Array {
  return utf8(
    JSON.stringify([
      a.format,
      a.eingaben,
      a.befunde,
      [a.anzahl.fehler, a.anzahl.warnung, a.anzahl.hinweis],
      a.regelwerk,
      a.regelwerk_version,
      a.produkt_version,
      a.zeit,
      a.schluessel,
      a.entwicklung,
    ]),
  );
}

/**
 * The seal of a check: over the request as sent to the core and the findings of `ergebnis`; signed
 * where a signer is given (the calculation service), else unsigned („lokal geprüft“).
 */
export async function erstelleSiegel(
  anfrage: ValidationRequest,
  ergebnis: Pick<ValidationResponse, "regelwerk" | "regelwerk_version" | "befunde">,
  zeit: string,
  optionen: { signierer?: Signierer | null; herkunft?: string } = {},
): Promise<Siegel> {
  const werte = siegelWerte(anfrage);
  const s = optionen.signierer ?? null;
  const aussage: Aussage = {
    format: SIEGEL_FORMAT,
    eingaben: await eingabenHash(werte),
    befunde: await befundeHash(ergebnis.befunde),
    anzahl: zaehleBefunde(ergebnis.befunde),
    regelwerk: ergebnis.regelwerk,
    regelwerk_version: ergebnis.regelwerk_version,
    produkt_version: VERSION,
    zeit,
    schluessel: s?.kid ?? null,
    entwicklung: s?.entwicklung ?? false,
  };
  return {
    aussage,
    signatur: s ? await s.signiere(aussageBytes(aussage)) : null,
    werte: JSON.stringify(werte).length <= WERTE_GRENZE ? werte : null,
    ...(optionen.herkunft ? { herkunft: optionen.herkunft } : {}),
  };
}

/**
 * The most characters of checked values a seal keeps (some 30 cells of its sheet; the pane reads 45
 * rows of it, and one write stays far below Excel's request limit). Larger plans are sealed by hash
 * alone: a change is found, its cell not named.
 */
export const WERTE_GRENZE = 400_000;

type Anzahl = Aussage["anzahl"];

/** The counts of the check just run, and whether its findings are the sealed ones. */
export interface Jetzt {
  anzahl: Anzahl;
  gleicheBefunde: boolean;
}

export type SiegelUrteil =
  | { art: "kein_siegel" }
  | { art: "unlesbar"; grund: string }
  | { art: "altes_format"; format: string }
  | { art: "nicht_signiert"; siegel: Siegel; jetzt?: Jetzt }
  | { art: "signatur_ungueltig"; siegel: Siegel; jetzt?: Jetzt }
  | { art: "schluessel_unbekannt"; siegel: Siegel; jetzt?: Jetzt }
  /** Inputs changed since the check (the cells named), or the tables no longer readable (`tabellen`). */
  | {
      art: "verfaelscht";
      siegel: Siegel;
      aenderungen: Aenderung[];
      tabellen?: string;
      /** The seal kept no values (a very large plan): what changed cannot be named. */
      ohneWerte?: boolean;
      jetzt?: Jetzt;
    }
  | { art: "veraltet"; siegel: Siegel; aktuelle_version: string; jetzt?: Jetzt }
  | { art: "gueltig"; siegel: Siegel; schluessel: OeffentlicherSchluessel; jetzt?: Jetzt };

export interface SiegelPruefung {
  /** The public keys the verifier trusts (the service's key set, or lsz's shipped file). */
  schluessel?: Jwks;
  /** Where each part stands in the workbook now, to name changed cells. */
  orte?: SiegelOrte;
  /** The findings of the check just run on the same inputs: their counts are the ones shown. */
  befunde?: readonly Befund[];
}

async function jetztAus(siegel: Siegel, befunde?: readonly Befund[]): Promise<Jetzt | undefined> {
  if (!befunde) return undefined;
  return {
    anzahl: zaehleBefunde(befunde),
    gleicheBefunde: (await befundeHash(befunde)) === siegel.aussage.befunde,
  };
}

/** Checks a seal against the workbook's inputs now: exactly one verdict (see siegelText). */
export async function pruefeSiegel(
  siegel: Siegel,
  anfrage: ValidationRequest,
  p: SiegelPruefung = {},
): Promise<SiegelUrteil> {
  const a = siegel.aussage;
  const jetzt = await jetztAus(siegel, p.befunde);
  const mit = <U extends object>(u: U) => ({ ...u, siegel, ...(jetzt ? { jetzt } : {}) });
  const jetztWerte = siegelWerte(anfrage);
  if (siegel.werte === null) {
    // A seal without kept values (a very large plan): changed or not, by the hash alone.
    if ((await eingabenHash(jetztWerte)) !== a.eingaben)
      return mit({ art: "verfaelscht" as const, aenderungen: [], ohneWerte: true });
  } else {
    // The kept values must be those the statement's hash covers, else they are not the ones signed.
    if ((await eingabenHash(siegel.werte)) !== a.eingaben)
      return mit({ art: siegel.signatur ? ("signatur_ungueltig" as const) : ("nicht_signiert" as const) });
    const geaendert = aenderungen(siegel.werte, jetztWerte, p.orte, INDIKATOR_SPALTEN);
    if (geaendert.length > 0) return mit({ art: "verfaelscht" as const, aenderungen: geaendert });
  }
  if (!siegel.signatur || a.schluessel === null) return mit({ art: "nicht_signiert" as const });
  const schluessel = p.schluessel?.keys.find((k) => k.kid === a.schluessel);
  if (!schluessel) return mit({ art: "schluessel_unbekannt" as const });
  if (!(await signaturStimmt(schluessel, aussageBytes(a), siegel.signatur)))
    return mit({ art: "signatur_ungueltig" as const });
  const regelwerk = anfrage.regelwerk
    ? REGELWERKE[anfrage.regelwerk]
    : regelwerkFuerJahr(Array.isArray(anfrage.foerderjahr) ? anfrage.foerderjahr[0]! : anfrage.foerderjahr);
  if (REGELWERKE[a.regelwerk]?.version !== a.regelwerk_version || regelwerk.id !== a.regelwerk)
    return mit({ art: "veraltet" as const, aktuelle_version: `${regelwerk.id} (${regelwerk.version})` });
  return mit({ art: "gueltig" as const, schluessel });
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

const befundeText = (a: Anzahl) =>
  `${a.fehler} Fehler, ${a.warnung} ${a.warnung === 1 ? "Warnung" : "Warnungen"}, ${a.hinweis} ${a.hinweis === 1 ? "Hinweis" : "Hinweise"}`;

const signiertText = (a: Aussage) =>
  a.schluessel === null
    ? "nicht signiert (lokal geprüft)"
    : `vom Rechendienst, Schlüssel ${a.schluessel}${a.entwicklung ? " (Entwicklungsschlüssel)" : ""}`;

/** The seal as rows of two cells (label, value), written at A1 of its sheet. */
export function siegelZellen(s: Siegel): [string, string][] {
  const daten = JSON.stringify(s);
  const stuecke: [string, string][] = [];
  for (let i = 0; i < daten.length; i += STUECK)
    stuecke.push([i === 0 ? "Siegeldaten" : "", daten.slice(i, i + STUECK)]);
  const a = s.aussage;
  return [
    ["Prüfsiegel", SIEGEL_FORMAT],
    ["Regelwerk", `${a.regelwerk} (${a.regelwerk_version})`],
    ["geprüft am", ortszeit(a.zeit)],
    ["signiert", signiertText(a)],
    ["Befunde", befundeText(a.anzahl)],
    ["Eingaben (SHA-256)", a.eingaben],
    ...stuecke,
  ];
}

/**
 * Reads a seal from its cells (label column A, value column B) through siegelSchema; the readable
 * lines above the data must say what the data say.
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
  // A readable line edited by hand (say „Befunde: 0 Fehler“) is not what was signed.
  for (const [l, wert] of siegelZellen(s.data).slice(0, start))
    if (sichtbar.has(l) && String(sichtbar.get(l)) !== wert)
      return { art: s.data.signatur ? "signatur_ungueltig" : "nicht_signiert", siegel: s.data };
  return s.data;
}

/** „– jetzt 18 Fehler, … (im Siegel: 0 Fehler, …)“: the counts of the check just run, never the seal's alone. */
function jetztText(u: SiegelUrteil): string {
  if (!("jetzt" in u) || !u.jetzt) return "";
  const gesiegelt = u.siegel.aussage.anzahl;
  const gleich = befundeText(gesiegelt) === befundeText(u.jetzt.anzahl);
  return ` – Befunde jetzt: ${befundeText(u.jetzt.anzahl)}${gleich ? "" : ` (im Siegel: ${befundeText(gesiegelt)})`}`;
}

/** Who reads the verdict: the ministry (`lsz`), or the Kreis officer in their own pane. */
export type SiegelSicht = "ministerium" | "kreis";

/** The verdict in German, the same in lsz and pane; „verfälscht“ only for a signed seal at the ministry. */
export function siegelText(u: SiegelUrteil, sicht: SiegelSicht = "ministerium"): string {
  switch (u.art) {
    case "kein_siegel":
      return "kein Siegel";
    case "unlesbar":
      return `Siegel unlesbar (${u.grund}) – bitte neu prüfen`;
    case "altes_format":
      return "veraltet (altes Siegelformat) – bitte neu prüfen";
    case "nicht_signiert":
      return `nicht signiert (lokal geprüft)${jetztText(u)}`;
    case "signatur_ungueltig":
      return `Signatur ungültig – das Siegel stammt nicht vom Rechendienst oder wurde bearbeitet; bitte neu prüfen${jetztText(u)}`;
    case "schluessel_unbekannt":
      return `Schlüssel unbekannt („${u.siegel.aussage.schluessel}“) – Schlüssel des Rechendienstes mit --dienst oder --schluessel angeben${jetztText(u)}`;
    case "verfaelscht":
      return `${sicht === "ministerium" && u.siegel.signatur ? "verfälscht: " : ""}${u.tabellen ? `Tabellen nicht mehr lesbar (${u.tabellen})` : u.ohneWerte ? "Eingaben (welche Zellen, kann das Siegel eines so großen Plans nicht sagen)" : zellenListe(u.aenderungen)} seit der Prüfung geändert – bitte neu prüfen${jetztText(u)}`;
    case "veraltet":
      return `veraltet: geprüft mit ${u.siegel.aussage.regelwerk} (${u.siegel.aussage.regelwerk_version}), aktuell gilt ${u.aktuelle_version}${jetztText(u)}`;
    case "gueltig":
      return `Siegel gültig – signiert vom Rechendienst (Schlüssel ${u.schluessel.kid}${u.siegel.aussage.entwicklung ? ", Entwicklungsschlüssel" : ""}${u.schluessel.ersetzt_am ? `, inzwischen ersetzt am ${u.schluessel.ersetzt_am.slice(0, 10).split("-").reverse().join(".")}` : ""}), geprüft am ${ortszeit(u.siegel.aussage.zeit)}, seitdem unverändert${jetztText(u)}`;
  }
}

function zellenListe(a: readonly Aenderung[]): string {
  const orte = [...new Set(a.map((x) => x.ort))];
  return orte.length <= 8 ? orte.join(", ") : `${orte.slice(0, 8).join(", ")} und ${orte.length - 8} weitere`;
}
