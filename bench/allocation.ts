/** Allocation over 23, 1.000 and 100.000 regions (real Kreise, then synthetic regions). */
import { allocationRequestSchema, verteile, type Region } from "../shared";
import { regionSchema } from "../shared/allocation/schema";
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

/** A Kreis with 2.000 Gemeinden of 9 Ortsteile each: the hierarchy path (parents summed from leaves). */
function hierarchie(): Region[] {
  const r: Region[] = [{ schluessel: "K" }];
  for (let g = 0; g < 2000; g++) {
    r.push({ schluessel: `G${g}`, gehoert_zu: "K" });
    for (let o = 0; o < 9; o++)
      r.push({ schluessel: `G${g}-${o}`, gehoert_zu: `G${g}`, einwohner: 100 + o, flaeche_km2: 2 + o });
  }
  return r;
}

export function benchAllocation(kreise: Region[]): Messung[] {
  const nurEinwohnerUndFlaeche = { gewichte: { bevoelkerung: 0.5, inverse_dichte: 0.5 } };
  const faelle: [string, Region[], "zuwendungsempfaenger" | "frei", object?][] = [
    ["23 Kreise (real data)", kreise, "zuwendungsempfaenger"],
    ["1.000 regions", regionen(1000), "frei"],
    ["100.000 regions", regionen(100_000), "frei"],
    [
      "20.001 regions in a hierarchy (Kreis → 2.000 Gemeinden → 18.000 Ortsteile)",
      hierarchie(),
      "frei",
      nurEinwohnerUndFlaeche,
    ],
  ];
  return faelle.map(([name, rs, ebene, verfahren]) => {
    // The core itself, above the request limit too (LISTEN_GRENZEN.regionen binds the service, not
    // the engine): the request is parsed with its regions one by one, then given all of them.
    const kopf = allocationRequestSchema.parse({
      regelwerk: "LSZ-2019",
      foerderjahr: 2019,
      haushaltsmittel_eur: 10_000_000,
      ebene,
      ...(verfahren ? { verfahren } : {}),
      regionen: rs.slice(0, 1),
    });
    const anfrage = { ...kopf, regionen: rs.map((r) => regionSchema.parse(r)) };
    const probe = verteile(anfrage);
    if (!probe.berechnet || Math.round(probe.summe_eur! * 100) !== 1_000_000_000)
      throw new Error(`${name}: Verteilung nicht exakt`);
    return miss(name, rs.length, () => verteile(anfrage), rs.length >= 10_000 ? 5 : 21);
  });
}
