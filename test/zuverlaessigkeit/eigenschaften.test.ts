/** The long runs of two properties: 1.000 random workbooks written back, 10.000 random allocations. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocationRequestSchema, verteile } from "../../shared";
import { pruefeZufallsmappe, zufallsmappeArb } from "../addin/zufallsmappe";
import { regionenArb, verfahrenArb } from "../shared/allocation/zufall";

describe("reliability: properties at length", () => {
  it("write-back over 1.000 random workbooks", async () => {
    await fc.assert(fc.asyncProperty(zufallsmappeArb(), pruefeZufallsmappe), { numRuns: 1000 });
  }, 600_000);

  it("10.000 random allocations add up exactly, to the cent", () => {
    fc.assert(
      fc.property(
        regionenArb,
        fc.integer({ min: 0, max: 2_000_000_000 }),
        verfahrenArb,
        (regionen, budgetCent, v) => {
          const budget = v.rundung === "euro" ? Math.floor(budgetCent / 100) : budgetCent / 100;
          const e = verteile(
            allocationRequestSchema.parse({
              regelwerk: "LSZ-2019",
              foerderjahr: 2019,
              ebene: "frei",
              haushaltsmittel_eur: budget,
              verfahren: v,
              regionen,
            }),
          );
          expect(e.berechnet).toBe(true);
          expect(e.regionen.reduce((s, r) => s + Math.round(r.foerderhoechstbetrag_eur! * 100), 0)).toBe(
            Math.round(budget * 100),
          );
        },
      ),
      { numRuns: 10_000 },
    );
  }, 600_000);
});
