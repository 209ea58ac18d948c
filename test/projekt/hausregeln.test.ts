/**
 * The import rules of docs/architektur.md, enforced by lint (eslint.config.js): a tiny in-memory file
 * per forbidden import, linted as if it stood in that folder, must get the error — so removing a rule
 * from the config fails here. An allowed import in the same place must not.
 */
import { resolve } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../hilfen/daten";

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: REPO });
  await eslint.lintText("", { filePath: resolve(REPO, "shared/probe.ts") }); // loads the config once
}, 120_000);

/** The rules that fire on `code` as the file `datei` of the repository. */
async function fehler(datei: string, code: string): Promise<string[]> {
  const [ergebnis] = await eslint.lintText(code, { filePath: resolve(REPO, datei) });
  return ergebnis!.messages.map((m) => m.ruleId ?? m.message);
}

const VERBOTEN: [ordner: string, importe: string[]][] = [
  [
    "shared/pruefung",
    [
      "exceljs",
      "node:fs",
      "node:crypto",
      "fs",
      "path",
      "react",
      "react-dom",
      "@fluentui/react-components",
      "hono",
      "hono/cors",
      "../../addin/src/texte",
      "../../cli/lsz",
    ],
  ],
  ["worker", ["../addin/src/texte", "../addin/src/gateway/gateway", "../cli/lsz"]],
  ["cli", ["../addin/src/texte", "../addin/src/fake/fake-excel"]],
];

describe("house rules: what each folder may import", () => {
  for (const [ordner, importe] of VERBOTEN) {
    for (const modul of importe) {
      it(`${ordner}/ refuses „${modul}“`, async () => {
        const code = `import * as m from "${modul}";\nexport const x = m;\n`;
        expect(await fehler(`${ordner}/probe.ts`, code)).toContain("no-restricted-imports");
      });
    }
  }

  it("a type-only import is refused as well (it would tie shared/ to the package's types)", async () => {
    const code = `import type { Workbook } from "exceljs";\nexport type W = Workbook;\n`;
    expect(await fehler("shared/probe.ts", code)).toContain("no-restricted-imports");
  });

  for (const name of [
    "window",
    "document",
    "navigator",
    "localStorage",
    "Office",
    "Excel",
    "process",
    "Buffer",
  ]) {
    it(`shared/ refuses the global ${name}`, async () => {
      const code = `export const x = ${name};\n`;
      expect(await fehler("shared/probe.ts", code)).toContain("no-restricted-globals");
    });
  }

  it("the core's own imports and zod pass, and the add-in may import the core", async () => {
    expect(
      await fehler(
        "shared/pruefung/probe.ts",
        `import { z } from "zod";\nimport { befund } from "../befund";\nexport const x = [z, befund];\n`,
      ),
    ).toEqual([]);
    expect(
      await fehler(
        "worker/probe.ts",
        `import { VERSION } from "../shared/version";\nimport { Hono } from "hono";\nexport const x = [VERSION, Hono];\n`,
      ),
    ).toEqual([]);
    expect(
      await fehler(
        "cli/probe.ts",
        `import { readFileSync } from "node:fs";\nimport ExcelJS from "exceljs";\nimport { VERSION } from "../shared/version";\nexport const x = [readFileSync, ExcelJS, VERSION];\n`,
      ),
    ).toEqual([]);
  });
});

/** The rules that fire on `code` as errors (severity 2), not as warnings. */
async function alsFehler(datei: string, code: string): Promise<string[]> {
  const [ergebnis] = await eslint.lintText(code, { filePath: resolve(REPO, datei) });
  return ergebnis!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe("house rules: linear parsers (issue 29, point 6)", () => {
  // Two of the expressions the readers of shared/pruefung held until issue 29: each is quadratic on
  // a crafted cell („!!!!…x“, „stand     …“), and each must be an error wherever product code lives.
  const quadratischVerschoben = `export const f = (t: string) => t.replace(/[.!]+$/, "");\n`;
  const quadratischRueckwaerts = `export const f = (t: string) => /^stand\\s*:?\\s*\\d/.test(t);\n`;
  for (const datei of [
    "shared/pruefung/probe.ts",
    "shared/probe.ts",
    "worker/probe.ts",
    "cli/probe.ts",
    "addin/src/probe.ts",
  ]) {
    it(`${datei}: a regular expression that moves super-linearly is an error`, async () => {
      expect(await alsFehler(datei, quadratischVerschoben)).toContain("regexp/no-super-linear-move");
    });
    it(`${datei}: a regular expression that backtracks super-linearly is an error`, async () => {
      expect(await alsFehler(datei, quadratischRueckwaerts)).toContain("regexp/no-super-linear-backtracking");
    });
  }

  it("the linear spellings of the same cuts pass", async () => {
    const linear = `export const f = (t: string) => /^stand\\s*(?::\\s*)?\\d/.test(t);\n`;
    expect(await alsFehler("shared/pruefung/probe.ts", linear)).toEqual([]);
  });
});
