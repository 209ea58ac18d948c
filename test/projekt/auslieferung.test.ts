/**
 * Shipping: one origin for pane and API (wrangler.jsonc), the deployed environments, and the production
 * manifest built from the development one (scripts/manifest.ts). Cases from Microsoft's manifest
 * reference (Version element; element order; https) and RFC 9562 (name-based UUIDs), not from the code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { experimental_readRawConfig, unstable_readConfig } from "wrangler";
import { ROUTEN, ROUTEN_NAMEN } from "../../shared/routen";
import {
  manifestVersion,
  produktionsManifest,
  pruefeManifest,
  pruefeOrigin,
  uuidV5,
} from "../../scripts/manifest";
import { REPO } from "../hilfen/daten";

const KONFIG = resolve(REPO, "wrangler.jsonc");
const ENTWICKLUNG = readFileSync(resolve(REPO, "manifest.xml"), "utf8");
const ORIGIN = "https://lsz.example.de";

/** A run_worker_first pattern ("/api/*") as a regular expression. */
const muster = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);

describe("one origin: the worker serves the built pane beside the API", () => {
  const basis = unstable_readConfig({ config: KONFIG });

  it("serves dist/addin (Vite's output) as static assets, exact file names (the manifest names …/taskpane.html)", () => {
    expect(basis.assets?.directory).toBe("dist/addin");
    expect(readFileSync(resolve(REPO, "addin/vite.config.ts"), "utf8")).toContain('"../dist/addin"');
    // auto-trailing-slash (wrangler's default) would answer /taskpane.html with a redirect to /taskpane.
    expect(basis.assets?.html_handling).toBe("none");
  });

  it("runs the worker first for every operation of the route table, and only for those", () => {
    const zuerst = (basis.assets?.run_worker_first ?? []) as string[];
    for (const name of ROUTEN_NAMEN)
      expect(
        zuerst.some((p) => muster(p).test(ROUTEN[name].pfad)),
        ROUTEN[name].pfad,
      ).toBe(true);
    for (const datei of ["/taskpane.html", "/vorschau.html", "/assets/icon-32.png", "/manifest.xml"])
      expect(
        zuerst.some((p) => muster(p).test(datei)),
        datei,
      ).toBe(false);
  });

  it("allows CORS in development only: each deployed environment has no ADDIN_ORIGINS, an https LSZ_ORIGIN, the seal's key as a secret and no stored logs", () => {
    const umgebungen = Object.keys(experimental_readRawConfig({ config: KONFIG }).rawConfig.env ?? {});
    expect(umgebungen).toEqual(expect.arrayContaining(["staging", "production"]));
    expect(basis.vars["ADDIN_ORIGINS"]).toContain("http://localhost:3000");
    for (const env of umgebungen) {
      const k = unstable_readConfig({ config: KONFIG, env });
      expect(k.vars["ADDIN_ORIGINS"], env).toBe("");
      expect(pruefeOrigin(String(k.vars["LSZ_ORIGIN"])), env).toBe(k.vars["LSZ_ORIGIN"]);
      expect(k.secrets?.required, env).toContain("SIEGEL_PRIVATER_SCHLUESSEL");
      expect(k.assets?.directory, env).toBe("dist/addin");
      // docs/betrieb.md promises that Cloudflare keeps no invocation logs of the deployed worker.
      expect(k.observability?.enabled, env).toBe(false);
    }
  });
});

describe("the production manifest", () => {
  const prod = produktionsManifest(ENTWICKLUNG, ORIGIN, "1.2.3");

  it("moves every URL of the development manifest to the origin; none is left on localhost", () => {
    const vorher = [...ENTWICKLUNG.matchAll(/https:\/\/localhost:3000(\/[^"]*)/g)].map((m) => m[1]);
    const nachher = [...prod.matchAll(/https:\/\/lsz\.example\.de(\/[^"]*)/g)].map((m) => m[1]);
    expect(vorher.length).toBe(9); // icons (5), SupportUrl, LearnMore, SourceLocation, Taskpane.Url
    expect(nachher).toEqual(vorher);
    expect(prod).not.toContain("localhost");
    expect(pruefeManifest(prod, ORIGIN)).toEqual([]);
  });

  it("takes its Version from package.json: 1 to 4 parts of at most 5 digits (Microsoft's Version element)", () => {
    expect(prod).toContain("<Version>1.2.3.0</Version>");
    expect(manifestVersion("2")).toBe("2.0.0.0");
    expect(manifestVersion("99999.0.1")).toBe("99999.0.1.0");
    expect(() => manifestVersion("100000.0.0")).toThrow(/höchstens 5 Ziffern/);
    expect(() => manifestVersion("1.0.0-beta.1")).toThrow(/package\.json/);
  });

  it("has a stable Id per origin: the same origin the same Id (an update), another origin another add-in", () => {
    // RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
    const id = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)![1];
    expect(id(produktionsManifest(ENTWICKLUNG, ORIGIN, "9.9.9"))).toBe(id(prod));
    expect(id(produktionsManifest(ENTWICKLUNG, "https://lsz-test.example.de", "1.2.3"))).not.toBe(id(prod));
    expect(id(prod)).not.toBe(id(ENTWICKLUNG));
  });

  it("refuses an origin Office cannot load or that is not an origin", () => {
    expect(() => pruefeOrigin("http://lsz.example.de")).toThrow(/nur über https/);
    expect(() => pruefeOrigin("https://lsz.example.de/addin")).toThrow(/ohne Pfad/);
    expect(() => pruefeOrigin("https://localhost:3000")).toThrow(/diesen Rechner/);
    expect(() => pruefeOrigin("lsz.example.de")).toThrow(/keine Adresse/);
    expect(pruefeOrigin("https://LSZ.Example.de/")).toBe(ORIGIN);
  });

  it("the check finds what Office would refuse: elements out of the schema's order, a missing one, a foreign URL", () => {
    const vertauscht = prod.replace(
      /(<Version>[^<]+<\/Version>)\s*(<ProviderName>[^<]+<\/ProviderName>)/,
      "$2\n  $1",
    );
    expect(pruefeManifest(vertauscht, ORIGIN).join(" ")).toMatch(/falscher Stelle/);
    expect(pruefeManifest(prod.replace(/<Permissions>[^<]+<\/Permissions>/, ""), ORIGIN)).toContain(
      "<Permissions> fehlt.",
    );
    expect(
      pruefeManifest(prod.replace(`${ORIGIN}/vorschau.html`, "https://anderswo.example/hilfe"), ORIGIN),
    ).toEqual(["Adresse nicht auf https://lsz.example.de: https://anderswo.example/hilfe"]);
    expect(pruefeManifest(prod.replace("</OfficeApp>", ""), ORIGIN)[0]).toMatch(/Kein gültiges XML/);
  });

  it("is read by Microsoft's office-addin-manifest as written (its offline reader)", async () => {
    const datei = join(mkdtempSync(join(tmpdir(), "lsz-manifest-")), "manifest.xml");
    writeFileSync(datei, prod);
    const info = await OfficeAddinManifest.readManifestFile(datei);
    expect(info.defaultSettings?.sourceLocation).toBe(`${ORIGIN}/taskpane.html`);
    expect(info.iconUrl).toBe(`${ORIGIN}/assets/icon-32.png`);
    expect(info.supportUrl).toBe(`${ORIGIN}/vorschau.html`);
    expect(info.version).toBe("1.2.3.0");
    expect(info.appDomains ?? []).toEqual([]);
  });
});
