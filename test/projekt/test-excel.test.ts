/**
 * `npm run test:excel` (scripts/test-excel.mjs) on a machine without desktop Excel — this one, and
 * every CI runner — says so in one German line and exits 0, so `npm test` elsewhere is never blocked
 * by it; where Excel is installed it is found in its Click-to-Run or Mac location.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../hilfen/daten";

describe("npm run test:excel without Excel", () => {
  it.skipIf(process.platform === "win32" || process.platform === "darwin")("one German line, exit 0", () => {
    const r = spawnSync(process.execPath, [resolve(REPO, "scripts/test-excel.mjs")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const zeilen = r.stdout.trim().split("\n");
    expect(zeilen).toHaveLength(1);
    expect(zeilen[0]).toMatch(
      /^test:excel: kein Desktop-Excel auf diesem Rechner \(\w+\) – übersprungen; .*docs\/betrieb\.md/,
    );
  });

  it("finds Excel where Microsoft 365 installs it, on Windows and the Mac", async () => {
    const { excelPfad } = (await import(resolve(REPO, "scripts/test-excel.mjs"))) as {
      excelPfad: (p: string, u: Record<string, string>, gibt: (p: string) => boolean) => string | null;
    };
    const win = "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE";
    expect(
      excelPfad("win32", { ProgramFiles: "C:\\Program Files" }, (p) => p.replaceAll("/", "\\") === win),
    ).not.toBeNull();
    expect(excelPfad("darwin", {}, (p) => p === "/Applications/Microsoft Excel.app")).toBe(
      "/Applications/Microsoft Excel.app",
    );
    expect(excelPfad("linux", {}, () => true)).toBeNull();
    expect(excelPfad("win32", { ProgramFiles: "C:\\Program Files" }, () => false)).toBeNull();
  });
});
