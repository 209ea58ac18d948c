/**
 * pruefeInSchritten (issue 29): the worker checks a large plan in steps so that `/health` is answered
 * in between; the result must be pruefe's, whatever the plan holds.
 */
import { describe, expect, it } from "vitest";
import { pruefe, pruefeInSchritten, validationRequestSchema } from "../../../shared";
import { grosserPlan } from "../../../bench/validation";
import { ilmAnfrage } from "../../hilfen/ilm";

describe("pruefeInSchritten", () => {
  it("gives the same answer as pruefe, and pauses between the rules", async () => {
    const gross = grosserPlan(3000);
    gross.finanzplan[5] = { ...gross.finanzplan[5]!, sachausgaben: "viel" }; // F07
    gross.massnahmen[7] = { ...gross.massnahmen[7]!, art: "Erweiterung" }; // M03
    for (const roh of [ilmAnfrage(), gross]) {
      const anfrage = validationRequestSchema.parse(roh);
      let pausen = 0;
      const schritte = await pruefeInSchritten(anfrage, async () => {
        pausen++;
      });
      expect(schritte).toEqual(pruefe(anfrage));
      expect(pausen).toBeGreaterThan(10);
    }
  });
});
