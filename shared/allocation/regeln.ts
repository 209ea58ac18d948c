/**
 * The allocation's checks (F09 and the I-codes, docs/regeln.md) as rule objects like the Finanzplan's:
 * each a code and what it finds in the Verteilkontext. A rule set chooses which run. I10 compares the
 * computed amounts with last year's and so runs after the distribution (`I10` below).
 */
import { befund, type Befund } from "../befund";
import { liesDatumsangabe } from "../pruefung/zeitraum";
import { formatDatum, formatEuro, formatProzent, formatZahl } from "../format";
import { betragsproblemText, istUeberAnteil, type Cent } from "../geld";
import { foerderperiodeText, inFoerderperiode, type Regelwerk } from "../regelwerke";
import { regionText } from "./hierarchie";
import { INDIKATOR, INDIKATOREN, type Indikatorwerte } from "./indikatoren";
import type { Verteilkontext, Verteilregel } from "./kontext";
import type { Region } from "./schema";
import { pruefeAngegebeneWerte, pruefeTeilregionen } from "./teilregionen";
import { ZAEHLFELDER, pruefeAltersgruppen, pruefeMindestsicherung, type Zaehlfeld } from "./zaehlwerte";

const GEWICHT_TOLERANZ = 1e-9;

const F09_FOERDERJAHR: Verteilregel = {
  code: "F09",
  pruefe: ({ anfrage, regelwerk }) =>
    inFoerderperiode(regelwerk, anfrage.foerderjahr)
      ? []
      : [
          befund(
            "F09",
            `Förderjahr ${anfrage.foerderjahr} liegt außerhalb der Förderperiode ${foerderperiodeText(regelwerk)} des Regelwerks ${regelwerk.id}.`,
            { tabelle: "parameter", spalte: "foerderjahr" },
          ),
        ],
};

/** The Stichtag of the table and of each region: 31.12. of the year before last. */
export const I06: Verteilregel = {
  code: "I06",
  pruefe: ({ anfrage, regionen, stichtagSoll }) => {
    const jahr = anfrage.foerderjahr;
    const befunde: Befund[] = [];
    if (anfrage.stichtag) {
      const ort = { tabelle: "parameter", spalte: "stichtag" } as const;
      const b = pruefeStichtag(anfrage.stichtag, stichtagSoll, jahr, "Indikatorentabelle", ort);
      if (b) befunde.push(b);
    }
    regionen.forEach((r, i) => {
      if (!r.stichtag) return;
      const ort = { tabelle: "regionen", zeile: i + 1, spalte: "stichtag" } as const;
      const b = pruefeStichtag(r.stichtag, stichtagSoll, jahr, regionText(r), ort);
      if (b) befunde.push(b);
    });
    return befunde;
  },
};

/** Weights not negative and adding up to 100 %; the Sockelbetrag for every region within the budget. */
export const I07: Verteilregel = {
  code: "I07",
  pruefe: ({ verfahren, sockelCent, haushaltCent, hierarchie }) => {
    const befunde: Befund[] = [];
    for (const k of INDIKATOREN) {
      const g = verfahren.gewichte[k];
      if (g < 0)
        befunde.push(
          befund("I07", `Gewicht ${INDIKATOR[k].name} ist negativ (${formatProzent(g)}).`, {
            tabelle: "parameter",
            spalte: `gewichte.${k}`,
          }),
        );
    }
    const summe = INDIKATOREN.reduce((s, k) => s + verfahren.gewichte[k], 0);
    if (Math.abs(summe - 1) > GEWICHT_TOLERANZ) {
      const liste = INDIKATOREN.map((k) => formatProzent(verfahren.gewichte[k])).join(" + ");
      befunde.push(
        befund("I07", `Die Gewichte ergeben ${formatProzent(summe)} statt 100 % (${liste}).`, {
          tabelle: "parameter",
          spalte: "gewichte",
        }),
      );
    }
    const n = hierarchie.blaetter.length;
    if (sockelCent !== null && haushaltCent !== null && sockelCent * n > haushaltCent)
      befunde.push(
        befund(
          "I07",
          `Sockelbetrag ${formatEuro(sockelCent)} × ${n} Regionen = ${formatEuro(sockelCent * n)} übersteigt die Haushaltsmittel ${formatEuro(haushaltCent)}.`,
          { tabelle: "parameter", spalte: "sockelbetrag_eur" },
        ),
      );
    return befunde;
  },
};

/** Haushaltsmittel and Sockelbetrag in the rounding unit. */
export const I12: Verteilregel = {
  code: "I12",
  pruefe: ({ anfrage, verfahren, haushaltCent, sockelCent, einheit }) => {
    const einheitText = verfahren.rundung === "euro" ? "volle Euro" : "volle Cent";
    return (
      [
        [anfrage.haushaltsmittel_eur, haushaltCent, "haushaltsmittel_eur", "Haushaltsmittel"],
        [verfahren.sockelbetrag_eur, sockelCent, "sockelbetrag_eur", "Sockelbetrag"],
      ] as const
    )
      .filter(([, cent]) => cent === null || cent % einheit !== 0)
      .map(([wert, , spalte, name]) =>
        befund(
          "I12",
          `${name} ${formatZahl(wert, "de", 6)} € sind keine ${einheitText}; bei Rundung „${verfahren.rundung}“ muss der Betrag auf ${einheitText} lauten.`,
          { tabelle: "parameter", spalte },
        ),
      );
  },
};

/** The table's structure: a key twice (below the Kreis level), an unknown or circular parent. */
export const I11: Verteilregel = {
  code: "I11",
  pruefe: ({ hierarchie }) => hierarchie.befunde.filter((b) => b.regel === "I11"),
};

/** The top-level regions are the rule set's Zuwendungsempfänger of the year: none twice, missing or extra. */
export const I01: Verteilregel = {
  code: "I01",
  pruefe: (k) => [
    ...k.hierarchie.befunde.filter((b) => b.regel === "I01"),
    ...(k.ebene === "zuwendungsempfaenger" ? pruefeZuwendungsempfaenger(k) : []),
  ],
};

/** Counts readable, needed counts present, and no weighted indicator 0 everywhere. */
export const I04: Verteilregel = {
  code: "I04",
  pruefe: (k) => [
    ...k.gelesen.flatMap((g) => g.befunde),
    ...fehlendeZaehlwerte(k),
    ...k.nullsummen
      .filter((i) => k.verfahren.gewichte[i] > 0)
      .map((i) =>
        befund(
          "I04",
          `Der Indikator ${INDIKATOR[i].name} ist über alle Regionen 0: nach ihm kann nichts verteilt werden (Gewicht auf 0 setzen oder Werte eintragen).`,
          { tabelle: "regionen", spalte: INDIKATOR[i].benoetigt[INDIKATOR[i].benoetigt.length - 1]! },
        ),
      ),
  ],
};

export const I02: Verteilregel = {
  code: "I02",
  pruefe: ({ regionen, gelesen }) =>
    regionen.flatMap((r, i) => pruefeAltersgruppen(r, i + 1, gelesen[i]!.werte)),
};

export const I03: Verteilregel = {
  code: "I03",
  pruefe: ({ regionen, gelesen }) =>
    regionen.flatMap((r, i) => pruefeMindestsicherung(r, i + 1, gelesen[i]!.werte)),
};

export const I05: Verteilregel = {
  code: "I05",
  pruefe: ({ regionen, indikatoren, regelwerk }) =>
    regionen.flatMap((r, i) => pruefeQuoten(r, i + 1, indikatoren[i]!, regelwerk)),
};

export const I08: Verteilregel = {
  code: "I08",
  pruefe: ({ regionen, gelesen, hierarchie }) =>
    pruefeTeilregionen(
      regionen,
      gelesen.map((g) => g.werte),
      hierarchie.kinder,
    ),
};

export const I09: Verteilregel = {
  code: "I09",
  pruefe: ({ regionen, indikatoren }) => pruefeAngegebeneWerte(regionen, indikatoren),
};

/** The checks of the input, in the order their findings are listed. */
export const VERTEILREGELN: readonly Verteilregel[] = [
  F09_FOERDERJAHR,
  I06,
  I07,
  I12,
  I11,
  I01,
  I04,
  I02,
  I03,
  I05,
  I08,
  I09,
];

/** After the distribution: each region's amount against last year's (a Hinweis above the rule set's change). */
export const I10 = {
  code: "I10",
  pruefe(k: Verteilkontext, betragCent: readonly (Cent | null)[]): Befund[] {
    const grenze = k.regelwerk.grenzen.veraenderung_vorjahr;
    return k.regionen.flatMap((r, i) => {
      const ort = { tabelle: "regionen", zeile: i + 1, spalte: "vorjahr_eur" } as const;
      const vorjahr = k.vorjahr[i]!;
      if (vorjahr.art === "leer") return [];
      if (vorjahr.art !== "betrag") {
        const warum = vorjahr.art === "problem" ? betragsproblemText(vorjahr.grund, vorjahr.text) : "fehlt";
        return [
          befund(
            "I10",
            `${regionText(r)}: Vorjahresbetrag ${warum}; der Vergleich mit dem Vorjahr entfällt.`,
            ort,
          ),
        ];
      }
      const betrag = betragCent[i] ?? null;
      const alt = vorjahr.cent;
      if (betrag === null || !(alt === 0 ? betrag > 0 : istUeberAnteil(Math.abs(betrag - alt), alt, grenze)))
        return [];
      const veraenderung = alt > 0 ? (betrag - alt) / alt : null;
      const prozent =
        veraenderung === null
          ? ""
          : ` (${veraenderung > 0 ? "+" : ""}${formatProzent(veraenderung, "de", 1)})`;
      return [
        befund(
          "I10",
          `${regionText(r)}: ${formatEuro(betrag)} statt ${formatEuro(alt)} im Vorjahr${prozent}, Änderung über ${formatProzent(grenze)}.`,
          ort,
        ),
      ];
    });
  },
} as const;

function fehlendeZaehlwerte(k: Verteilkontext): Befund[] {
  const befunde: Befund[] = [];
  const benoetigt = new Set<Zaehlfeld>(["einwohner"]);
  for (const i of k.aktiv) for (const f of INDIKATOR[i].benoetigt) benoetigt.add(f);
  for (const i of k.hierarchie.blaetter) {
    for (const f of benoetigt) {
      if (k.gelesen[i]!.werte[f] !== null || k.gelesen[i]!.ungueltig.has(f)) continue;
      const fuer = k.aktiv.filter((a) => (INDIKATOR[a].benoetigt as readonly Zaehlfeld[]).includes(f));
      const wofuer = fuer.length ? ` (gebraucht für ${fuer.map((a) => INDIKATOR[a].name).join(", ")})` : "";
      befunde.push(
        befund("I04", `${regionText(k.regionen[i]!)}: ${ZAEHLFELDER[f].de} fehlt${wofuer}.`, {
          tabelle: "regionen",
          zeile: i + 1,
          spalte: f,
        }),
      );
    }
  }
  return befunde;
}

function pruefeZuwendungsempfaenger({
  regionen,
  hierarchie,
  regelwerk: rw,
  anfrage,
}: Verteilkontext): Befund[] {
  const jahr = anfrage.foerderjahr;
  const befunde: Befund[] = [];
  const bekannt = new Map(rw.zuwendungsempfaenger.map((k) => [k.schluessel, k]));
  const gefunden = new Set<string>();
  regionen.forEach((r, i) => {
    if (hierarchie.eltern[i] !== -1 || r.gehoert_zu?.trim()) return; // only the top level are Zuwendungsempfänger
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
  // The one date reader (as Beginn, Ende and the Fachplan date). A Stichtag is the last day of what
  // the words name: „2017“ alone is the year-end figures of 2017, i.e. 31.12.2017 (never Excel's day
  // 2017 in 1905), „Jahresende 2017“ and „Dezember 2017“ alike.
  const ist = liesDatumsangabe(wert)?.bis ?? null;
  if (ist === soll) return null;
  return befund(
    "I06",
    ist === null
      ? `${wo}: Stichtag „${wert}“ ist kein lesbares Datum; erwartet ${formatDatum(soll)} für das Förderjahr ${jahr}.`
      : `${wo}: Stichtag ${formatDatum(ist)} statt ${formatDatum(soll)} (31.12. des vorletzten Jahres vor dem Förderjahr ${jahr}).`,
    ort,
  );
}
