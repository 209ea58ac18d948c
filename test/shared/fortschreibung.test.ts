/**
 * The plan's memory: two versions of the Ilm-Kreis example compared — as a Fortschreibung would
 * change it: a measure added, one dropped (a Bestandsschutz measure named apart), a title changed, an
 * amount changed; matched by Nr and Jahr; rows without a Nr or with a Nr twice named, not guessed.
 */
import { describe, expect, it } from "vitest";
import { pruefAnfrage, validationRequestSchema, type ValidationRequest } from "../../shared";
import { vergleichePlaene } from "../../shared/fortschreibung";
import { liesArt } from "../../shared/pruefung/woerter";
import { createGateway } from "../../addin/src/gateway/gateway";
import { beispiel } from "../addin/fake-hilfen";

async function beispielAnfrage(): Promise<ValidationRequest> {
  const a = pruefAnfrage((await createGateway(beispiel().api()).leseTabellen()).mappe);
  if (!a.ok) throw new Error(a.meldungen.join("; "));
  return validationRequestSchema.parse(a.anfrage);
}

describe("lsz vergleichen: two versions of a plan", () => {
  it("the same plan twice: nothing new, dropped or changed; the totals per year equal", async () => {
    const a = await beispielAnfrage();
    const v = vergleichePlaene(a, a);
    expect([v.neu, v.entfallen, v.geaendert, v.betraege, v.nichtZugeordnet]).toEqual([[], [], [], [], []]);
    expect(v.summen.length).toBeGreaterThan(0);
    for (const s of v.summen) expect(s.landesmittel[0]).toBe(s.landesmittel[1]);
  });

  it("a Fortschreibung: new, dropped (Bestandsschutz apart), changed, amounts per measure and year, totals", async () => {
    const alt = await beispielAnfrage();
    const bestand = alt.massnahmen.find((m) => liesArt(m.art) === "Bestandssicherung")!;
    const anderer = alt.massnahmen.find(
      (m) => m.nr !== bestand.nr && liesArt(m.art) !== "Bestandssicherung",
    )!;
    const fp = alt.finanzplan.find((z) => z.massnahme_nr === anderer.nr)!;
    const neu: ValidationRequest = {
      ...alt,
      massnahmen: [
        ...alt.massnahmen
          .filter((m) => m.nr !== bestand.nr)
          .map((m) => (m.nr === anderer.nr ? { ...m, titel: "Neuer Titel" } : m)),
        { ...anderer, nr: "9.9", titel: "Familienlotsen", art: "neu" },
      ],
      finanzplan: [
        ...alt.finanzplan
          .filter((z) => z.massnahme_nr !== bestand.nr)
          .map((z) => (z === fp ? { ...z, landesmittel: 15000 } : z)),
        { ...fp, massnahme_nr: "9.9", landesmittel: 1000 },
        { ...fp, massnahme_nr: null },
      ],
    };
    const v = vergleichePlaene(alt, neu);
    expect(v.neu).toEqual([{ nr: "9.9", titel: "Familienlotsen", bestandsschutz: false }]);
    expect(v.entfallen).toEqual([
      { nr: String(bestand.nr), titel: String(bestand.titel), bestandsschutz: true },
    ]);
    expect(v.geaendert).toEqual([
      { nr: String(anderer.nr), feld: "titel", vorher: String(anderer.titel), nachher: "Neuer Titel" },
    ]);
    const lm = (nr: unknown) =>
      v.betraege.find((b) => b.nr === String(nr) && b.jahr === fp.jahr)?.landesmittel;
    expect(lm(anderer.nr)).toEqual([Math.round(Number(fp.landesmittel) * 100), 1_500_000]);
    expect(lm("9.9")).toEqual([null, 100_000]);
    expect(v.betraege.some((b) => b.nr === String(bestand.nr) && b.landesmittel[1] === null)).toBe(true);
    expect(v.nichtZugeordnet).toEqual([
      `Finanzplan (neu) Zeile ${neu.finanzplan.length} der Tabelle: ohne Nr.`,
    ]);
    const summe = (r: ValidationRequest) =>
      r.finanzplan
        .filter((z) => z.jahr === fp.jahr && z.massnahme_nr !== null)
        .reduce((s, z) => s + Math.round(Number(z.landesmittel ?? 0) * 100), 0);
    const jahr = v.summen.find((s) => s.jahr === fp.jahr)!;
    expect(jahr.landesmittel[0]).toBe(summe(alt));
    // The row without a Nr still counts in its year's total: totals are over every row of the year.
    expect(jahr.landesmittel[1]).toBe(summe(neu) + Math.round(Number(fp.landesmittel) * 100));
  });

  it("a Nr twice is named and not compared", async () => {
    const alt = await beispielAnfrage();
    const doppelt = { ...alt, massnahmen: [...alt.massnahmen, { ...alt.massnahmen[0]!, titel: "Kopie" }] };
    const v = vergleichePlaene(alt, doppelt);
    expect(v.nichtZugeordnet).toEqual([
      `Maßnahmen (neu): ${String(alt.massnahmen[0]!.nr)} mehrfach – nicht verglichen`,
    ]);
    expect(v.entfallen).toEqual([]);
  });
});
