/**
 * The template as a file: the three forms `lsz vorlage` writes (empty, the example, for one Kreis),
 * saved and read back with exceljs, cell by cell — values, formats, fonts, fills, notes, unlocked
 * cells, widths, heights, validations, tables, protection and print setup — against golden files.
 * The golden files were made from the template as `cli/vorlage.ts` built it imperatively, before it
 * became a thin caller of the sheet pictures (shared/arbeitsmappe/vorlagebilder.ts): the pictures
 * write the same workbook. A change of the template's look shows as a diff of these files.
 */
import { describe, expect, it } from "vitest";
import { erzeugeArbeitsmappe } from "../../cli/vorlage";
import { KREISE_THUERINGEN_2019 } from "../../shared/kreise";
import { VERSION } from "../../shared/version";
import { BEISPIEL } from "../addin/fake-hilfen";
import { xlsxAbbild } from "./xlsx-abbild";

const ILM = KREISE_THUERINGEN_2019.find((k) => k.schluessel === "16070")!;

/** The file's picture as JSON; the product version (in the Anleitung) as a placeholder, so a release keeps it. */
const json = async (wb: Parameters<typeof xlsxAbbild>[0]) =>
  `${JSON.stringify(await xlsxAbbild(wb), null, 1).replaceAll(`Vorlage ${VERSION}`, "Vorlage {VERSION}")}\n`;

describe("the template's file, read back with exceljs", () => {
  it("the empty template", async () => {
    await expect(await json(erzeugeArbeitsmappe(null))).toMatchFileSnapshot(
      "../shared/golden/vorlage-xlsx.json",
    );
  });

  it("the example workbook", async () => {
    await expect(await json(erzeugeArbeitsmappe(BEISPIEL))).toMatchFileSnapshot(
      "../shared/golden/beispiel-xlsx.json",
    );
  });

  it("the template for one Kreis", async () => {
    const fuer = { kreis: ILM, foerderjahr: 2019, foerderhoechstbetrag_eur: 453863 };
    await expect(await json(erzeugeArbeitsmappe(null, fuer))).toMatchFileSnapshot(
      "../shared/golden/kreisvorlage-xlsx.json",
    );
  });
});
