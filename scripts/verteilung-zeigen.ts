/**
 * Shows the allocation over the 23 Kreise of 2017 in the terminal, each amount with its explanation.
 * Mindestsicherung per Kreis is MADE UP (see test/hilfen/daten.ts); population and area are real.
 */
import { allocationRequestSchema, formatEuro, formatProzent, verteile } from "../shared";
import { kreiseAlsRegionen } from "../test/hilfen/daten";

const haushalt = Number(process.argv[2] ?? 10_000_000);
const e = verteile(
  allocationRequestSchema.parse({
    regelwerk: "LSZ-2019",
    foerderjahr: 2019,
    haushaltsmittel_eur: haushalt,
    regionen: kreiseAlsRegionen(),
  }),
);
const cent = (x: number | null) => (x === null ? "–" : formatEuro(Math.round(x * 100)));
console.log(
  `Verteilung von ${cent(haushalt)} über ${e.regionen.length} Kreise (${e.regelwerk}, ${e.verfahren.normierung}, Gewichte 4 × 25 %)`,
);
console.log(
  "Mindestsicherung je Kreis ist ERFUNDEN (nicht öffentlich); Einwohner und Fläche sind amtlich (2017).\n",
);
const zeilen = e.regionen.map((r) => [
  r.schluessel,
  (r.name ?? "").slice(0, 34),
  cent(r.foerderhoechstbetrag_eur),
  formatProzent(r.anteil_gesamt ?? 0, "de", 3),
  cent(r.betraege_je_indikator_eur.bevoelkerung),
  cent(r.betraege_je_indikator_eur.abhaengigenquotient),
  cent(r.betraege_je_indikator_eur.mindestsicherung),
  cent(r.betraege_je_indikator_eur.inverse_dichte),
  cent(r.rundungsdifferenz_eur),
]);
const kopf = [
  "AGS",
  "Kreis",
  "Förderhöchstbetrag",
  "Anteil",
  "Bevölkerung",
  "Abhängigenq.",
  "Mindestsich.",
  "inv. Dichte",
  "Rundung",
];
const breiten = kopf.map((k, i) => Math.max(k.length, ...zeilen.map((z) => z[i]!.length)));
const zeile = (z: string[]) =>
  z.map((x, i) => (i < 2 ? x.padEnd(breiten[i]!) : x.padStart(breiten[i]!))).join("  ");
console.log(zeile(kopf));
for (const z of zeilen) console.log(zeile(z));
console.log(`\nSumme: ${cent(e.summe_eur)} (Haushaltsmittel ${cent(haushalt)})`);
for (const b of e.befunde) console.log(`${b.schwere.toUpperCase()} ${b.regel}: ${b.meldung}`);
