/**
 * The production manifest, built from the development one (manifest.xml, which sideloads the pane from
 * https://localhost:3000) as Microsoft's add-in template does it (urlDev → urlProd): every URL moves to
 * one origin, the <Version> comes from package.json and the <Id> is derived from the origin, so the
 * same origin always gets the same Id (Office updates the add-in) and staging and production differ.
 *
 * Checked offline before it is written (Microsoft's own `office-addin-manifest validate` needs its web
 * service): well-formed XML, the root and the required elements of a task pane add-in in the order the
 * schema demands (Microsoft's "How to find the proper order of manifest elements"), the Id a GUID, the
 * Version 1–4 parts of at most 5 digits ("Version element"), every URL https on the one origin; then
 * Microsoft's reader (office-addin-manifest's offline part) reads the written file back.
 *
 * `LSZ_ORIGIN=https://… npx tsx scripts/manifest.ts` (run by `npm run build` when LSZ_ORIGIN is set)
 * writes dist/manifest.xml and dist/addin/manifest.xml (served at https://…/manifest.xml).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** The origin the development manifest points at. */
export const ENTWICKLUNG = "https://localhost:3000";

/**
 * Child elements of <OfficeApp xsi:type="TaskPaneApp"> in the order the schema requires
 * (learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering).
 */
const REIHENFOLGE = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
] as const;

/** Required in a task pane add-in (learn.microsoft.com/javascript/api/manifest/officeapp, "Must contain"). */
const PFLICHT = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DefaultSettings",
  "DisplayName",
  "Description",
  "Permissions",
];

/** "https://lsz.example.de" from what the operator typed; throws a German sentence when it is unusable. */
export function pruefeOrigin(eingabe: string): string {
  let url: URL;
  try {
    url = new URL(eingabe.trim());
  } catch {
    throw new Error(`LSZ_ORIGIN „${eingabe}“ ist keine Adresse. Beispiel: LSZ_ORIGIN=https://lsz.example.de`);
  }
  if (url.protocol !== "https:")
    throw new Error(`LSZ_ORIGIN „${eingabe}“: Office lädt Add-ins nur über https. Bitte https://… angeben.`);
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password)
    throw new Error(
      `LSZ_ORIGIN „${eingabe}“: nur Schema und Rechnername, ohne Pfad – z. B. https://lsz.example.de`,
    );
  if (["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))
    throw new Error(
      `LSZ_ORIGIN „${eingabe}“ zeigt auf diesen Rechner; zum Ausprobieren dient manifest.xml (README, Sideloading).`,
    );
  return url.origin;
}

/** package.json's "1.2.3" as the manifest's "1.2.3.0"; prerelease tags cannot be expressed there. */
export function manifestVersion(paketVersion: string): string {
  const teile = paketVersion.split(".");
  if (teile.length > 4 || !teile.every((t) => /^\d{1,5}$/.test(t)))
    throw new Error(
      `Die Version „${paketVersion}“ aus package.json passt nicht ins Manifest (bis zu vier Zahlen mit je höchstens 5 Ziffern, z. B. 1.2.0).`,
    );
  return [...teile, "0", "0", "0"].slice(0, 4).join(".");
}

/** A name-based UUID (RFC 9562 version 5, SHA-1) of `name` in the namespace `namensraum`. */
export function uuidV5(namensraum: string, name: string): string {
  const ns = Buffer.from(namensraum.replace(/-/g, ""), "hex");
  const b = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function einziger(text: string, muster: RegExp, was: string): string {
  const treffer = [...text.matchAll(muster)];
  if (treffer.length !== 1) throw new Error(`manifest.xml: ${was} muss genau einmal vorkommen.`);
  return treffer[0]![1]!;
}

/** The production manifest from the development one: URLs, Version, Id; the header comment replaced. */
export function produktionsManifest(entwicklung: string, origin: string, paketVersion: string): string {
  const o = pruefeOrigin(origin);
  const devId = einziger(entwicklung, /<Id>([^<]+)<\/Id>/g, "<Id>");
  const kopf = [
    "<!--",
    `  LSZ-Finanzplan, Manifest für ${o} – erzeugt von scripts/manifest.ts aus manifest.xml`,
    "  (npm run build mit LSZ_ORIGIN). Nicht von Hand ändern: neu erzeugen (docs/betrieb.md).",
    "-->",
  ].join("\n");
  return entwicklung
    .replace(/<!--[\s\S]*?-->/, kopf)
    .replaceAll(ENTWICKLUNG, o)
    .replace(/<Id>[^<]+<\/Id>/, `<Id>${uuidV5(devId, o)}</Id>`)
    .replace(/<Version>[^<]+<\/Version>/, `<Version>${manifestVersion(paketVersion)}</Version>`);
}

type Knoten = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" });

function name(k: Knoten): string {
  return Object.keys(k).find((s) => s !== ":@") ?? "";
}

function kinder(k: Knoten): Knoten[] {
  return ((k[name(k)] as Knoten[] | undefined) ?? []).filter((c) => !("#text" in c));
}

function text(k: Knoten | undefined): string {
  const t = ((k?.[name(k ?? {})] as Knoten[] | undefined) ?? []).find((c) => "#text" in c);
  return t ? String(t["#text"]) : "";
}

/** Whether the root's children keep the schema's order, and which required ones are missing. */
function pruefeAufbau(app: Knoten): string[] {
  const fehler: string[] = [];
  const attr = (app[":@"] ?? {}) as Record<string, string>;
  if (attr["xmlns"] !== "http://schemas.microsoft.com/office/appforoffice/1.1")
    fehler.push('<OfficeApp> braucht xmlns="http://schemas.microsoft.com/office/appforoffice/1.1".');
  if (attr["xsi:type"] !== "TaskPaneApp") fehler.push('<OfficeApp> muss xsi:type="TaskPaneApp" sein.');
  const namen = kinder(app).map(name);
  let zuletzt = -1;
  for (const n of namen) {
    const stelle = (REIHENFOLGE as readonly string[]).indexOf(n);
    if (stelle < 0) fehler.push(`<${n}> ist kein Element eines Aufgabenbereich-Add-ins.`);
    else if (stelle < zuletzt) fehler.push(`<${n}> steht an falscher Stelle (Reihenfolge des Schemas).`);
    zuletzt = Math.max(zuletzt, stelle);
  }
  for (const p of PFLICHT) if (!namen.includes(p)) fehler.push(`<${p}> fehlt.`);
  return fehler;
}

/** Problems of a production manifest for `origin`, as German sentences; empty when it is fine. */
export function pruefeManifest(xml: string, origin: string): string[] {
  const gueltig = XMLValidator.validate(xml);
  if (gueltig !== true) return [`Kein gültiges XML: ${gueltig.err.msg} (Zeile ${gueltig.err.line}).`];
  const app = (parser.parse(xml) as Knoten[]).find((k) => name(k) === "OfficeApp");
  if (!app) return ["Das Wurzelelement <OfficeApp> fehlt."];
  const fehler = pruefeAufbau(app);
  const feld = (n: string) => text(kinder(app).find((k) => name(k) === n));
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(feld("Id")))
    fehler.push(`<Id> „${feld("Id")}“ ist keine GUID.`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(feld("Version")))
    fehler.push(`<Version> „${feld("Version")}“: 1 bis 4 Zahlen mit je höchstens 5 Ziffern.`);
  const adressen = [...xml.replace(/<!--[\s\S]*?-->/g, "").matchAll(/\bhttps?:\/\/[^"<\s]+/g)]
    .map((m) => m[0])
    .filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
  for (const u of adressen) if (!u.startsWith(`${origin}/`)) fehler.push(`Adresse nicht auf ${origin}: ${u}`);
  if (adressen.length === 0) fehler.push(`Keine Adresse auf ${origin} gefunden.`);
  return fehler;
}

/** Writes dist/manifest.xml and dist/addin/manifest.xml; checks them first and with Microsoft's reader. */
export async function schreibeProduktionsManifest(repo: string, origin: string): Promise<string> {
  const paket = JSON.parse(readFileSync(resolve(repo, "package.json"), "utf8")) as { version: string };
  const o = pruefeOrigin(origin);
  const xml = produktionsManifest(readFileSync(resolve(repo, "manifest.xml"), "utf8"), o, paket.version);
  const fehler = pruefeManifest(xml, o);
  if (fehler.length > 0)
    throw new Error(`Das Produktionsmanifest ist nicht gültig:\n  ${fehler.join("\n  ")}`);
  const ziel = resolve(repo, "dist/manifest.xml");
  mkdirSync(resolve(repo, "dist/addin"), { recursive: true });
  writeFileSync(ziel, xml);
  writeFileSync(resolve(repo, "dist/addin/manifest.xml"), xml);
  const { OfficeAddinManifest } = await import("office-addin-manifest");
  const info = await OfficeAddinManifest.readManifestFile(ziel);
  if (
    info.defaultSettings?.sourceLocation !== `${o}/taskpane.html` ||
    info.version !== manifestVersion(paket.version)
  )
    throw new Error("office-addin-manifest liest aus dist/manifest.xml anderes, als geschrieben wurde.");
  return ziel;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  try {
    const ziel = await schreibeProduktionsManifest(repo, process.env["LSZ_ORIGIN"] ?? "");
    console.log(`Manifest für ${pruefeOrigin(process.env["LSZ_ORIGIN"] ?? "")} → ${ziel} (geprüft)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
