/**
 * The allocation engine: distributes Haushaltsmittel over regions by four indicators
 * (docs/fachlich.md, "State → Kreis"). Pure; never throws on what a user typed; every problem
 * becomes a finding; a Fehler leaves the amounts null rather than showing a wrong euro.
 */
import { anhaengen, befund, begrenzeBefunde, zaehleBefunde, type Befund } from "../befund";
import {
  betragsproblemText,
  centZuEuro,
  euroZuCent,
  istUeberAnteil,
  liesBetrag,
  verteileGroessterRest,
  type Cent,
} from "../geld";
import { formatEuro, formatProzent, formatZahl, formatDatum } from "../format";
import { datumIso, liesDatum } from "../datum";
import {
  REGELWERKE,
  foerderperiodeText,
  inFoerderperiode,
  regelwerkFuerJahr,
  type Regelwerk,
} from "../regelwerke";
import { baueHierarchie, regionText } from "./hierarchie";
import { pruefeTeilregionen, pruefeAngegebeneWerte } from "./teilregionen";
import { liesZaehlwerte, type Zaehlfeld, type Zaehlwerte, ZAEHLFELDER, ZAEHLFELD_LISTE } from "./zaehlwerte";
import { INDIKATOR, INDIKATOREN, berechneIndikatoren, jeIndikator, type Indikatorwerte } from "./indikatoren";
import {
  type AllocationRequest,
  type AllocationResponse,
  type Indikator,
  type Region,
  type RegionErgebnis,
  type VerfahrenErgebnis,
} from "./schema";

export const STANDARD_VERFAHREN: VerfahrenErgebnis = {
  normierung: "summe_der_kreiswerte",
  gewichte: jeIndikator(() => 1 / INDIKATOREN.length),
  sockelbetrag_eur: 0,
  rundung: "euro",
};

const GEWICHT_TOLERANZ = 1e-9;

export function verfahrenMitStandards(verfahren: AllocationRequest["verfahren"]): VerfahrenErgebnis {
  const g = verfahren?.gewichte;
  return {
    normierung: verfahren?.normierung ?? STANDARD_VERFAHREN.normierung,
    // Weights left out entirely: equal parts (4 × 25 %). A weight left out of a given set: 0.
    gewichte: g ? jeIndikator((k) => g[k] ?? 0) : { ...STANDARD_VERFAHREN.gewichte },
    sockelbetrag_eur: verfahren?.sockelbetrag_eur ?? 0,
    rundung: verfahren?.rundung ?? "euro",
  };
}

const leereBetraege = () => jeIndikator<number | null>(() => null);

/** Distributes the Haushaltsmittel. The request must have passed allocationRequestSchema. */
export function verteile(anfrage: AllocationRequest): AllocationResponse {
  const regelwerk: Regelwerk = anfrage.regelwerk
    ? REGELWERKE[anfrage.regelwerk]
    : regelwerkFuerJahr(anfrage.foerderjahr);
  const ebene = anfrage.ebene ?? "zuwendungsempfaenger";
  const verfahren = verfahrenMitStandards(anfrage.verfahren);
  const regionen = anfrage.regionen;
  const befunde: Befund[] = [];
  const einheit: Cent = verfahren.rundung === "euro" ? 100 : 1;

  // — Parameters —
  if (!inFoerderperiode(regelwerk, anfrage.foerderjahr)) {
    befunde.push(
      befund(
        "F09",
        `Förderjahr ${anfrage.foerderjahr} liegt außerhalb der Förderperiode ${foerderperiodeText(regelwerk)} des Regelwerks ${regelwerk.id}.`,
        { tabelle: "parameter", spalte: "foerderjahr" },
      ),
    );
  }
  const stichtagSoll = `${anfrage.foerderjahr - 2}-12-31`;
  if (anfrage.stichtag) {
    const b = pruefeStichtag(anfrage.stichtag, stichtagSoll, anfrage.foerderjahr, "Indikatorentabelle", {
      tabelle: "parameter",
      spalte: "stichtag",
    });
    if (b) befunde.push(b);
  }
  anhaengen(befunde, pruefeGewichte(verfahren));
  const haushaltCent = euroZuCent(anfrage.haushaltsmittel_eur);
  const sockelCent = euroZuCent(verfahren.sockelbetrag_eur);
  const einheitText = verfahren.rundung === "euro" ? "volle Euro" : "volle Cent";
  for (const [wert, cent, spalte, de] of [
    [anfrage.haushaltsmittel_eur, haushaltCent, "haushaltsmittel_eur", "Haushaltsmittel"],
    [verfahren.sockelbetrag_eur, sockelCent, "sockelbetrag_eur", "Sockelbetrag"],
  ] as const) {
    if (cent === null || cent % einheit !== 0) {
      befunde.push(
        befund(
          "I12",
          `${de} ${formatZahl(wert, "de", 6)} € sind keine ${einheitText}; bei Rundung „${verfahren.rundung}“ muss der Betrag auf ${einheitText} lauten.`,
          { tabelle: "parameter", spalte },
        ),
      );
    }
  }

  // — Structure —
  const hierarchie = baueHierarchie(regionen, ebene === "zuwendungsempfaenger");
  anhaengen(befunde, hierarchie.befunde);
  if (ebene === "zuwendungsempfaenger")
    anhaengen(
      befunde,
      pruefeZuwendungsempfaenger(regionen, hierarchie.eltern, regelwerk, anfrage.foerderjahr),
    );
  const { blaetter, kinder } = hierarchie;
  const istBlatt = kinder.map((k) => k.length === 0);
  const reihenfolge = nachOben(kinder); // every child before its parent, computed once

  if (sockelCent !== null && haushaltCent !== null && sockelCent * blaetter.length > haushaltCent) {
    befunde.push(
      befund(
        "I07",
        `Sockelbetrag ${formatEuro(sockelCent)} × ${blaetter.length} Regionen = ${formatEuro(sockelCent * blaetter.length)} übersteigt die Haushaltsmittel ${formatEuro(haushaltCent)}.`,
        { tabelle: "parameter", spalte: "sockelbetrag_eur" },
      ),
    );
  }

  // — Counts and indicators —
  const gelesen = regionen.map((r, i) => liesZaehlwerte(r, i + 1));
  for (const g of gelesen) anhaengen(befunde, g.befunde);
  const aktiv = INDIKATOREN.filter((k) => verfahren.gewichte[k] > 0);
  for (const i of blaetter) {
    const benoetigt = new Set<Zaehlfeld>(["einwohner"]);
    for (const k of aktiv) for (const f of INDIKATOR[k].benoetigt) benoetigt.add(f);
    for (const f of benoetigt) {
      if (gelesen[i]!.werte[f] === null && !gelesen[i]!.ungueltig.has(f)) {
        const fuer = aktiv.filter((k) => (INDIKATOR[k].benoetigt as readonly Zaehlfeld[]).includes(f));
        befunde.push(
          befund(
            "I04",
            `${regionText(regionen[i]!)}: ${ZAEHLFELDER[f].de} fehlt${fuer.length ? ` (gebraucht für ${fuer.map((k) => INDIKATOR[k].name).join(", ")})` : ""}.`,
            { tabelle: "regionen", zeile: i + 1, spalte: f },
          ),
        );
      }
    }
  }
  const werte = effektiveZaehlwerte(
    gelesen.map((g) => g.werte),
    kinder,
    reihenfolge,
  );
  const indikatoren = werte.map(berechneIndikatoren);
  regionen.forEach((r, i) => {
    anhaengen(befunde, pruefeQuoten(r, i + 1, indikatoren[i]!, regelwerk));
    if (r.stichtag) {
      const b = pruefeStichtag(r.stichtag, stichtagSoll, anfrage.foerderjahr, regionText(r), {
        tabelle: "regionen",
        zeile: i + 1,
        spalte: "stichtag",
      });
      if (b) befunde.push(b);
    }
  });
  befunde.push(
    ...pruefeTeilregionen(
      regionen,
      gelesen.map((g) => g.werte),
      kinder,
    ),
  );
  anhaengen(befunde, pruefeAngegebeneWerte(regionen, indikatoren));

  // — Shares, in canonical (key) order so that sums do not depend on the input order —
  const kanonisch = [...blaetter].sort((a, b) =>
    vergleiche(regionen[a]!.schluessel, regionen[b]!.schluessel),
  );
  const anteile = regionen.map(leereBetraege);
  for (const k of INDIKATOREN) {
    const basis = kanonisch.map((i) =>
      INDIKATOR[k].basiswert(werte[i]!, indikatoren[i]!, verfahren.normierung),
    );
    if (basis.some((b) => b === null)) continue; // reported above where the weight is > 0
    const summe = (basis as number[]).reduce((s, b) => s + b, 0);
    if (!(summe > 0)) {
      if (verfahren.gewichte[k] > 0) {
        befunde.push(
          befund(
            "I04",
            `Der Indikator ${INDIKATOR[k].name} ist über alle Regionen 0: nach ihm kann nichts verteilt werden (Gewicht auf 0 setzen oder Werte eintragen).`,
            { tabelle: "regionen", spalte: INDIKATOR[k].benoetigt[INDIKATOR[k].benoetigt.length - 1]! },
          ),
        );
      }
      continue;
    }
    kanonisch.forEach((i, j) => (anteile[i]![k] = (basis[j] as number) / summe));
  }

  const berechnet =
    !befunde.some((b) => b.schwere === "fehler") && haushaltCent !== null && sockelCent !== null;
  const betragCent: (Cent | null)[] = regionen.map(() => null);
  const teilCent: Record<Indikator, Cent | null>[] = regionen.map(leereBetraege);
  const anteilGesamt: (number | null)[] = regionen.map(() => null);

  if (berechnet) {
    const verteilbar = haushaltCent - sockelCent * blaetter.length;
    for (const i of kanonisch) {
      anteilGesamt[i] = INDIKATOREN.reduce((s, k) => s + verfahren.gewichte[k] * (anteile[i]![k] ?? 0), 0);
    }
    const einheiten = verteileGroessterRest(
      kanonisch.map((i) => anteilGesamt[i]!),
      verteilbar / einheit,
      kanonisch.map((i) => regionen[i]!.schluessel),
    );
    kanonisch.forEach((i, j) => {
      betragCent[i] = sockelCent + einheiten[j]! * einheit;
      for (const k of INDIKATOREN) {
        const a = anteile[i]![k];
        teilCent[i]![k] =
          a === null
            ? verfahren.gewichte[k] > 0
              ? null
              : 0
            : Math.round(verteilbar * verfahren.gewichte[k] * a);
      }
    });
    // Parents: sums of their leaves.
    for (const i of reihenfolge) {
      if (istBlatt[i]) continue;
      betragCent[i] = summeUeber(kinder[i]!, (c) => betragCent[c]);
      anteilGesamt[i] = kinder[i]!.reduce((s, c) => s + (anteilGesamt[c] ?? 0), 0);
      for (const k of INDIKATOREN) teilCent[i]![k] = summeUeber(kinder[i]!, (c) => teilCent[c]![k]);
    }
  }
  // Parents' shares: the sum of their leaves' shares.
  for (const i of reihenfolge) {
    if (istBlatt[i]) continue;
    for (const k of INDIKATOREN) {
      const s = kinder[i]!.map((c) => anteile[c]![k]);
      anteile[i]![k] = s.every((x) => x !== null) ? (s as number[]).reduce((a, b) => a + b, 0) : null;
    }
  }

  // Leaves below each region, summed bottom-up once.
  const blattZahl = regionen.map(() => 0);
  for (const i of reihenfolge)
    blattZahl[i] = istBlatt[i] ? 1 : kinder[i]!.reduce((s, c) => s + blattZahl[c]!, 0);
  const ergebnisse: RegionErgebnis[] = regionen.map((r, i) => {
    const betrag = betragCent[i] ?? null;
    const sockel = berechnet ? sockelCent * blattZahl[i]! : null;
    const teile = teilCent[i]!;
    const teileSumme = INDIKATOREN.every((k) => teile[k] !== null)
      ? INDIKATOREN.reduce((s, k) => s + (teile[k] as number), 0)
      : null;
    // The one euro reader: 445.785 is an amount, 445.785,001 € or „1.50“ is not (never rounded quietly).
    const vorjahr = liesBetrag(r.vorjahr_eur);
    const vorjahrCent = vorjahr.art === "betrag" ? vorjahr.cent : null;
    let veraenderung: number | null = null;
    if (betrag !== null && vorjahrCent !== null && vorjahrCent > 0)
      veraenderung = (betrag - vorjahrCent) / vorjahrCent;
    if (vorjahr.art !== "leer" && vorjahrCent === null) {
      befunde.push(
        befund(
          "I10",
          `${regionText(r)}: Vorjahresbetrag ${vorjahr.art === "problem" ? betragsproblemText(vorjahr.grund, vorjahr.text) : "fehlt"}; der Vergleich mit dem Vorjahr entfällt.`,
          { tabelle: "regionen", zeile: i + 1, spalte: "vorjahr_eur" },
        ),
      );
    } else if (betrag !== null && vorjahrCent !== null) {
      const grenze = regelwerk.grenzen.veraenderung_vorjahr;
      if (
        vorjahrCent === 0 ? betrag > 0 : istUeberAnteil(Math.abs(betrag - vorjahrCent), vorjahrCent, grenze)
      ) {
        befunde.push(
          befund(
            "I10",
            `${regionText(r)}: ${formatEuro(betrag)} statt ${formatEuro(vorjahrCent)} im Vorjahr${veraenderung === null ? "" : ` (${veraenderung > 0 ? "+" : ""}${formatProzent(veraenderung, "de", 1)})`}, Änderung über ${formatProzent(grenze)}.`,
            { tabelle: "regionen", zeile: i + 1, spalte: "vorjahr_eur" },
          ),
        );
      }
    }
    return {
      schluessel: r.schluessel,
      name: r.name ?? null,
      gehoert_zu: r.gehoert_zu?.trim() ? r.gehoert_zu.trim() : null,
      ist_summe: !istBlatt[i],
      foerderhoechstbetrag_eur: betrag === null ? null : centZuEuro(betrag),
      sockelbetrag_eur: sockel === null ? null : centZuEuro(sockel),
      indikatoren: indikatoren[i]!,
      anteile: anteile[i]!,
      anteil_gesamt: anteilGesamt[i] ?? null,
      betraege_je_indikator_eur: mapBetraege(teile),
      rundungsdifferenz_eur:
        betrag !== null && sockel !== null && teileSumme !== null
          ? centZuEuro(betrag - sockel - teileSumme)
          : null,
      vorjahr_eur: vorjahrCent === null ? null : centZuEuro(vorjahrCent),
      veraenderung_vorjahr: veraenderung,
    };
  });

  const summeCent = berechnet ? blaetter.reduce((s, i) => s + (betragCent[i] as number), 0) : null;
  return {
    regelwerk: regelwerk.id,
    regelwerk_version: regelwerk.version,
    foerderjahr: anfrage.foerderjahr,
    ebene,
    verfahren,
    haushaltsmittel_eur: anfrage.haushaltsmittel_eur,
    berechnet,
    summe_eur: summeCent === null ? null : centZuEuro(summeCent),
    regionen: ergebnisse,
    anzahl: zaehleBefunde(befunde),
    befunde: begrenzeBefunde(befunde),
  };
}

function mapBetraege(t: Record<Indikator, Cent | null>): Record<Indikator, number | null> {
  const r = leereBetraege();
  for (const k of INDIKATOREN) r[k] = t[k] === null ? null : centZuEuro(t[k]);
  return r;
}

/** Σ of `wert(i)` over the indices; null when any is missing. */
function summeUeber(
  indizes: readonly number[],
  wert: (i: number) => number | null | undefined,
): number | null {
  let s = 0;
  for (const i of indizes) {
    const w = wert(i);
    if (w === null || w === undefined) return null;
    s += w;
  }
  return s;
}

/** Regions ordered so that every child comes before its parent. */
function nachOben(kinder: readonly number[][]): number[] {
  const reihenfolge: number[] = [];
  const besucht = new Uint8Array(kinder.length);
  for (let start = 0; start < kinder.length; start++) {
    if (besucht[start]) continue;
    const stapel: [number, number][] = [[start, 0]];
    besucht[start] = 1;
    while (stapel.length) {
      const oben = stapel[stapel.length - 1]!;
      const [knoten, naechstes] = oben;
      const k = kinder[knoten]!;
      if (naechstes < k.length) {
        oben[1]++;
        const c = k[naechstes]!;
        if (!besucht[c]) {
          besucht[c] = 1;
          stapel.push([c, 0]);
        }
      } else {
        stapel.pop();
        reihenfolge.push(knoten);
      }
    }
  }
  return reihenfolge;
}

/** A parent's counts: its own where typed, else the sum over its children where all have one. */
function effektiveZaehlwerte(
  eigene: readonly Zaehlwerte[],
  kinder: readonly number[][],
  reihenfolge: readonly number[],
): Zaehlwerte[] {
  const ergebnis = eigene.map((w) => ({ ...w }));
  for (const i of reihenfolge) {
    const k = kinder[i]!;
    if (k.length === 0) continue;
    for (const f of ZAEHLFELD_LISTE) {
      if (ergebnis[i]![f] !== null) continue;
      ergebnis[i]![f] = summeUeber(k, (c) => ergebnis[c]![f]);
    }
  }
  return ergebnis;
}

function vergleiche(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pruefeGewichte(v: VerfahrenErgebnis): Befund[] {
  const befunde: Befund[] = [];
  for (const k of INDIKATOREN) {
    const g = v.gewichte[k];
    if (g < 0) {
      befunde.push(
        befund("I07", `Gewicht ${INDIKATOR[k].name} ist negativ (${formatProzent(g)}).`, {
          tabelle: "parameter",
          spalte: `gewichte.${k}`,
        }),
      );
    }
  }
  const summe = INDIKATOREN.reduce((s, k) => s + v.gewichte[k], 0);
  if (Math.abs(summe - 1) > GEWICHT_TOLERANZ) {
    const liste = INDIKATOREN.map((k) => formatProzent(v.gewichte[k])).join(" + ");
    befunde.push(
      befund("I07", `Die Gewichte ergeben ${formatProzent(summe)} statt 100 % (${liste}).`, {
        tabelle: "parameter",
        spalte: "gewichte",
      }),
    );
  }
  return befunde;
}

function pruefeZuwendungsempfaenger(
  regionen: readonly Region[],
  eltern: readonly number[],
  rw: Regelwerk,
  jahr: number,
): Befund[] {
  const befunde: Befund[] = [];
  const bekannt = new Map(rw.zuwendungsempfaenger.map((k) => [k.schluessel, k]));
  const gefunden = new Set<string>();
  regionen.forEach((r, i) => {
    if (eltern[i] !== -1 || r.gehoert_zu?.trim()) return; // only the top level are Zuwendungsempfänger
    const s = r.schluessel.trim();
    gefunden.add(s);
    if (!bekannt.has(s)) {
      befunde.push(
        befund(
          "I01",
          `${regionText(r)}: Kreisschlüssel ${s} ist kein Zuwendungsempfänger im Förderjahr ${jahr} (${rw.id}, ${rw.zuwendungsempfaenger.length} Kreise).`,
          { tabelle: "regionen", zeile: i + 1, spalte: "schluessel" },
          "warnung",
        ),
      );
    }
  });
  for (const k of rw.zuwendungsempfaenger) {
    if (!gefunden.has(k.schluessel)) {
      befunde.push(
        befund(
          "I01",
          `${k.name} (${k.schluessel}) fehlt in der Regionstabelle; im Förderjahr ${jahr} sind ${rw.zuwendungsempfaenger.length} Kreise Zuwendungsempfänger (${rw.id}).`,
          { tabelle: "regionen", spalte: "schluessel" },
        ),
      );
    }
  }
  return befunde;
}

function pruefeQuoten(r: Region, zeile: number, ind: Indikatorwerte, rw: Regelwerk): Befund[] {
  const befunde: Befund[] = [];
  const pruefe = (
    wert: number | null,
    [min, max]: readonly [number, number],
    de: string,
    spalte: string,
    alsProzent: boolean,
  ) => {
    if (wert === null || (wert >= min && wert <= max)) return;
    const f = (x: number) => (alsProzent ? formatProzent(x) : formatZahl(x, "de", 3));
    befunde.push(
      befund(
        "I05",
        `${regionText(r)}: ${de} ${f(wert)} liegt außerhalb des plausiblen Bereichs ${f(min)} bis ${f(max)}.`,
        { tabelle: "regionen", zeile, spalte },
      ),
    );
  };
  pruefe(
    ind.mindestsicherungsquote,
    rw.grenzen.mindestsicherungsquote,
    "Mindestsicherungsquote",
    "mindestsicherung",
    true,
  );
  pruefe(
    ind.abhaengigenquotient,
    rw.grenzen.abhaengigenquotient,
    "Abhängigenquotient",
    "von_20_bis_unter_65",
    false,
  );
  return befunde;
}

function pruefeStichtag(
  wert: string,
  soll: string,
  jahr: number,
  wo: string,
  ort: { tabelle: "parameter" | "regionen"; zeile?: number; spalte: string },
): Befund | null {
  // „2017“ alone: the year-end figures of 2017, i.e. 31.12.2017 (never Excel's day 2017 in 1905).
  const nurJahr = /^\s*((?:19|20)\d{2})\s*$/.exec(wert);
  const d = nurJahr ? { jahr: Number(nurJahr[1]), monat: 12, tag: 31 } : liesDatum(wert);
  const ist = d ? datumIso(d) : null;
  if (ist === soll) return null;
  return befund(
    "I06",
    ist === null
      ? `${wo}: Stichtag „${wert}“ ist kein lesbares Datum; erwartet ${formatDatum(soll)} für das Förderjahr ${jahr}.`
      : `${wo}: Stichtag ${formatDatum(ist)} statt ${formatDatum(soll)} (31.12. des vorletzten Jahres vor dem Förderjahr ${jahr}).`,
    ort,
  );
}
