/** Promises of the repository itself. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REGELN, REGEL_CODES, VERSION } from "../../shared";
import { REPO } from "../hilfen/daten";

describe("the repository", () => {
  it("shared/version.ts equals package.json's version", () => {
    const pkg = JSON.parse(readFileSync(resolve(REPO, "package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it("the README starts with the two commands", () => {
    const readme = readFileSync(resolve(REPO, "README.md"), "utf8");
    const ersterBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(ersterBlock).toContain("npm install && npm start");
    expect(ersterBlock).toContain("npm test");
  });

  it(".ci/run runs the README's test command", () => {
    expect(readFileSync(resolve(REPO, ".ci/run"), "utf8")).toMatch(/^npm test$/m);
  });

  it("stands on its own: no tracked file points at the product owner's folder beside the repository", () => {
    const dateien = execFileSync("git", ["ls-files"], { cwd: REPO, encoding: "utf8" })
      .split("\n")
      .filter(
        (d) => d && d !== "package-lock.json" && !/\.(png|ico)$/.test(d) && existsSync(resolve(REPO, d)),
      );
    const aussen = dateien.filter((d) =>
      /\.\.\/shared\/(brief|data|dokumente)|shared\/brief\//.test(readFileSync(resolve(REPO, d), "utf8")),
    );
    expect(aussen).toEqual([]);
    for (const doc of ["docs/vertrag.md", "docs/regeln.md", "docs/fachlich.md"])
      expect(existsSync(resolve(REPO, doc)), doc).toBe(true);
  });

  it("docs/regeln.md lists every code of the catalogue with its severity, and no other", () => {
    const doc = readFileSync(resolve(REPO, "docs/regeln.md"), "utf8");
    const zeilen = [...doc.matchAll(/^\| ([A-Z]\d{2}) +\| ([^|]+?) +\|/gm)].map(
      (m) => [m[1]!, m[2]!] as const,
    );
    const SCHWERE = { fehler: "Fehler", warnung: "Warnung", hinweis: "Hinweis" } as const;
    expect(zeilen.map(([c]) => c).sort()).toEqual([...REGEL_CODES].sort());
    for (const [code, schwere] of zeilen) {
      const r = REGELN[code as keyof typeof REGELN];
      expect(schwere.split(" / "), code).toEqual(r.schweren.map((s) => SCHWERE[s]));
    }
  });

  it("no product code spreads a list into arguments (push(...x), Math.max(...x)): it overflows the stack on long lists", () => {
    const dateien = execFileSync("git", ["ls-files", "shared", "worker", "addin/src", "cli"], {
      cwd: REPO,
      encoding: "utf8",
    })
      .split("\n")
      .filter((d) => /\.tsx?$/.test(d) && existsSync(resolve(REPO, d)));
    const treffer = dateien.flatMap((d) =>
      readFileSync(resolve(REPO, d), "utf8")
        .split("\n")
        .map((z, i) => [d, i + 1, z] as const)
        .filter(([, , z]) => !z.trim().startsWith("*") && /\.push\(\.\.\.|Math\.(max|min)\(\.\.\./.test(z))
        .map(([d, n]) => `${d}:${n}`),
    );
    expect(treffer).toEqual([]);
  });
});
