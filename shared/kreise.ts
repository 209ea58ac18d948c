/**
 * The Zuwendungsempfänger: Thuringia's Landkreise and kreisfreie Städte by Kreisschlüssel (AGS).
 * Eisenach (16056) joined the Wartburgkreis (16063) on 2021-07-01.
 */

export interface Kreis {
  schluessel: string;
  name: string;
  art: "Landkreis" | "kreisfreie Stadt";
}

export const KREISE_THUERINGEN_2019: readonly Kreis[] = [
  { schluessel: "16051", name: "Erfurt", art: "kreisfreie Stadt" },
  { schluessel: "16052", name: "Gera", art: "kreisfreie Stadt" },
  { schluessel: "16053", name: "Jena", art: "kreisfreie Stadt" },
  { schluessel: "16054", name: "Suhl", art: "kreisfreie Stadt" },
  { schluessel: "16055", name: "Weimar", art: "kreisfreie Stadt" },
  { schluessel: "16056", name: "Eisenach", art: "kreisfreie Stadt" },
  { schluessel: "16061", name: "Eichsfeld", art: "Landkreis" },
  { schluessel: "16062", name: "Nordhausen", art: "Landkreis" },
  { schluessel: "16063", name: "Wartburgkreis", art: "Landkreis" },
  { schluessel: "16064", name: "Unstrut-Hainich-Kreis", art: "Landkreis" },
  { schluessel: "16065", name: "Kyffhäuserkreis", art: "Landkreis" },
  { schluessel: "16066", name: "Schmalkalden-Meiningen", art: "Landkreis" },
  { schluessel: "16067", name: "Gotha", art: "Landkreis" },
  { schluessel: "16068", name: "Sömmerda", art: "Landkreis" },
  { schluessel: "16069", name: "Hildburghausen", art: "Landkreis" },
  { schluessel: "16070", name: "Ilm-Kreis", art: "Landkreis" },
  { schluessel: "16071", name: "Weimarer Land", art: "Landkreis" },
  { schluessel: "16072", name: "Sonneberg", art: "Landkreis" },
  { schluessel: "16073", name: "Saalfeld-Rudolstadt", art: "Landkreis" },
  { schluessel: "16074", name: "Saale-Holzland-Kreis", art: "Landkreis" },
  { schluessel: "16075", name: "Saale-Orla-Kreis", art: "Landkreis" },
  { schluessel: "16076", name: "Greiz", art: "Landkreis" },
  { schluessel: "16077", name: "Altenburger Land", art: "Landkreis" },
];

export const KREISE_THUERINGEN_2022: readonly Kreis[] = KREISE_THUERINGEN_2019.filter(
  (k) => k.schluessel !== "16056",
);
