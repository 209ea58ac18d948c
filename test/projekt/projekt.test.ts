/** Promises of the repository itself. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../shared";
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
});
