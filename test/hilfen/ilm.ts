/** The Ilm-Kreis plan 2019 from data/, with the made-up Finanzplan of shared/beispiel/ilm.ts. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ilmAnfrage as anfrageAus, type IlmPlan } from "../../shared/beispiel/ilm";
import { REPO } from "./daten";

export { ERFUNDENE_LANDESMITTEL } from "../../shared/beispiel/ilm";

export const ILM_PLAN = JSON.parse(
  readFileSync(resolve(REPO, "data/ilm-kreis-2019-massnahmen.json"), "utf8"),
) as IlmPlan;

export function ilmAnfrage() {
  return anfrageAus(ILM_PLAN);
}
