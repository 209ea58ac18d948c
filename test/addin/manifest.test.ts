/**
 * manifest.xml: what can be checked offline — well-formed XML, what Excel needs, the requirement set
 * the README states. (`npm run validate` runs Microsoft's validator, which needs its online service.)
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../hilfen/daten";

const text = readFileSync(resolve(REPO, "manifest.xml"), "utf8");
const xml: unknown = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(text);

/** The value at a dotted path of the parsed XML ("Hosts.Host.@Name"); attributes start with "@". */
function bei(pfad: string): unknown {
  const wurzel = (xml as Record<string, unknown>)["OfficeApp"];
  return pfad
    .split(".")
    .reduce<unknown>(
      (k, teil) => (k && typeof k === "object" ? (k as Record<string, unknown>)[teil] : undefined),
      wurzel,
    );
}

describe("manifest.xml", () => {
  it("is well-formed", () => {
    expect(XMLValidator.validate(text)).toBe(true);
  });

  it("is a task pane app for Excel workbooks with read/write access", () => {
    expect(bei("@xsi:type")).toBe("TaskPaneApp");
    expect(bei("Hosts.Host.@Name")).toBe("Workbook");
    expect(bei("Permissions")).toBe("ReadWriteDocument");
    expect(bei("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("requires ExcelApi 1.9, the oldest that runs the pane (Excel 2021, Microsoft 365, Mac, web); the README says the same", () => {
    // Excel 2016 has ExcelApi 1.1 only; Excel 2019 has 1.8 and shows panes in IE11/Edge Legacy.
    expect(bei("Requirements.Sets.Set")).toMatchObject({ "@Name": "ExcelApi", "@MinVersion": "1.9" });
    const readme = readFileSync(resolve(REPO, "README.md"), "utf8");
    expect(readme).toContain("The manifest requires ExcelApi 1.9");
    expect(readme).not.toMatch(/LTSC Office 2016\/2019/);
  });

  it("is German by default with an English override", () => {
    expect(bei("DefaultLocale")).toBe("de-DE");
    expect(bei("DisplayName.Override")).toMatchObject({ "@Locale": "en-US" });
    expect(bei("Description.Override")).toMatchObject({ "@Locale": "en-US" });
  });

  it("loads the pane over https and has icons that exist", () => {
    expect(bei("DefaultSettings.SourceLocation.@DefaultValue")).toMatch(/^https:\/\/.+\/taskpane\.html$/);
    const urls = [...text.matchAll(/DefaultValue="(https:\/\/localhost:3000\/assets\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const u of urls)
      expect(existsSync(resolve(REPO, "addin/public", u.replace("https://localhost:3000/", "")))).toBe(true);
    expect(existsSync(resolve(REPO, "addin/taskpane.html"))).toBe(true);
  });

  it("declares no AppDomains it does not need", () => {
    expect(bei("AppDomains")).toBeUndefined();
  });
});
