/** Allocation over 23, 1.000 and 100.000 regions (real Kreise, then synthetic regions). */
import { allocationRequestSchema, verteile, type Region } from "../shared";
import { miss, type Messung } from "./messen";

function regionen(n: number): Region[] {
  return Array.from({ length: n }, (_, i) => {
    const e = 1000 + ((i * 7919) % 200_000);
    const u = Math.round(e * 0.18);
    const a = Math.round(e * (0.2 + (i % 10) / 100));
    return {
      schluessel: String(10_000_000 + i),
      einwohner: e,
      unter_20: u,
      von_20_bis_unter_65: e - u - a,
      ab_65: a,
      mindestsicherung: Math.round(e * 0.08),
      flaeche_km2: 10 + (i % 900),
    };
  });
}

export function benchAllocation(kreise: Region[]): Messung[] {
  const faelle: [string, Region[], "zuwendungsempfaenger" | "frei"][] = [
    ["23 Kreise (real data)", kreise, "zuwendungsempfaenger"],
    ["1.000 regions", regionen(1000), "frei"],
    ["100.000 regions", regionen(100_000), "frei"],
  ];
  return faelle.map(([name, rs, ebene]) => {
    const anfrage = allocationRequestSchema.parse({
      regelwerk: "LSZ-2019",
      foerderjahr: 2019,
      haushaltsmittel_eur: 10_000_000,
      ebene,
      regionen: rs,
    });
    const probe = verteile(anfrage);
    if (!probe.berechnet || Math.round(probe.summe_eur! * 100) !== 1_000_000_000)
      throw new Error(`${name}: Verteilung nicht exakt`);
    return miss(name, rs.length, () => verteile(anfrage), rs.length >= 100_000 ? 5 : 21);
  });
}
