/**
 * Test data: the real 23 Kreise of 2017 (data/thueringen-kreise-2017.csv) and the Ilm-Kreis plan.
 * Mindestsicherung per Kreis is not public: `erfundeneMindestsicherung` MAKES IT UP (about 8 % of the
 * inhabitants, varied by Kreis; the Ilm-Kreis gets its real 9.120).
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Region } from "../../shared";
import { kreiseAusCsv, kreiseAlsRegionenAus } from "./kreise-csv";

export { erfundeneMindestsicherung, type KreisZeile } from "./kreise-csv";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function leseKreise2017() {
  return kreiseAusCsv(readFileSync(resolve(REPO, "data/thueringen-kreise-2017.csv"), "utf8"));
}

export function kreiseAlsRegionen(): Region[] {
  return kreiseAlsRegionenAus(leseKreise2017());
}
