/**
 * One reader per kind of value (issue 30): whatever one field of a kind accepts, every field of that
 * kind accepts — dates (Beginn, Ende, Fachplan date, Stichtag of the table and of a region), euro
 * amounts (every Finanzplan amount, the Förderhöchstbetrag, a region's Vorjahresbetrag, and the
 * Haushaltsmittel and Sockelbetrag on the Parameter sheet), counts (every count column of the
 * Indikatoren table) and shares (the indicator weights, a typed quota). Each field is reached the way
 * its cells are read in the product, not by calling the reader the fields are meant to share.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BETRAGSFELDER,
  verteilAnfrage,
  type AllocationRequest,
  type Arbeitsmappe,
  type FinanzplanZeile,
  type MassnahmeZeile,
  type Region,
  type ValidationRequest,
} from "../../shared";
import { liesFinanzzeile, liesKreis, liesMassnahme } from "../../shared/pruefung/lesen";
import { I06 } from "../../shared/allocation/regeln";
import { verteilkontext, type Verteilkontext } from "../../shared/allocation/kontext";
import { ZAEHLFELD_LISTE, liesZaehlwerte } from "../../shared/allocation/zaehlwerte";
import { pruefeAngegebeneWerte } from "../../shared/allocation/teilregionen";
import { INDIKATOR, INDIKATOREN } from "../../shared/allocation/indikatoren";
import { createGateway } from "../../addin/src/gateway/gateway";
import { beispiel } from "../addin/fake-hilfen";
import { EIGENSCHAFT_ZEIT_MS, SAAT } from "../hilfen/saat";

type Wert = string | number;
type Feld = [name: string, liest: (w: Wert) => boolean];

let MAPPE: Arbeitsmappe;
beforeAll(async () => {
  MAPPE = (await createGateway(beispiel().api()).leseTabellen()).mappe;
});

/** The example workbook with one Parameter value replaced (by its label in the first column). */
function mitParameter(angabe: string, wert: Wert): Arbeitsmappe {
  const p = MAPPE.parameter!;
  const werte = p.werte.map((z) => (z[0] === angabe ? [z[0], wert, ...z.slice(2)] : z));
  if (!werte.some((z, i) => z !== p.werte[i])) throw new Error(`Parameter „${angabe}“ fehlt`);
  return { ...MAPPE, parameter: { ...p, werte } };
}

const stichtagGelesen = (anfrage: { stichtag?: string | null; regionen: Region[] }) =>
  !I06.pruefe({
    anfrage: { foerderjahr: 2019, ...anfrage },
    regionen: anfrage.regionen,
    stichtagSoll: "2017-12-31",
  } as unknown as Verteilkontext).some((b) => b.meldung.includes("kein lesbares Datum"));

// The Parameter sheet hands the allocation its Stichtag as text (a number as JavaScript prints it).
const alsText = (w: Wert) => (typeof w === "number" ? String(w) : w);

const DATUMSFELDER: Feld[] = [
  ["Beginn", (w) => liesMassnahme({ beginn: w } as MassnahmeZeile, 1).beginn.art === "zeitraum"],
  ["Ende", (w) => liesMassnahme({ ende: w } as MassnahmeZeile, 1).ende.art === "zeitraum"],
  [
    "Datum des Fachplans",
    (w) => liesKreis({ fachplan_datum: w } as ValidationRequest["kreis"]).fachplan !== null,
  ],
  ["Stichtag der Indikatoren", (w) => stichtagGelesen({ stichtag: alsText(w), regionen: [] })],
  [
    "Stichtag einer Region",
    (w) =>
      stichtagGelesen({
        regionen: [{ schluessel: "16070", name: "Ilm-Kreis", stichtag: alsText(w) } as Region],
      }),
  ],
];

const BETRAGSFELDER_ALLE: Feld[] = [
  ...[...BETRAGSFELDER, "gesamtausgaben", "bemessungsgrundlage"].map((f): Feld => [
    `Finanzplan ${f}`,
    (w) => liesFinanzzeile({ [f]: w } as unknown as FinanzplanZeile, 1).probleme.length === 0,
  ]),
  [
    "Förderhöchstbetrag",
    (w) =>
      liesKreis({ foerderhoechstbetrag_eur: w } as ValidationRequest["kreis"]).foerderhoechstbetrag !== null,
  ],
  [
    "Vorjahresbetrag",
    (w) =>
      verteilkontext({
        foerderjahr: 2019,
        haushaltsmittel_eur: 1000,
        regionen: [{ schluessel: "16070", name: "Ilm-Kreis", einwohner: 1, vorjahr_eur: w } as Region],
      } as AllocationRequest).vorjahr[0]!.art === "betrag",
  ],
  [
    "Haushaltsmittel",
    (w) => {
      const a = verteilAnfrage(mitParameter("Haushaltsmittel (€)", w));
      return a.ok && typeof a.anfrage.haushaltsmittel_eur === "number";
    },
  ],
  [
    "Sockelbetrag",
    (w) => {
      const a = verteilAnfrage(mitParameter("Sockelbetrag je Region (€)", w));
      return a.ok && a.anfrage.verfahren?.sockelbetrag_eur !== undefined;
    },
  ],
];

const ZAEHLFELDER_ALLE: Feld[] = ZAEHLFELD_LISTE.filter((f) => f !== "flaeche_km2").map((f): Feld => [
  f,
  (w) => {
    const g = liesZaehlwerte({ schluessel: "16070", name: "Ilm-Kreis", [f]: w } as Region, 1);
    return g.werte[f] !== null && !g.ungueltig.has(f);
  },
]);

const ANTEILFELDER: Feld[] = [
  ...INDIKATOREN.map((k): Feld => [
    `Gewicht ${k}`,
    (w) => {
      const a = verteilAnfrage(mitParameter(INDIKATOR[k].gewichtAngabe, w));
      return a.ok && a.anfrage.verfahren?.gewichte?.[k] !== undefined && a.hinweise.length === 0;
    },
  ]),
  ...(["mindestsicherungsquote_angegeben", "abhaengigenquotient_angegeben"] as const).map((f): Feld => [
    f,
    (w) =>
      pruefeAngegebeneWerte(
        [{ schluessel: "16070", name: "Ilm-Kreis", [f]: w } as Region],
        [{ km2_je_einwohner: null, mindestsicherungsquote: null, abhaengigenquotient: null }],
      ).length === 0,
  ]),
];

/** Every field reads w alike: all accept it or none does. */
function gleich(felder: Feld[], w: Wert): void {
  const ergebnis = felder.map(([name, liest]) => `${name}: ${liest(w) ? "gelesen" : "abgelehnt"}`);
  const ja = ergebnis.filter((e) => e.endsWith("gelesen")).length;
  expect(ja === 0 || ja === felder.length, `„${String(w)}“\n${ergebnis.join("\n")}`).toBe(true);
}

const MONATE = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
];
const KURZ = ["Jan.", "Feb.", "Mrz.", "Apr.", "Mai", "Jun.", "Jul.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];

/** Dates as plans and the documents write them, with the labels documents put in front. */
const datum = fc
  .record({
    tag: fc.integer({ min: 1, max: 28 }),
    monat: fc.integer({ min: 1, max: 12 }),
    jahr: fc.integer({ min: 2012, max: 2026 }),
    form: fc.integer({ min: 0, max: 17 }),
    vorne: fc.constantFrom(
      "",
      "Stand: ",
      "Zum Stichtag des ",
      "per Stichtag ",
      "ab ",
      "zum ",
      "im ",
      "Kreistagsbeschluss vom ",
      "voraussichtlich ",
    ),
  })
  .map(({ tag, monat, jahr, form, vorne }) => {
    const zz = (n: number) => String(n).padStart(2, "0");
    const formen = [
      `${zz(tag)}.${zz(monat)}.${jahr}`,
      `${tag}.${monat}.${String(jahr).slice(2)}`,
      `${jahr}-${zz(monat)}-${zz(tag)}`,
      `${tag}. ${MONATE[monat - 1]} ${jahr}`,
      `${MONATE[monat - 1]} ${jahr}`,
      `${KURZ[monat - 1]} ${jahr}`,
      `${zz(monat)}/${jahr}`,
      `${["I.", "II.", "III.", "IV."][(monat - 1) % 4]} Quartal ${jahr}`,
      `${["ersten", "zweitem", "drittem", "viertem"][(monat - 1) % 4]} Quartal ${jahr}`,
      `${1 + (monat % 2)}. Halbjahr ${jahr}`,
      `Jahres${["anfang", "mitte", "ende"][monat % 3]} ${jahr}`,
      `${["Anfang", "Mitte", "Ende"][monat % 3]} ${jahr}`,
      `${["Frühjahr", "Sommer", "Herbst", "Winter"][monat % 4]} ${jahr}`,
      `Beginn des Schuljahres ${jahr}/${String(jahr + 1).slice(2)}`,
      `${jahr}`,
      `Q${1 + (monat % 4)} ${jahr}`,
      `${jahr}/${jahr + 1}`,
      `Prüfung ${jahr}, Beginn des Schuljahres ${jahr}/${String(jahr + 1).slice(2)}`,
    ];
    return vorne + formen[form]!;
  });

const nichtLeer = fc.string({ maxLength: 16 }).filter((s) => s.trim() !== "");

describe("one reader per kind of value: what one field of a kind accepts, all accept", () => {
  it(
    "dates: Beginn, Ende, Fachplan date, Stichtag of the table and of a region",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            datum,
            nichtLeer,
            fc.integer({ min: 1900, max: 2200 }),
            fc.integer({ min: 20000, max: 80000 }),
          ),
          (w) => gleich(DATUMSFELDER, w),
        ),
        { seed: SAAT, numRuns: 400 },
      );
    },
    EIGENSCHAFT_ZEIT_MS,
  );

  it("the dates of the documents are read by every date field", () => {
    for (const w of [
      "31. Dezember 2017", // 000 §1.4 d: „Zum Stichtag des 31. Dezember 2017 …“
      "Zum Stichtag des 31. Dezember 2017",
      "Stand: 31.12.2017",
      "10. April 2019", // 000 §2 a: „Kreistagsbeschluss vom 10. April 2019“
      "Jahresanfang 2019", // 000 §2 a: „… zum Jahresanfang 2019“
      "Beginn des Schuljahres 2021/22", // 004, Handlungsziel 2.9
      "I. Quartal 2019", // 003 §6: „bis zum I. Quartal 2019“
      "Stand: 2019", // 004: „(Stand: 2019)“
    ])
      for (const [name, liest] of DATUMSFELDER) expect(liest(w), `${name}: ${w}`).toBe(true);
  });

  it(
    "euro amounts: every Finanzplan amount, Förderhöchstbetrag, Haushaltsmittel, Sockelbetrag",
    () => {
      const betrag = fc
        .record({
          cent: fc.integer({ min: 0, max: 5_000_000_00 }),
          form: fc.integer({ min: 0, max: 7 }),
        })
        .map(({ cent, form }): Wert => {
          const euro = Math.floor(cent / 100);
          const c = String(cent % 100).padStart(2, "0");
          const tausender = euro.toLocaleString("de-DE");
          return [
            cent / 100,
            `${tausender},${c} €`,
            `${euro},${c}`,
            `EUR ${tausender},${c}`,
            `${tausender},- €`,
            `${tausender} EUR`,
            `${euro}.${c}`,
            `${tausender},${c}5`,
          ][form]!;
        });
      fc.assert(
        fc.property(
          fc.oneof(betrag, nichtLeer, fc.constantFrom("1.50", "12,5 %", "-100", "25 Prozent")),
          (w) => gleich(BETRAGSFELDER_ALLE, w),
        ),
        { seed: SAAT, numRuns: 150 },
      );
    },
    EIGENSCHAFT_ZEIT_MS,
  );

  it(
    "counts: every count column, with the people as unit or another unit",
    () => {
      const anzahl = fc
        .record({
          n: fc.integer({ min: 1, max: 3_000_000 }),
          einheit: fc.constantFrom("", " Einwohner", " EW", " Personen", " Pers.", " km²", " ha", " €", " %"),
          punkt: fc.boolean(),
        })
        .map(({ n, einheit, punkt }) => `${punkt ? n.toLocaleString("de-DE") : n}${einheit}`);
      fc.assert(
        fc.property(fc.oneof(anzahl, nichtLeer), (w) => gleich(ZAEHLFELDER_ALLE, w)),
        { seed: SAAT, numRuns: 400 },
      );
    },
    EIGENSCHAFT_ZEIT_MS,
  );

  it(
    "shares: the four weights and a typed quota",
    () => {
      const anteil = fc
        .record({ p: fc.integer({ min: 0, max: 100 }), form: fc.integer({ min: 0, max: 5 }) })
        .map(
          ({ p, form }): Wert =>
            [p / 100, `${p} %`, `${p} Prozent`, `${p} v. H.`, `${p},0 %`, `${p} €`][form]!,
        );
      fc.assert(
        fc.property(fc.oneof(anteil, nichtLeer), (w) => gleich(ANTEILFELDER, w)),
        { seed: SAAT, numRuns: 150 },
      );
    },
    EIGENSCHAFT_ZEIT_MS,
  );
});

describe("a unit after a count or an area", () => {
  it("is read when it is the column's unit (Tabelle 2: „Fläche in km²“), named when it is not", () => {
    const flaeche = (w: Wert) =>
      liesZaehlwerte({ schluessel: "16070", name: "Ilm-Kreis", flaeche_km2: w } as Region, 1);
    expect(flaeche("805,12 km²").werte.flaeche_km2).toBe(805.12);
    expect(flaeche("55,08 km2").werte.flaeche_km2).toBe(55.08);
    const ha = flaeche("805 ha");
    expect(ha.werte.flaeche_km2).toBeNull();
    expect(ha.befunde[0]!.meldung).toContain("hat die Einheit „ha“; die Spalte erwartet km²");
    const ew = liesZaehlwerte(
      { schluessel: "16070", name: "Ilm-Kreis", einwohner: "106.675 Einwohner" } as Region,
      1,
    );
    expect(ew.werte.einwohner).toBe(106675);
    const falsch = liesZaehlwerte(
      { schluessel: "16070", name: "Ilm-Kreis", einwohner: "805,12 km²" } as Region,
      1,
    );
    expect(falsch.befunde[0]!.meldung).toContain("hat die Einheit „km²“");
  });
});
