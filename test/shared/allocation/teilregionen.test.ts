/**
 * I08 and I09 over a region hierarchy: a Kreis with its Gemeinden and their Ortsteile.
 * The figures are made up but shaped like the Ilm-Kreis.
 */
import { describe, expect, it } from "vitest";
import { allocationRequestSchema, verteile, type Region } from "../../../shared";

const REGIONEN: Region[] = [
  { schluessel: "16070", name: "Ilm-Kreis", einwohner: 74380, flaeche_km2: 409.56 },
  { schluessel: "16070004", name: "Arnstadt", gehoert_zu: "16070", einwohner: 27304, flaeche_km2: 103.26 },
  { schluessel: "16070029", name: "Ilmenau", gehoert_zu: "16070", einwohner: 38911, flaeche_km2: 200.61 },
  { schluessel: "16070048", name: "Stadtilm", gehoert_zu: "16070", einwohner: 8165, flaeche_km2: 105.69 },
  {
    schluessel: "16070029-1",
    name: "Ilmenau Kernstadt",
    gehoert_zu: "16070029",
    einwohner: 26000,
    flaeche_km2: 60.2,
  },
  {
    schluessel: "16070029-2",
    name: "Ilmenau Ortsteile",
    gehoert_zu: "16070029",
    einwohner: 12911,
    flaeche_km2: 140.41,
  },
];

function verteileGemeinden(regionen: Region[]) {
  return verteile(
    allocationRequestSchema.parse({
      foerderjahr: 2019,
      haushaltsmittel_eur: 50000,
      ebene: "frei",
      verfahren: { gewichte: { bevoelkerung: 0.5, inverse_dichte: 0.5 } },
      regionen,
    }),
  );
}

describe("I08: sub-regions add up to their total", () => {
  it("a consistent hierarchy gives no finding, and the parents carry the sums", () => {
    const e = verteileGemeinden(REGIONEN);
    expect(e.befunde).toEqual([]);
    const [kreis, , ilmenau, , kern, ot] = e.regionen;
    expect(kreis!.foerderhoechstbetrag_eur).toBe(50000);
    expect(ilmenau!.foerderhoechstbetrag_eur).toBe(
      kern!.foerderhoechstbetrag_eur! + ot!.foerderhoechstbetrag_eur!,
    );
    expect(e.regionen.filter((r) => !r.ist_summe).map((r) => r.name)).toEqual([
      "Arnstadt",
      "Stadtilm",
      "Ilmenau Kernstadt",
      "Ilmenau Ortsteile",
    ]);
  });

  it("inhabitants that do not add up, at each level", () => {
    const e = verteileGemeinden(
      REGIONEN.map((r) => (r.schluessel === "16070029-2" ? { ...r, einwohner: 12910 } : r)),
    );
    expect(e.befunde.map((b) => `${b.regel}:${b.zeile}:${b.spalte}`)).toEqual(["I08:3:einwohner"]);
    expect(e.befunde[0]!.meldung).toBe(
      "Ilmenau (16070029): die 2 Teilregionen haben zusammen 38.910 Einwohner, die Region selbst 38.911 (Differenz -1).",
    );
    expect(e.berechnet).toBe(false);
  });

  it("areas may differ by the rounding of each part, not more", () => {
    const knapp = verteileGemeinden(
      REGIONEN.map((r) => (r.schluessel === "16070" ? { ...r, flaeche_km2: 409.57 } : r)),
    );
    expect(knapp.befunde).toEqual([]);
    const zuviel = verteileGemeinden(
      REGIONEN.map((r) => (r.schluessel === "16070" ? { ...r, flaeche_km2: 409.6 } : r)),
    );
    expect(zuviel.befunde.map((b) => `${b.regel}:${b.zeile}:${b.spalte}`)).toEqual(["I08:1:flaeche_km2"]);
  });

  it("a parent without its own counts takes its children's", () => {
    const e = verteileGemeinden(
      REGIONEN.map((r) =>
        r.schluessel === "16070029" ? { schluessel: r.schluessel, name: r.name, gehoert_zu: "16070" } : r,
      ),
    );
    expect(e.befunde).toEqual([]);
    expect(e.regionen[2]!.indikatoren.einwohner).toBe(38911);
  });
});

describe("I09: typed derived values against the recomputed ones", () => {
  const kreis = (extra: Partial<Region>): Region => ({
    schluessel: "16070",
    name: "Ilm-Kreis",
    einwohner: 108830,
    unter_20: 17709,
    von_20_bis_unter_65: 63429,
    ab_65: 27692,
    mindestsicherung: 9120,
    flaeche_km2: 843.71,
    ...extra,
  });
  const pruefe = (extra: Partial<Region>) =>
    verteile(
      allocationRequestSchema.parse({
        foerderjahr: 2019,
        haushaltsmittel_eur: 1000,
        ebene: "frei",
        regionen: [
          kreis(extra),
          {
            schluessel: "X",
            einwohner: 1000,
            unter_20: 200,
            von_20_bis_unter_65: 600,
            ab_65: 200,
            mindestsicherung: 80,
            flaeche_km2: 10,
          },
        ],
      }),
    ).befunde;

  it("values that agree at the precision typed pass", () => {
    // 71,6 per 100; 8,38 %; 0,00775 and 0,0078 km² per inhabitant (843,71 ÷ 108.830 = 0,0077525…)
    expect(
      pruefe({
        abhaengigenquotient_angegeben: 71.6,
        mindestsicherungsquote_angegeben: "8,38 %",
        km2_je_einwohner_angegeben: "0,00775",
      }),
    ).toEqual([]);
    expect(pruefe({ abhaengigenquotient_angegeben: "0,716", km2_je_einwohner_angegeben: 0.0078 })).toEqual(
      [],
    );
  });

  it("values that differ are warnings naming both figures", () => {
    const b = pruefe({
      abhaengigenquotient_angegeben: 71.4,
      mindestsicherungsquote_angegeben: "8,5 %",
      km2_je_einwohner_angegeben: 0.0079,
    });
    expect(b.map((x) => `${x.regel}:${x.schwere}:${x.spalte}`)).toEqual([
      "I09:warnung:km2_je_einwohner_angegeben",
      "I09:warnung:mindestsicherungsquote_angegeben",
      "I09:warnung:abhaengigenquotient_angegeben",
    ]);
    expect(b[2]!.meldung).toBe(
      "Ilm-Kreis (16070): Abhängigenquotient angegeben 71,4, aus den Zählwerten berechnet 71,6.",
    );
  });
});
