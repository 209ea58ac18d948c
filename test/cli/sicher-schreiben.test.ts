/**
 * Outputs written safely: a temporary file with a name nobody can guess, created exclusively and
 * without following a link, so that a link planted in the inbox never redirects a write.
 */
import { lstat, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { arbeitsordner } from "./hilfen";

// The random part of the temporary name, fixed so that the test can plant a link exactly there.
vi.mock("node:crypto", async (original) => ({
  ...(await original<typeof import("node:crypto")>()),
  randomBytes: (n: number) => Buffer.alloc(n, 0xab),
}));
const { schreibeSicher } = await import("../../cli/sicher-schreiben");

describe("schreibeSicher", () => {
  it("a link planted at the temporary name is not written through: the write fails in German, the link's target stays", async () => {
    const ordner = await arbeitsordner();
    const fremd = join(ordner, "fremd.txt");
    await writeFile(fremd, "bleibt unverändert");
    await symlink(fremd, join(ordner, `.bericht.csv.${"ab".repeat(12)}.tmp`));
    await expect(schreibeSicher(join(ordner, "bericht.csv"), "a;b\r\n")).rejects.toThrow(
      /^bericht\.csv: kann nicht geschrieben werden \(EEXIST\)/,
    );
    expect(await readFile(fremd, "utf8")).toBe("bleibt unverändert");
    expect((await lstat(join(ordner, `.bericht.csv.${"ab".repeat(12)}.tmp`))).isSymbolicLink()).toBe(true);
  });

  it("writes the bytes and leaves no temporary file; a link at the target is replaced, not followed", async () => {
    const ordner = await arbeitsordner();
    const fremd = join(ordner, "fremd.txt");
    await writeFile(fremd, "bleibt unverändert");
    await symlink(fremd, join(ordner, "a.geprueft.xlsx"));
    await schreibeSicher(join(ordner, "a.geprueft.xlsx"), async () => new Uint8Array([1, 2, 3]));
    expect(await readFile(fremd, "utf8")).toBe("bleibt unverändert");
    expect([...(await readFile(join(ordner, "a.geprueft.xlsx")))]).toEqual([1, 2, 3]);
    expect((await readdir(ordner)).sort()).toEqual(["a.geprueft.xlsx", "fremd.txt"]);
  });
});
