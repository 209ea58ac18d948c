/**
 * The JSON report's schema (docs/lsz-bericht.schema.json) is generated from the zod schema; this
 * fails when one is changed without the other (regenerate: npx tsx scripts/bericht-schema.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BERICHT_SCHEMA_VERSION, berichtJsonSchema } from "../../cli/bericht-schema";
import { REPO } from "../hilfen/daten";

describe("the report's JSON Schema", () => {
  it("docs/lsz-bericht.schema.json is what the zod schema generates, with its version", async () => {
    const datei = JSON.parse(await readFile(join(REPO, "docs/lsz-bericht.schema.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(datei).toEqual(berichtJsonSchema());
    expect(datei["properties"]).toMatchObject({ schema_version: { const: BERICHT_SCHEMA_VERSION } });
    expect(await readFile(join(REPO, "docs/vertrag.md"), "utf8")).toContain("lsz-bericht.schema.json");
  });
});
