/**
 * The Office tool chain an Office developer expects, checked offline: Microsoft's manifest reader
 * accepts manifest.xml (its online validation needs Microsoft's service: `npm run validate`), the
 * batch rules of eslint-plugin-office-addins are active where the add-in meets Excel, the scripts
 * exist and the office-addin packages are pinned.
 */
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { REPO } from "../hilfen/daten";

const paket = JSON.parse(readFileSync(resolve(REPO, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe("the Office tool chain", () => {
  it("office-addin-manifest reads manifest.xml: id, version, name and permissions as we declare them", async () => {
    const info = await OfficeAddinManifest.readManifestFile(resolve(REPO, "manifest.xml"));
    expect(info.id).toBe("5b0f7c1e-4a8e-4c55-9d1e-6f2b8a3c9d10");
    expect(info.version).toBe("0.1.0.0");
    expect(info.displayName).toBe("LSZ-Finanzplan");
    expect(info.defaultLocale).toBe("de-DE");
    expect(info.permissions).toBe("ReadWriteDocument");
  });

  it("the office-addins lint rules catch a value read before sync in the add-in's code", async () => {
    const eslint = new ESLint({ cwd: REPO });
    const [ergebnis] = await eslint.lintText(
      [
        "export async function f(ctx: { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { load(p: string): void; values: unknown[][] } } } }; sync(): Promise<void> }) {",
        '  const r = ctx.workbook.worksheets.getItem("A").getRange("A1");',
        '  r.load("values");',
        "  const v = r.values;",
        "  await ctx.sync();",
        "  return v;",
        "}",
        "",
      ].join("\n"),
      { filePath: resolve(REPO, "addin/src/gateway/beispiel.ts") },
    );
    expect(ergebnis!.messages.map((m) => m.ruleId)).toContain("office-addins/call-sync-after-load");
  }, 120_000); // loading ESLint's config takes longer than vitest's 5 s on a busy machine

  it("start:desktop, start:web, stop, validate, dev-server exist; the office-addin packages are pinned", () => {
    for (const s of ["start:desktop", "start:web", "stop", "validate", "dev-server"])
      expect(paket.scripts[s]).toBeDefined();
    expect(paket.scripts["validate"]).toMatch(
      /^office-addin-usage-data off && office-addin-manifest validate manifest\.xml$/,
    );
    for (const p of [
      "office-addin-manifest",
      "office-addin-dev-certs",
      "office-addin-usage-data",
      "eslint-plugin-office-addins",
    ])
      expect(paket.devDependencies[p], p).toMatch(/^\d+\.\d+\.\d+$/);
    // Sideloading runs office-addin-debugging in a pinned version with usage data switched off first.
    const office = readFileSync(resolve(REPO, "scripts/office.mjs"), "utf8");
    expect(office).toMatch(/office-addin-debugging@\d+\.\d+\.\d+/);
    expect(office).toContain('"office-addin-usage-data", "off"');
  });
});
