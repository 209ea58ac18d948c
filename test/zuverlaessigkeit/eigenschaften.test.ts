/** The long runs of two properties: 1.000 random workbooks written back, 10.000 random allocations. */
import fc from "fast-check";
import { describe, it } from "vitest";
import { pruefeZufallsmappe, zufallsmappeArb } from "../addin/zufallsmappe";
import { verteileExakt, verteilungArb } from "../shared/allocation/zufall";
import { SAAT } from "../hilfen/saat";

describe("reliability: properties at length", () => {
  it("write-back over 1.000 random workbooks", async () => {
    await fc.assert(fc.asyncProperty(zufallsmappeArb(), pruefeZufallsmappe), { numRuns: 1000, seed: SAAT });
  }, 600_000);

  it("10.000 random allocations add up exactly, to the cent", () => {
    fc.assert(
      fc.property(verteilungArb, ([regionen, budgetCent, v]) => {
        verteileExakt(regionen, budgetCent, v);
      }),
      { numRuns: 10_000, seed: SAAT },
    );
  }, 600_000);
});
