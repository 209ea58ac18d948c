/**
 * The rule engine: checks a Maßnahmen list and a Finanzplan (POST /api/v1/validation). Pure; never
 * throws on what a user typed; the rest of the sheet is checked whatever one cell holds.
 */
import { SCHWERE_RANG, begrenzeBefunde, zaehleBefunde, type Befund, type Schwere } from "../befund";
import { centZuEuro, teileDurchAnteil, type Cent } from "../geld";
import { REGELWERKE, regelwerkFuerJahr, type Regelwerk } from "../regelwerke";
import { JAHRESREGELN, type Kontext } from "./kontext";
import { entscheide, jahreswerte } from "./jahre";
import { liesFinanzzeile, liesKreis, liesMassnahme, type GeleseneMassnahme } from "./lesen";
import { PRUEFREGELN } from "./regeln";
import type { Jahressumme, ValidationRequest, ValidationResponse } from "./schema";
import { liesHandlungsfeld, type Handlungsfeld } from "./woerter";

export function pruefe(anfrage: ValidationRequest): ValidationResponse {
  const foerderjahre = [
    ...new Set(Array.isArray(anfrage.foerderjahr) ? anfrage.foerderjahr : [anfrage.foerderjahr]),
  ].sort((a, b) => a - b);
  const regelwerk: Regelwerk = anfrage.regelwerk
    ? REGELWERKE[anfrage.regelwerk]
    : regelwerkFuerJahr(foerderjahre[0]!);
  const grenzen = {
    ...regelwerk.grenzen,
    ...(anfrage.einstellungen?.landesquote_je_massnahme
      ? { landesquote_je_massnahme: anfrage.einstellungen.landesquote_je_massnahme }
      : {}),
  };

  const kreis = liesKreis(anfrage.kreis);
  // In a kreisfreie Stadt the town is the Zuwendungsempfänger itself: „Stadt“ there means the Kreis.
  const kreisfrei = regelwerk.zuwendungsempfaenger.some(
    (k) => k.schluessel === kreis.schluessel && k.art === "kreisfreie Stadt",
  );
  const massnahmen = anfrage.massnahmen.map((m, i) => {
    const g = liesMassnahme(m, i + 1);
    return kreisfrei && g.traegerart === "gemeinde" ? { ...g, traegerart: "kreis" as const } : g;
  });
  const finanzplan = anfrage.finanzplan.map((z, i) => liesFinanzzeile(z, i + 1));
  const massnahmeNachNr = new Map<string, GeleseneMassnahme>();
  for (const m of massnahmen)
    if (m.keineDatenzeile === null && m.nr !== null && !massnahmeNachNr.has(m.nr))
      massnahmeNachNr.set(m.nr, m);
  const begruendungen = new Map<Handlungsfeld, string>();
  for (const b of anfrage.handlungsfelder_ohne_massnahme ?? []) {
    const hf = liesHandlungsfeld(b.handlungsfeld);
    if (hf !== null && b.begruendung?.trim()) begruendungen.set(hf, b.begruendung.trim());
  }

  const datenzeilen = {
    massnahmen: massnahmen.filter((m) => m.keineDatenzeile === null),
    finanzplan: finanzplan.filter((z) => z.keineDatenzeile === null),
  };
  const jahre = jahreswerte(datenzeilen.finanzplan, massnahmeNachNr);
  const entscheideJeJahr = new Map(
    [...jahre.values()].map((j) => [j.jahr, entscheide(j, grenzen, kreis.foerderhoechstbetrag)] as const),
  );

  const kontext: Kontext = {
    regelwerk,
    grenzen,
    foerderjahre,
    kreis,
    massnahmen: datenzeilen.massnahmen,
    finanzplan: datenzeilen.finanzplan,
    keineDatenzeilen: {
      massnahmen: massnahmen.filter((m) => m.keineDatenzeile !== null),
      finanzplan: finanzplan.filter((z) => z.keineDatenzeile !== null),
    },
    massnahmeNachNr,
    begruendungen,
    jahre,
    entscheide: entscheideJeJahr,
  };
  const aktiv = new Set(regelwerk.regeln);
  const befunde: Befund[] = PRUEFREGELN.filter((r) => aktiv.has(r.code)).flatMap((r) => r.pruefe(kontext));

  // Row status: the worst severity of the findings on that row.
  const status = { massnahmen: new Map<number, Schwere>(), finanzplan: new Map<number, Schwere>() };
  for (const b of befunde) {
    if (b.zeile === null || (b.tabelle !== "massnahmen" && b.tabelle !== "finanzplan")) continue;
    const m = status[b.tabelle];
    const bisher = m.get(b.zeile);
    if (bisher === undefined || SCHWERE_RANG[b.schwere] < SCHWERE_RANG[bisher]) m.set(b.zeile, b.schwere);
  }

  const euro = (c: Cent | null) => (c === null ? null : centZuEuro(c));
  const quote = (a: Cent | null, b: Cent | null) => (a === null || b === null || b === 0 ? null : a / b);
  const landesmittelJeNr = new Map<string, Cent>();
  for (const z of datenzeilen.finanzplan)
    if (z.nr !== null && z.betraege.landesmittel !== null)
      landesmittelJeNr.set(z.nr, (landesmittelJeNr.get(z.nr) ?? 0) + z.betraege.landesmittel);

  const fhb = kreis.foerderhoechstbetrag;
  const summen: Record<string, Jahressumme> = {};
  for (const j of [...jahre.values()].sort((a, b) => a.jahr - b.jahr)) {
    const entschieden = entscheideJeJahr.get(j.jahr)!;
    summen[String(j.jahr)] = {
      jahr: j.jahr,
      vollstaendig: j.vollstaendig,
      zeilen: j.zeilen,
      regeln_vollstaendig: JAHRESREGELN.filter(
        (r) => entschieden[r] === "verletzt" || entschieden[r] === "eingehalten",
      ),
      regeln_offen: JAHRESREGELN.filter(
        (r) => entschieden[r] === "offen" || entschieden[r] === "nicht_pruefbar",
      ),
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
        fhb === null ? null : centZuEuro(teileDurchAnteil(fhb, grenzen.landesquote_max)),
      landesmittel_kreis_selbst_eur: centZuEuro(j.landesmittelKreisSelbst),
    };
  }

  return {
    regelwerk: regelwerk.id,
    regelwerk_version: regelwerk.version,
    foerderjahre,
    einstellungen: { landesquote_je_massnahme: grenzen.landesquote_je_massnahme },
    foerderhoechstbetrag_gilt: "je_foerderjahr",
    anzahl: zaehleBefunde(befunde),
    befunde: begrenzeBefunde(befunde),
    summen,
    zeilen: {
      massnahmen: massnahmen.map((m) => ({
        status: status.massnahmen.get(m.zeile) ?? "ok",
        nr: m.nr,
        handlungsfeld: m.handlungsfeld,
        art: m.art,
        traegerart: m.traegerart,
        bestandsschutz_kategorie: m.kategorie,
        beginn:
          m.beginn.art === "zeitraum" ? m.beginn.von : m.beginn.art === "fortlaufend" ? "fortlaufend" : null,
        ende: m.ende.art === "zeitraum" ? m.ende.bis : m.ende.art === "fortlaufend" ? "fortlaufend" : null,
        landesmittel_eur:
          m.nr !== null && massnahmeNachNr.get(m.nr) === m ? euro(landesmittelJeNr.get(m.nr) ?? 0) : null,
        keine_datenzeile: m.keineDatenzeile,
      })),
      finanzplan: finanzplan.map((z) => ({
        status: status.finanzplan.get(z.zeile) ?? "ok",
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
      })),
    },
  };
}
