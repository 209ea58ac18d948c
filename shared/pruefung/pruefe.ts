/**
 * The rule engine: checks a Maßnahmen list and a Finanzplan (POST /api/v1/validation). Pure; never
 * throws on what a user typed; the rest of the sheet is checked whatever one cell holds.
 */
import { SCHWERE_RANG, begrenzeBefunde, zaehleBefunde, type Befund, type Schwere } from "../befund";
import { centZuEuro, teileDurchAnteil, type Cent } from "../geld";
import type { RegelCode } from "../regeln/katalog";
import { REGELWERKE, regelwerkFuerJahr, type Regelwerk } from "../regelwerke";
import { jeMassnahmenzeile, type Pruefkontext, type Regel } from "./kontext";
import { ordneNachUrsache } from "./folgen";
import { jahreswerte } from "./jahre";
import { JAHRESREGELN, entscheideJahr } from "./regeln/jahr";
import {
  liesFinanzzeile,
  liesKreis,
  liesMassnahme,
  zellText,
  type GeleseneFinanzzeile,
  type GeleseneMassnahme,
} from "./lesen";
import { PRUEFREGELN } from "./regeln";
import type {
  FinanzplanErgebnis,
  Jahressumme,
  MassnahmeErgebnis,
  ValidationRequest,
  ValidationResponse,
} from "./schema";
import { liesHandlungsfeld, traegerImKreis, type Handlungsfeld } from "./woerter";

export function pruefe(anfrage: ValidationRequest): ValidationResponse {
  const { kontext, massnahmen, finanzplan } = pruefkontext(anfrage);
  const regeln = aktiveRegeln(kontext.regelwerk);
  const befunde = regeln.flatMap((r) => r.pruefe(kontext));
  return ergebnis(
    kontext,
    massnahmen,
    finanzplan,
    ordneNachUrsache(befunde, kontext, regeln, anfrage.finanzplan),
  );
}

/**
 * The same check in steps: `pause` is awaited after the rows are read, after each rule and before the
 * results, so that a service running one request at a time (the worker in one isolate) can answer
 * others in between on a large plan (issue 29: `/health` under load). Same result as pruefe.
 */
export async function pruefeInSchritten(
  anfrage: ValidationRequest,
  pause: () => Promise<void>,
): Promise<ValidationResponse> {
  const { kontext, massnahmen, finanzplan } = pruefkontext(anfrage);
  const regeln = aktiveRegeln(kontext.regelwerk);
  const befunde: Befund[] = [];
  for (const regel of regeln) {
    await pause();
    for (const b of regel.pruefe(kontext)) befunde.push(b);
  }
  await pause();
  return ergebnis(
    kontext,
    massnahmen,
    finanzplan,
    ordneNachUrsache(befunde, kontext, regeln, anfrage.finanzplan),
  );
}

/** A value worked out once per rule set (the rule sets are constants). */
function jeRegelwerk<T>(bilde: (regelwerk: Regelwerk) => T): (regelwerk: Regelwerk) => T {
  const werte = new WeakMap<Regelwerk, T>();
  return (regelwerk) => {
    let wert = werte.get(regelwerk);
    if (wert === undefined) werte.set(regelwerk, (wert = bilde(regelwerk)));
    return wert;
  };
}

/** The rules of a rule set, in the engine's order. */
const aktiveRegeln = jeRegelwerk((regelwerk): readonly Regel[] => {
  const aktiv = new Set(regelwerk.regeln);
  return PRUEFREGELN.filter((r) => aktiv.has(r.code));
});

/** The kreisfreie Städte among a rule set's Zuwendungsempfänger. */
const kreisfreieStaedte = jeRegelwerk((regelwerk): readonly string[] =>
  regelwerk.zuwendungsempfaenger.filter((k) => k.art === "kreisfreie Stadt").map((k) => k.name),
);

function ergebnis(
  kontext: Pruefkontext,
  massnahmen: GeleseneMassnahme[],
  finanzplan: GeleseneFinanzzeile[],
  befunde: Befund[],
): ValidationResponse {
  const status = zeilenStatus(befunde);
  const landesmittel = landesmittelJeMassnahme(kontext);
  return {
    regelwerk: kontext.regelwerk.id,
    regelwerk_version: kontext.regelwerk.version,
    foerderjahre: kontext.foerderjahre,
    einstellungen: { landesquote_je_massnahme: kontext.grenzen.landesquote_je_massnahme },
    foerderhoechstbetrag_gilt: "je_foerderjahr",
    anzahl: zaehleBefunde(befunde),
    befunde: begrenzeBefunde(befunde),
    summen: jahressummen(kontext),
    zeilen: {
      massnahmen: massnahmen.map((m) => massnahmeErgebnis(m, kontext, status.massnahmen, landesmittel)),
      finanzplan: finanzplan.map((z) => finanzzeileErgebnis(z, status.finanzplan)),
    },
  };
}

/** The rule set of the request (or of its first year), its limits after the request's settings. */
function regelwerkUndGrenzen(anfrage: ValidationRequest, foerderjahre: number[]) {
  const regelwerk: Regelwerk = anfrage.regelwerk
    ? REGELWERKE[anfrage.regelwerk]
    : regelwerkFuerJahr(foerderjahre[0]!);
  const grenzen = {
    ...regelwerk.grenzen,
    ...(anfrage.einstellungen?.landesquote_je_massnahme
      ? { landesquote_je_massnahme: anfrage.einstellungen.landesquote_je_massnahme }
      : {}),
  };
  return { regelwerk, grenzen };
}

/** Reads every row and builds what the rules see; the rows as read are kept for the row results. */
function pruefkontext(anfrage: ValidationRequest) {
  const foerderjahre = [
    ...new Set(Array.isArray(anfrage.foerderjahr) ? anfrage.foerderjahr : [anfrage.foerderjahr]),
  ].sort((a, b) => a - b);
  const { regelwerk, grenzen } = regelwerkUndGrenzen(anfrage, foerderjahre);
  const kreis = liesKreis(anfrage.kreis);
  // „Stadt“ in a kreisfreie Stadt is the city itself; „Gemeinde“ or „Landkreis“ there is not.
  const planKreis = regelwerk.zuwendungsempfaenger.find((k) => k.schluessel === kreis.schluessel) ?? null;
  const kreisfreie = kreisfreieStaedte(regelwerk);
  const massnahmen = anfrage.massnahmen.map((m, i) => {
    const g = liesMassnahme(m, i + 1, anfrage.zeilen_im_blatt?.massnahmen?.[i]);
    if (g.traegerFrage !== null) return g;
    const d = traegerImKreis(zellText(m.traegerart), g.traegerart, g.traeger, planKreis, kreisfreie);
    return d.frage === null && d.traegerart === g.traegerart
      ? g
      : { ...g, traegerart: d.traegerart, traegerFrage: d.frage };
  });
  const massnahmeNachNr = ersteJeNr(massnahmen);
  const finanzplan = anfrage.finanzplan.map((z, i) =>
    liesFinanzzeile(z, i + 1, anfrage.zeilen_im_blatt?.finanzplan?.[i], massnahmeNachNr),
  );
  const begruendungen = new Map<Handlungsfeld, string>();
  const begruendungsZeilen = (anfrage.handlungsfelder_ohne_massnahme ?? []).map((b) => {
    const hf = liesHandlungsfeld(b.handlungsfeld);
    if (hf !== null && b.begruendung?.trim()) begruendungen.set(hf, b.begruendung.trim());
    return hf;
  });
  const [datenM, keineM] = teileNachDatenzeile(massnahmen);
  const [daten, keineF] = teileNachDatenzeile(finanzplan);
  const jahre = jahreswerte(daten);
  const kontext: Pruefkontext = {
    regelwerk,
    grenzen,
    foerderjahre,
    kreis,
    massnahmen: datenM,
    finanzplan: daten,
    keineDatenzeilen: { massnahmen: keineM, finanzplan: keineF },
    massnahmeNachNr,
    begruendungen,
    begruendungsZeilen,
    jahre,
    entscheide: entscheideJeJahr(jahre, grenzen, kreis.foerderhoechstbetrag),
  };
  return { kontext, massnahmen, finanzplan };
}

// pruefkontext itself has no loop: V8 compiles a hot loop on its own (on-stack replacement) and keeps
// that code for the next call, so a loop here whose code no longer fits the request's objects would
// fall back to the interpreter on every check (measured: every call of the early bench did).

/** The first data row per Maßnahme-Nr. */
function ersteJeNr(massnahmen: readonly GeleseneMassnahme[]): Map<string, GeleseneMassnahme> {
  const nachNr = new Map<string, GeleseneMassnahme>();
  for (const m of massnahmen)
    if (m.keineDatenzeile === null && m.nr !== null && !nachNr.has(m.nr)) nachNr.set(m.nr, m);
  return nachNr;
}

/** Each year's outcomes of the sum rules. */
function entscheideJeJahr(
  jahre: Pruefkontext["jahre"],
  grenzen: Pruefkontext["grenzen"],
  foerderhoechstbetrag: Cent | null,
): Pruefkontext["entscheide"] {
  const entscheide: Pruefkontext["entscheide"] = new Map();
  for (const j of jahre.values()) entscheide.set(j.jahr, entscheideJahr(j, grenzen, foerderhoechstbetrag));
  return entscheide;
}

/** The data rows and the rows that are none, each in the order sent. */
function teileNachDatenzeile<Z extends { keineDatenzeile: unknown }>(zeilen: readonly Z[]): [Z[], Z[]] {
  const daten: Z[] = [];
  const keine: Z[] = [];
  for (const z of zeilen) (z.keineDatenzeile === null ? daten : keine).push(z);
  return [daten, keine];
}

/** Row status: the worst severity of the findings on that row. */
function zeilenStatus(befunde: readonly Befund[]) {
  const status = { massnahmen: new Map<number, Schwere>(), finanzplan: new Map<number, Schwere>() };
  for (const b of befunde) {
    if (b.zeile === null || (b.tabelle !== "massnahmen" && b.tabelle !== "finanzplan")) continue;
    const m = status[b.tabelle];
    const bisher = m.get(b.zeile);
    if (bisher === undefined || SCHWERE_RANG[b.schwere] < SCHWERE_RANG[bisher]) m.set(b.zeile, b.schwere);
  }
  return status;
}

const euro = (c: Cent | null) => (c === null ? null : centZuEuro(c));
const quote = (a: Cent | null, b: Cent | null) => (a === null || b === null || b === 0 ? null : a / b);

/** Each Förderjahr's sums, which sum rules it decided, and how much of the Förderhöchstbetrag it draws. */
function jahressummen(k: Pruefkontext): Record<string, Jahressumme> {
  const fhb = k.kreis.foerderhoechstbetrag;
  const summen: Record<string, Jahressumme> = {};
  for (const j of k.jahre.values()) {
    const entschieden = k.entscheide.get(j.jahr)!;
    const regeln_vollstaendig: RegelCode[] = [];
    const regeln_offen: RegelCode[] = [];
    for (const { code } of JAHRESREGELN) {
      const e = entschieden[code];
      if (e === "verletzt" || e === "eingehalten") regeln_vollstaendig.push(code);
      else if (e === "offen" || e === "nicht_pruefbar") regeln_offen.push(code);
    }
    summen[String(j.jahr)] = {
      jahr: j.jahr,
      vollstaendig: j.vollstaendig,
      zeilen: j.zeilen,
      regeln_vollstaendig,
      regeln_offen,
      unlesbare_zeilen: j.unlesbar.map((z) => z.zeile),
      gesamtausgaben_eur: centZuEuro(j.gesamtausgaben),
      zuwendungsfaehig_eur: centZuEuro(j.zuwendungsfaehig),
      investitionen_eur: centZuEuro(j.investitionen),
      drittmittel_eur: centZuEuro(j.drittmittel),
      bemessungsgrundlage_eur: centZuEuro(j.bemessungsgrundlage),
      landesmittel_eur: centZuEuro(j.landesmittel),
      eigenmittel_kreis_eur: centZuEuro(j.eigenmittel_kreis),
      anteil_gemeinden_eur: centZuEuro(j.anteil_gemeinden),
      eigenanteil_eur: centZuEuro(j.eigenanteil),
      landesquote: quote(j.landesmittel, j.bemessungsgrundlage),
      eigenanteilsquote: quote(j.eigenanteil, j.bemessungsgrundlage),
      foerderhoechstbetrag_eur: euro(fhb),
      nicht_ausgeschoepft_eur: fhb === null ? null : centZuEuro(Math.max(0, fhb - j.landesmittel)),
      benoetigte_bemessungsgrundlage_eur:
        fhb === null ? null : centZuEuro(teileDurchAnteil(fhb, k.grenzen.landesquote_max)),
      landesmittel_kreis_selbst_eur: centZuEuro(j.landesmittelKreisSelbst),
    };
  }
  return summen;
}

/** A Beginn or Ende as the row result shows it: the date, „fortlaufend“, or null. */
function zeitpunkt(t: GeleseneMassnahme["beginn"], seite: "von" | "bis"): string | null {
  return t.art === "zeitraum" ? t[seite] : t.art === "fortlaufend" ? "fortlaufend" : null;
}

function massnahmeErgebnis(
  m: GeleseneMassnahme,
  k: Pruefkontext,
  status: Map<number, Schwere>,
  landesmittel: Float64Array,
): MassnahmeErgebnis {
  // The Landesmittel of a Nr go to its first row; a second row of the same Nr shows none.
  const erste = m.nr !== null && k.massnahmeNachNr.get(m.nr) === m;
  return {
    status: status.get(m.zeile) ?? "ok",
    nr: m.nr,
    handlungsfeld: m.handlungsfeld,
    art: m.art,
    traegerart: m.traegerart,
    bestandsschutz_kategorie: m.kategorie,
    beginn: zeitpunkt(m.beginn, "von"),
    ende: zeitpunkt(m.ende, "bis"),
    landesmittel_eur: erste ? centZuEuro(landesmittel[m.zeile]!) : null,
    keine_datenzeile: m.keineDatenzeile,
  };
}

/**
 * Σ Landesmittel per measure over the Finanzplan's data rows, by the measure's row (`zeile`, from 1):
 * a row's measure is the first of its Nr, which is where the result shows the sum.
 */
function landesmittelJeMassnahme(k: Pruefkontext): Float64Array {
  const summe = jeMassnahmenzeile(k, Float64Array);
  for (const z of k.finanzplan)
    if (z.massnahme !== null && z.betraege.landesmittel !== null)
      summe[z.massnahme.zeile]! += z.betraege.landesmittel;
  return summe;
}

function finanzzeileErgebnis(z: GeleseneFinanzzeile, status: Map<number, Schwere>): FinanzplanErgebnis {
  return {
    status: status.get(z.zeile) ?? "ok",
    massnahme_nr: z.nr,
    jahr: z.jahr,
    gesamtausgaben_eur: euro(z.gesamtausgaben),
    zuwendungsfaehig_eur: euro(z.zuwendungsfaehig),
    bemessungsgrundlage_eur: euro(z.bemessungsgrundlage),
    landesmittel_eur: euro(z.betraege.landesmittel),
    eigenanteil_eur: euro(z.eigenanteil),
    drittmittel_eur: euro(z.betraege.drittmittel),
    landesquote: z.vollstaendig ? quote(z.betraege.landesmittel, z.bemessungsgrundlage) : null,
    eigenanteilsquote: z.vollstaendig ? quote(z.eigenanteil, z.bemessungsgrundlage) : null,
    keine_datenzeile: z.keineDatenzeile,
  };
}
