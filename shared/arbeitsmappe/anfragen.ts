/**
 * From the workbook's tables to the requests of the API, and what could not be read: a German
 * message naming the sheet and the column. The add-in and the command-line tool call these.
 */
import { INDIKATOR, gewichtSchluessel, jeIndikator } from "../allocation/indikatoren";
import { allocationRequestSchema, type AllocationRequest } from "../allocation/schema";
import { verteile } from "../allocation/verteilung";
import { istRegelwerkId } from "../regelwerke";
import type { ValidationRequest } from "../pruefung/schema";
import { betragsproblemText, centZuEuro, liesBetrag } from "../geld";
import { liesAnteil, liesZahl } from "../zahl";
import type { SiegelOrte, TeilOrt } from "../siegel-aenderungen";
import { FINANZPLAN_FELDER, MASSNAHME_FELDER } from "../pruefung/schema";
import { INDIKATOR_SPALTEN } from "../siegel";
import {
  BEGRUENDUNGEN,
  FINANZPLAN,
  INDIKATOREN_TABELLE,
  MASSNAHMEN,
  ALTE_PARAMETER,
  NORMIERUNG_WORT,
  PARAMETER,
  RUNDUNG_WORT,
  schluesselAusWort,
  kopfSchluessel,
  type ParameterSchluessel,
  type TabellenDefinition,
} from "./layout";
import {
  ordneTabelle,
  normiereZelle,
  type GeordneteTabelle,
  type TabellenDaten,
  type Zellwert,
} from "./tabellen";

/** What a reader found in a workbook: tables by layout name, and the Parameter table. */
export interface Arbeitsmappe {
  massnahmen?: TabellenDaten | null;
  finanzplan?: TabellenDaten | null;
  begruendungen?: TabellenDaten | null;
  indikatoren?: TabellenDaten | null;
  parameter?: TabellenDaten | null;
  /** The Prüfbericht's seal block (columns H:I), where the workbook has one. */
  siegel?: Zellwert[][] | null;
}

export interface Parameterwerte {
  werte: Partial<Record<ParameterSchluessel, Zellwert>>;
  /** Sheet cell (column, row) of each parameter's value. */
  zellen: Partial<Record<ParameterSchluessel, { spalte: number; zeile: number }>>;
  blatt: string;
  /** Rows of older templates that are no longer used, with why (said once as a Hinweis). */
  nichtMehrVerwendet: string[];
}

function liesParameter(daten: TabellenDaten | null | undefined): Parameterwerte | null {
  if (!daten) return null;
  const kopf = daten.kopf.map((k) => (typeof k === "string" ? kopfSchluessel(k) : ""));
  const angabe = kopf.indexOf(kopfSchluessel(PARAMETER.kopf[0]));
  const wert = kopf.indexOf(kopfSchluessel(PARAMETER.kopf[1]));
  if (angabe < 0 || wert < 0) return null;
  const nachAngabe = new Map<string, ParameterSchluessel>(
    PARAMETER.zeilen.map((z) => [kopfSchluessel(z.angabe), z.schluessel]),
  );
  const alt = new Map(Object.entries(ALTE_PARAMETER).map(([k, warum]) => [kopfSchluessel(k), [k, warum]]));
  const p: Parameterwerte = { werte: {}, zellen: {}, blatt: daten.blatt, nichtMehrVerwendet: [] };
  daten.werte.forEach((reihe, r) => {
    const a = reihe[angabe];
    const frueher = typeof a === "string" ? alt.get(kopfSchluessel(a)) : undefined;
    if (frueher && normiereZelle(reihe[wert]) !== null)
      p.nichtMehrVerwendet.push(
        `Die Angabe „${frueher[0]}“ im Parameterblatt wird nicht mehr verwendet: ${frueher[1]}.`,
      );
    const schluessel = typeof a === "string" ? nachAngabe.get(kopfSchluessel(a)) : undefined;
    if (!schluessel || schluessel in p.werte) return;
    p.werte[schluessel] = normiereZelle(reihe[wert]);
    p.zellen[schluessel] = { spalte: daten.ersteSpalte + wert, zeile: daten.kopfZeile + 1 + r };
  });
  return p;
}

export interface PruefBezug {
  art: "pruefung";
  massnahmen: GeordneteTabelle;
  finanzplan: GeordneteTabelle;
  parameter: Parameterwerte;
  /** The Begründungen table (Handlungsfeld ohne Maßnahme, Begründung), where the workbook has it. */
  begruendungen?: GeordneteTabelle;
  /** Where each part the seal covers stands, to name changed cells. */
  orte: SiegelOrte;
}

export interface VerteilBezug {
  art: "verteilung";
  indikatoren: GeordneteTabelle;
  parameter: Parameterwerte;
}

type AnfrageAusMappe<A, B> =
  { ok: true; anfrage: A; bezug: B; hinweise: string[] } | { ok: false; meldungen: string[] };

const PARAMETER_FEHLT = `Blatt „${PARAMETER.blatt}“: die Tabelle ${PARAMETER.tabelle} mit den Überschriften „Angabe“ und „Wert“ wurde nicht gefunden.`;

function tabelleFehlt(def: TabellenDefinition): string {
  return `Blatt „${def.blatt}“: die Tabelle ${def.tabelle} mit den Überschriften ${def.spalten
    .filter((s) => s.pflicht)
    .map((s) => `„${s.kopf}“`)
    .join(", ")} wurde nicht gefunden.`;
}

/**
 * A workbook without any table of the layout is not the template: one message that says so and how
 * to get it, instead of a list of table names the user has never seen.
 */
export const KEINE_VORLAGE =
  "Diese Arbeitsmappe ist nicht die LSZ-Vorlage: sie hat keine der Tabellen Maßnahmen, Finanzplan, Indikatoren und Parameter. Bitte die Vorlage des Ministeriums verwenden (sie entsteht mit „lsz vorlage mappe.xlsx“) und die Angaben dort eintragen – Spalten dürfen umgestellt und ergänzt werden.";

function ohneVorlage(mappe: Arbeitsmappe): boolean {
  return !mappe.parameter && !mappe.massnahmen && !mappe.finanzplan && !mappe.indikatoren;
}

/** What a workbook is for, from the tables that hold data: a Kreis's plan, the ministry's allocation, both, an untouched template, or none of these. */
export type Rolle = "kreis" | "ministerium" | "beide" | "leer" | "keine";

export function rolleDerMappe(mappe: Arbeitsmappe): Rolle {
  if (ohneVorlage(mappe)) return "keine";
  const mitDaten = (t: TabellenDaten | null | undefined) =>
    !!t && t.werte.some((z) => z.some((v) => v !== null && v !== ""));
  const kreis = mitDaten(mappe.massnahmen) || mitDaten(mappe.finanzplan);
  const ministerium = mitDaten(mappe.indikatoren);
  return kreis && ministerium ? "beide" : kreis ? "kreis" : ministerium ? "ministerium" : "leer";
}

/** The columns the sheet lacks that the layout does not mark optional, said in one German sentence. */
function spaltenFehlen(t: GeordneteTabelle): string | null {
  const fehlend = t.fehlend.filter((s) => !s.optional);
  if (fehlend.length === 0) return null;
  return `Blatt „${t.blatt}“: ${fehlend.length === 1 ? "die Spalte" : "die Spalten"} ${fehlend.map((s) => `„${s.kopf}“`).join(", ")} ${fehlend.length === 1 ? "fehlt" : "fehlen"} (Überschrift in Zeile ${t.kopfZeile} umbenannt oder gelöscht?).`;
}

function jahrAus(v: Zellwert | undefined): number | null {
  const z = liesZahl(v);
  return z.art === "zahl" && Number.isInteger(z.wert) && z.wert >= 2000 && z.wert <= 2100 ? z.wert : null;
}

/** A weight through the one reader of shares, as a typed quota: „25 %“, „25 Prozent“, 0,25. */
function anteil(v: Zellwert | undefined, name: string, hinweise: string[]): number | undefined {
  const z = liesAnteil(v);
  if (z.art === "zahl") return z.wert;
  if (z.art === "unlesbar") hinweise.push(`${name} „${z.text}“ ist keine Zahl und wird nicht verwendet.`);
  if (z.art === "fremde_einheit")
    hinweise.push(
      `${name} „${z.text}“ hat die Einheit „${z.einheit}“ statt Prozent und wird nicht verwendet.`,
    );
  return undefined;
}

/** The Sockelbetrag through the one euro reader, as the Haushaltsmittel: „1.50“ or „5 %“ is said, never read. */
function sockelbetrag(v: Zellwert | undefined, hinweise: string[]): number | undefined {
  const b = liesBetrag(v);
  if (b.art === "problem")
    hinweise.push(`Sockelbetrag – ${betragsproblemText(b.grund, b.text)} – wird nicht verwendet.`);
  return b.art === "betrag" ? centZuEuro(b.cent) : undefined;
}

/** Parameter, Maßnahmen, Finanzplan (and the reasons for fields without a measure) → validation request. */
export function pruefAnfrage(mappe: Arbeitsmappe): AnfrageAusMappe<ValidationRequest, PruefBezug> {
  if (ohneVorlage(mappe)) return { ok: false, meldungen: [KEINE_VORLAGE] };
  const meldungen: string[] = [];
  const parameter = liesParameter(mappe.parameter);
  if (!parameter) meldungen.push(PARAMETER_FEHLT);
  const massnahmen = mappe.massnahmen ? ordneTabelle(mappe.massnahmen, MASSNAHMEN) : null;
  const finanzplan = mappe.finanzplan ? ordneTabelle(mappe.finanzplan, FINANZPLAN) : null;
  if (!massnahmen) meldungen.push(tabelleFehlt(MASSNAHMEN));
  if (!finanzplan) meldungen.push(tabelleFehlt(FINANZPLAN));
  const m1 = massnahmen && spaltenFehlen(massnahmen);
  const m2 = finanzplan && spaltenFehlen(finanzplan);
  if (m1) meldungen.push(m1);
  if (m2) meldungen.push(m2);
  const jahr = parameter ? jahrAus(parameter.werte.foerderjahr) : null;
  if (parameter && jahr === null) {
    const roh = parameter.werte.foerderjahr;
    meldungen.push(
      `Blatt „${parameter.blatt}“: Förderjahr ${roh === null || roh === undefined ? "fehlt" : `„${String(roh)}“ ist kein Jahr`}.`,
    );
  }
  if (meldungen.length > 0 || !parameter || !massnahmen || !finanzplan || jahr === null)
    return { ok: false, meldungen };

  const hinweise: string[] = [...parameter.nichtMehrVerwendet];
  const w = parameter.werte;
  const regelwerk = typeof w.regelwerk === "string" ? w.regelwerk.trim() : null;
  if (regelwerk && !istRegelwerkId(regelwerk))
    hinweise.push(
      `Regelwerk „${regelwerk}“ ist unbekannt; verwendet wird das Regelwerk des Förderjahrs ${jahr}.`,
    );
  const begruendungen = mappe.begruendungen ? ordneTabelle(mappe.begruendungen, BEGRUENDUNGEN) : null;
  const weitere = weitereBlaetter(mappe);
  const zeichen = (v: Zellwert | undefined) =>
    v === null || v === undefined ? null : typeof v === "string" ? v : String(v);
  const kreisName = zeichen(w.kreis_name);

  const kreisSchluessel =
    zeichen(w.kreis_schluessel) ?? (kreisName && /^\d{5}\b/.test(kreisName) ? kreisName.slice(0, 5) : null);
  const verteilung = betragDerVerteilung(mappe, kreisSchluessel, kreisName);
  const anfrage: ValidationRequest = {
    ...(regelwerk && istRegelwerkId(regelwerk) ? { regelwerk } : {}),
    foerderjahr: jahr,
    kreis: {
      schluessel: kreisSchluessel,
      name: kreisName,
      foerderstufe: w.foerderstufe ?? null,
      foerderhoechstbetrag_eur: w.foerderhoechstbetrag_eur ?? null,
      fachplan_datum: w.fachplan_datum ?? null,
      ...(verteilung !== null ? { foerderhoechstbetrag_verteilung_eur: verteilung } : {}),
    },
    massnahmen: massnahmen.zeilen,
    finanzplan: finanzplan.zeilen,
    zeilen_im_blatt: { massnahmen: massnahmen.sheetZeilen, finanzplan: finanzplan.sheetZeilen },
    handlungsfelder_ohne_massnahme: (begruendungen?.zeilen ?? []).map((z) => ({
      handlungsfeld: z["handlungsfeld"] ?? null,
      begruendung: zeichen(z["begruendung"]),
    })),
    blaetter: weitere.blaetter,
  };
  const orte: SiegelOrte = {
    ...weitere.orte,
    massnahmen: ortVon(massnahmen, MASSNAHME_FELDER),
    finanzplan: ortVon(finanzplan, FINANZPLAN_FELDER),
    ...(begruendungen ? { begruendungen: ortVon(begruendungen, ["handlungsfeld", "begruendung"]) } : {}),
  };
  return {
    ok: true,
    anfrage,
    bezug: {
      art: "pruefung",
      massnahmen,
      finanzplan,
      parameter,
      orte,
      ...(begruendungen ? { begruendungen } : {}),
    },
    hinweise,
  };
}

function ortVon(t: GeordneteTabelle, felder: readonly string[]): TeilOrt {
  return { blatt: t.blatt, zeilen: t.sheetZeilen, spalten: felder.map((f) => t.spalten.get(f) ?? null) };
}

/**
 * The rest of what the check reads, for the seal: every filled row of the Parameter table (Angabe,
 * Wert) and the Indikatoren rows behind the allocation's amount, with where they stand.
 */
function weitereBlaetter(mappe: Arbeitsmappe): {
  blaetter: NonNullable<ValidationRequest["blaetter"]>;
  orte: SiegelOrte;
} {
  const p = mappe.parameter;
  const kopf = (p?.kopf ?? []).map((k) => (typeof k === "string" ? kopfSchluessel(k) : ""));
  const angabe = kopf.indexOf(kopfSchluessel(PARAMETER.kopf[0]));
  const wert = kopf.indexOf(kopfSchluessel(PARAMETER.kopf[1]));
  const zeilen: number[] = [];
  const parameter: { angabe: Zellwert; wert: Zellwert }[] = [];
  if (p && angabe >= 0 && wert >= 0)
    p.werte.forEach((reihe, r) => {
      const z = { angabe: normiereZelle(reihe[angabe]), wert: normiereZelle(reihe[wert]) };
      if (z.angabe === null && z.wert === null) return;
      parameter.push(z);
      zeilen.push(p.kopfZeile + 1 + r);
    });
  const indikatoren = mappe.indikatoren ? ordneTabelle(mappe.indikatoren, INDIKATOREN_TABELLE) : null;
  return {
    blaetter: { parameter, indikatoren: indikatoren?.zeilen ?? [] },
    orte: {
      ...(p
        ? { parameter: { blatt: p.blatt, zeilen, spalten: [p.ersteSpalte + angabe, p.ersteSpalte + wert] } }
        : {}),
      ...(indikatoren ? { indikatoren: ortVon(indikatoren, INDIKATOR_SPALTEN) } : {}),
    },
  };
}

/**
 * What the allocation in the same workbook gives the Kreis (by Kreisschlüssel, else by name), where
 * the workbook holds what it needs (Indikatoren with rows, Haushaltsmittel); else null.
 */
function betragDerVerteilung(
  mappe: Arbeitsmappe,
  schluessel: string | null,
  name: string | null,
): number | null {
  if (!mappe.indikatoren || mappe.indikatoren.werte.length === 0 || (!schluessel && !name)) return null;
  const v = verteilAnfrage(mappe);
  if (!v.ok) return null;
  const a = allocationRequestSchema.safeParse(v.anfrage);
  if (!a.success) return null;
  const e = verteile(a.data);
  if (!e.berechnet) return null;
  const kern = (t: string) => kopfSchluessel(t);
  const r = e.regionen.find((x) =>
    schluessel
      ? x.schluessel === schluessel
      : name !== null && x.name !== null && kern(x.name) === kern(name),
  );
  return r?.foerderhoechstbetrag_eur ?? null;
}

/** Parameter and Indikatoren → allocation request. */
export function verteilAnfrage(mappe: Arbeitsmappe): AnfrageAusMappe<AllocationRequest, VerteilBezug> {
  if (ohneVorlage(mappe)) return { ok: false, meldungen: [KEINE_VORLAGE] };
  const meldungen: string[] = [];
  const parameter = liesParameter(mappe.parameter);
  if (!parameter) meldungen.push(PARAMETER_FEHLT);
  const indikatoren = mappe.indikatoren ? ordneTabelle(mappe.indikatoren, INDIKATOREN_TABELLE) : null;
  if (!indikatoren) meldungen.push(tabelleFehlt(INDIKATOREN_TABELLE));
  const m = indikatoren && spaltenFehlen(indikatoren);
  if (m) meldungen.push(m);
  const jahr = parameter ? jahrAus(parameter.werte.foerderjahr) : null;
  if (parameter && jahr === null)
    meldungen.push(`Blatt „${parameter.blatt}“: Förderjahr fehlt oder ist kein Jahr.`);
  const w = parameter?.werte ?? {};
  // The one euro reader: more than two decimals, „1.50“ or a percentage are said, never rounded.
  const haushalt = liesBetrag(w.haushaltsmittel_eur);
  if (parameter && haushalt.art !== "betrag") {
    meldungen.push(
      `Blatt „${parameter.blatt}“: Haushaltsmittel (€) ${haushalt.art === "leer" ? "fehlen" : `– ${betragsproblemText(haushalt.grund, haushalt.text)}`}.`,
    );
  }
  if (meldungen.length > 0 || !parameter || !indikatoren || jahr === null || haushalt.art !== "betrag")
    return { ok: false, meldungen };

  const hinweise: string[] = [];
  const text = (v: Zellwert | undefined) =>
    typeof v === "string" ? v.trim() : v === null || v === undefined ? null : String(v);
  const regelwerk = text(w.regelwerk);
  const wort = <K extends string>(v: Zellwert | undefined, woerter: Record<K, string>, name: string) => {
    const t = text(v);
    if (t === null) return null;
    const k = schluesselAusWort(woerter, t);
    if (k === null)
      hinweise.push(
        `${name} „${t}“ ist unbekannt und wird nicht verwendet; erlaubt: ${Object.values<string>(woerter)
          .map((x) => `„${x}“`)
          .join(" oder ")}.`,
      );
    return k;
  };
  const normierung = wort(w.normierung, NORMIERUNG_WORT, "Normierung");
  const rundung = wort(w.rundung, RUNDUNG_WORT, "Rundung");
  const gewichte = jeIndikator((k) => anteil(w[gewichtSchluessel(k)], INDIKATOR[k].gewichtAngabe, hinweise));
  const gewichteGegeben = Object.values(gewichte).some((g) => g !== undefined);
  const sockel = sockelbetrag(w.sockelbetrag_eur, hinweise);
  const stichtag = text(w.stichtag);
  const anfrage: AllocationRequest = {
    ...(regelwerk && istRegelwerkId(regelwerk) ? { regelwerk } : {}),
    foerderjahr: jahr,
    haushaltsmittel_eur: centZuEuro(haushalt.cent),
    ...(stichtag ? { stichtag } : {}),
    verfahren: {
      ...(normierung ? { normierung } : {}),
      ...(gewichteGegeben ? { gewichte } : {}),
      ...(sockel !== undefined ? { sockelbetrag_eur: sockel } : {}),
      ...(rundung ? { rundung } : {}),
    },
    regionen: indikatoren.zeilen.map((z) => ({
      ...Object.fromEntries(
        Object.entries(z).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "WAHR" : "FALSCH") : v]),
      ),
      schluessel: text(z["schluessel"]) ?? "",
      name: text(z["name"]) ?? undefined,
      gehoert_zu: text(z["gehoert_zu"]),
      stichtag: text(z["stichtag"]),
    })) as AllocationRequest["regionen"],
  };
  if (regelwerk && !istRegelwerkId(regelwerk))
    hinweise.push(
      `Regelwerk „${regelwerk}“ ist unbekannt; verwendet wird das Regelwerk des Förderjahrs ${jahr}.`,
    );
  return { ok: true, anfrage, bezug: { art: "verteilung", indikatoren, parameter }, hinweise };
}
