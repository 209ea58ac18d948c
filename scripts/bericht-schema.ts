/**
 * Writes docs/lsz-bericht.schema.json from the zod schema of lsz's JSON report
 * (cli/bericht-schema.ts): `npx tsx scripts/bericht-schema.ts`. test/cli/bericht-schema.test.ts
 * fails when the file and the schema differ.
 */
import { writeFile } from "node:fs/promises";
import { berichtJsonSchema } from "../cli/bericht-schema";

const ziel = new URL("../docs/lsz-bericht.schema.json", import.meta.url);
await writeFile(ziel, JSON.stringify(berichtJsonSchema(), null, 2) + "\n", "utf8");
console.log(`geschrieben: ${ziel.pathname}`);
