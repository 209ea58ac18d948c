/**
 * Dependencies kept (issue 29, point 8): exceljs's unmaintained tree is overridden in package.json and
 * gone from the lockfile that `npm ci` installs; `engines` says the Node the tools need.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../hilfen/daten";

interface Paket {
  engines: { node: string };
  overrides?: Record<string, Record<string, string>>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const paket = JSON.parse(readFileSync(resolve(REPO, "package.json"), "utf8")) as Paket;
const sperre = JSON.parse(readFileSync(resolve(REPO, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } }>;
};

/** Every installed version of a package, as the lockfile lists it. */
function versionen(name: string): string[] {
  return Object.entries(sperre.packages)
    .filter(([pfad]) => pfad === `node_modules/${name}` || pfad.endsWith(`/node_modules/${name}`))
    .map(([, p]) => p.version!);
}
const haupt = (v: string) => v.split(".").map(Number) as [number, number, number];

describe("dependencies kept", () => {
  it("exceljs's unzipper, archiver and fast-csv are overridden to maintained majors", () => {
    expect(paket.overrides?.["exceljs"]).toEqual({
      unzipper: "^0.12.3",
      archiver: "^7.0.1",
      "fast-csv": "^5.0.5",
    });
    expect(versionen("unzipper").every((v) => haupt(v)[1] >= 12)).toBe(true);
    expect(versionen("archiver").every((v) => haupt(v)[0] >= 7)).toBe(true);
    expect(versionen("fast-csv").every((v) => haupt(v)[0] >= 5)).toBe(true);
  });

  it("none of the unmaintained packages it pulled is installed: fstream, inflight, rimraf < 4, glob < 9", () => {
    expect(versionen("fstream")).toEqual([]);
    expect(versionen("inflight")).toEqual([]);
    expect(versionen("rimraf").filter((v) => haupt(v)[0] < 4)).toEqual([]);
    expect(versionen("glob").filter((v) => haupt(v)[0] < 9)).toEqual([]);
  });

  it("engines asks for the Node that wrangler needs, and the lockfile's root says the same", () => {
    expect(paket.engines.node).toBe(">=22.12.0");
    expect(sperre.packages[""]!.engines?.node).toBe(paket.engines.node);
    expect(versionen("wrangler")[0]).toBeDefined();
    expect(sperre.packages["node_modules/wrangler"]!.engines?.node).toBe(">=22.12.0");
  });

  it("the lockfile installs what package.json asks for (what `npm ci` checks)", () => {
    for (const [name, spanne] of Object.entries({ ...paket.dependencies, ...paket.devDependencies })) {
      const v = sperre.packages[`node_modules/${name}`]?.version;
      expect(v, name).toBeDefined();
      const mindest = spanne.replace(/^[\^~]/, "");
      if (/^\d+\.\d+\.\d+$/.test(mindest)) {
        const [a, b, c] = haupt(v!);
        const [x, y, z] = haupt(mindest);
        expect(a * 1e8 + b * 1e4 + c, `${name} ${v} ≥ ${mindest}`).toBeGreaterThanOrEqual(
          x * 1e8 + y * 1e4 + z,
        );
      }
    }
  });
});
