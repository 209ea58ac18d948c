/**
 * The allocation engine: distributes Haushaltsmittel over regions by the indicators
 * (docs/fachlich.md, "State → Kreis"). Pure; never throws on what a user typed; every problem
 * becomes a finding of a rule (./regeln.ts); a Fehler leaves the amounts null rather than showing a
 * wrong euro.
 */
import { anhaengen, begrenzeBefunde, zaehleBefunde, type Befund } from "../befund";
import { centZuEuro, verteileGroessterRest, type Cent } from "../geld";
import { INDIKATOREN, jeIndikator } from "./indikatoren";
import { summeUeber, verteilkontext, type Verteilkontext } from "./kontext";
import { I10, VERTEILREGELN } from "./regeln";
import type { AllocationRequest, AllocationResponse, Indikator, RegionErgebnis } from "./schema";

export { STANDARD_VERFAHREN, verfahrenMitStandards } from "./kontext";

/** The distributed amounts per region (leaves from the shares, parents as the sums of their leaves). */
interface Betraege {
  betragCent: (Cent | null)[];
  teilCent: Record<Indikator, Cent | null>[];
  anteilGesamt: (number | null)[];
}

/** Distributes the Haushaltsmittel. The request must have passed allocationRequestSchema. */
export function verteile(anfrage: AllocationRequest): AllocationResponse {
  const k = verteilkontext(anfrage);
  const aktiv = new Set(k.regelwerk.regeln);
  const befunde: Befund[] = VERTEILREGELN.filter((r) => aktiv.has(r.code)).flatMap((r) => r.pruefe(k));
  const berechnet =
    !befunde.some((b) => b.schwere === "fehler") && k.haushaltCent !== null && k.sockelCent !== null;
  const betraege = berechnet ? verteileBetraege(k) : leereBetraege(k);
  const sockel = berechnet ? sockelJeRegion(k) : null;
  if (aktiv.has(I10.code)) anhaengen(befunde, I10.pruefe(k, betraege.betragCent));
  const summeCent = berechnet
    ? k.hierarchie.blaetter.reduce((s, i) => s + (betraege.betragCent[i] as number), 0)
    : null;
  return {
    regelwerk: k.regelwerk.id,
    regelwerk_version: k.regelwerk.version,
    foerderjahr: anfrage.foerderjahr,
    ebene: k.ebene,
    verfahren: k.verfahren,
    haushaltsmittel_eur: anfrage.haushaltsmittel_eur,
    berechnet,
    summe_eur: summeCent === null ? null : centZuEuro(summeCent),
    regionen: k.regionen.map((_, i) => regionErgebnis(k, i, betraege, sockel?.[i] ?? null)),
    anzahl: zaehleBefunde(befunde),
    befunde: begrenzeBefunde(befunde),
  };
}

function leereBetraege(k: Verteilkontext): Betraege {
  return {
    betragCent: k.regionen.map(() => null),
    teilCent: k.regionen.map(() => jeIndikator<Cent | null>(() => null)),
    anteilGesamt: k.regionen.map(() => null),
  };
}

/**
 * Each leaf gets its Sockelbetrag and its weighted share of the rest, in whole rounding units by the
 * largest remainder (in key order, so the result does not depend on the input order); each parent the
 * sums of its leaves.
 */
function verteileBetraege(k: Verteilkontext): Betraege {
  const { kanonisch, verfahren, anteile, einheit, hierarchie } = k;
  const sockelCent = k.sockelCent!;
  const b = leereBetraege(k);
  const verteilbar = k.haushaltCent! - sockelCent * hierarchie.blaetter.length;
  for (const i of kanonisch)
    b.anteilGesamt[i] = INDIKATOREN.reduce((s, x) => s + verfahren.gewichte[x] * (anteile[i]![x] ?? 0), 0);
  const einheiten = verteileGroessterRest(
    kanonisch.map((i) => b.anteilGesamt[i]!),
    verteilbar / einheit,
    kanonisch.map((i) => k.regionen[i]!.schluessel),
  );
  kanonisch.forEach((i, j) => {
    b.betragCent[i] = sockelCent + einheiten[j]! * einheit;
    for (const x of INDIKATOREN) {
      const a = anteile[i]![x];
      const gewicht = verfahren.gewichte[x];
      b.teilCent[i]![x] = a === null ? (gewicht > 0 ? null : 0) : Math.round(verteilbar * gewicht * a);
    }
  });
  for (const i of k.reihenfolge) {
    if (k.istBlatt[i]) continue;
    const kinder = hierarchie.kinder[i]!;
    b.betragCent[i] = summeUeber(kinder, (c) => b.betragCent[c]);
    b.anteilGesamt[i] = kinder.reduce((s, c) => s + (b.anteilGesamt[c] ?? 0), 0);
    for (const x of INDIKATOREN) b.teilCent[i]![x] = summeUeber(kinder, (c) => b.teilCent[c]![x]);
  }
  return b;
}

/** Each region's Sockelbetrag: one per leaf below it (summed bottom-up once). */
function sockelJeRegion(k: Verteilkontext): Cent[] {
  const blaetter = k.regionen.map(() => 0);
  for (const i of k.reihenfolge)
    blaetter[i] = k.istBlatt[i] ? 1 : k.hierarchie.kinder[i]!.reduce((s, c) => s + blaetter[c]!, 0);
  return blaetter.map((n) => k.sockelCent! * n);
}

function regionErgebnis(k: Verteilkontext, i: number, b: Betraege, sockel: Cent | null): RegionErgebnis {
  const r = k.regionen[i]!;
  const betrag = b.betragCent[i] ?? null;
  const teile = b.teilCent[i]!;
  const teileSumme = INDIKATOREN.every((x) => teile[x] !== null)
    ? INDIKATOREN.reduce((s, x) => s + (teile[x] as number), 0)
    : null;
  const vorjahr = k.vorjahr[i]!;
  const vorjahrCent = vorjahr.art === "betrag" ? vorjahr.cent : null;
  const veraenderung =
    betrag !== null && vorjahrCent !== null && vorjahrCent > 0 ? (betrag - vorjahrCent) / vorjahrCent : null;
  return {
    schluessel: r.schluessel,
    name: r.name ?? null,
    gehoert_zu: r.gehoert_zu?.trim() ? r.gehoert_zu.trim() : null,
    ist_summe: !k.istBlatt[i],
    foerderhoechstbetrag_eur: betrag === null ? null : centZuEuro(betrag),
    sockelbetrag_eur: sockel === null ? null : centZuEuro(sockel),
    indikatoren: k.indikatoren[i]!,
    anteile: k.anteile[i]!,
    anteil_gesamt: b.anteilGesamt[i] ?? null,
    betraege_je_indikator_eur: jeIndikator((x) => (teile[x] === null ? null : centZuEuro(teile[x]))),
    rundungsdifferenz_eur:
      betrag !== null && sockel !== null && teileSumme !== null
        ? centZuEuro(betrag - sockel - teileSumme)
        : null,
    vorjahr_eur: vorjahrCent === null ? null : centZuEuro(vorjahrCent),
    veraenderung_vorjahr: veraenderung,
  };
}
