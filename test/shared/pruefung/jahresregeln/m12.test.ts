/**
 * The year-sum rule M12 (shared/pruefung/regeln/jahr/m12.ts): a plan that breaks it and a near miss that
 * does not, with the Musterplan of test/hilfen/plan.ts.
 */
import { describe, expect, it } from "vitest";
import { codes, plan, pruefePlan, zeile, MASSNAHMEN } from "../../../hilfen/plan";

describe("M12: Anteil des Kreises selbst (je Förderjahr)", () => {
  it("M12: the Kreis itself receives more than half of the Landesmittel; exactly half passes", () => {
    const kreisSelbst = (nr: string) => ({
      ...MASSNAHMEN.find((m) => m.nr === nr)!,
      traegerart: "Landratsamt",
    });
    // 1.1 + 2.1 + 3.1 + 5.1 = 56.000 of 100.100 € (55,9 %)
    const mehr = MASSNAHMEN.map((m) =>
      ["1.1", "2.1", "3.1", "5.1"].includes(m.nr as string) ? kreisSelbst(m.nr as string) : m,
    );
    expect(pruefePlan({ massnahmen: mehr }).befunde).toEqual([
      expect.objectContaining({
        regel: "M12",
        schwere: "hinweis",
        meldung:
          "2019: der Kreis selbst erhält 56.000,00 € von 100.100,00 € Landesmitteln (55,9 %): Trägerpluralität und Vorrang freier Träger begründen.",
      }),
    ]);
    // Exactly half: 1.1 (the Kreis) and 4.1 (a church provider) get 50.050 € each
    const haelfte = [zeile("1.1", 50050), zeile("4.1", 50050)];
    expect(
      codes(
        pruefePlan({
          massnahmen: mehr,
          finanzplan: haelfte,
          kreis: { ...plan().kreis, foerderhoechstbetrag_eur: 100100 },
        }),
      ),
    ).toEqual(["F11", "F11", "F11", "F11"]);
  });
});
