import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { IlmPlan } from "../shared/beispiel/ilm";
import { REPO } from "../test/hilfen/daten";

export const BEISPIEL = {
  plan: JSON.parse(readFileSync(resolve(REPO, "data/ilm-kreis-2019-massnahmen.json"), "utf8")) as IlmPlan,
  kreiseCsv: readFileSync(resolve(REPO, "data/thueringen-kreise-2017.csv"), "utf8"),
};
