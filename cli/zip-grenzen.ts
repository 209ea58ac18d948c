/**
 * One zip reading: before exceljs sees a workbook, its zip is read here once and strictly — the
 * directory complete and alone (entry count = the end record's count, nothing hidden after it), no
 * duplicate or escaping names, every local header agreeing with the directory, no overlapping data,
 * every entry inflated under a hard limit (the size it declares, and limits that fit a real plan) and
 * its checksum verified. exceljs is then handed a fresh zip of exactly these entries, so the bytes
 * checked are the bytes read. Limits come from the content, not from what a sheet claims: cells are
 * counted in the sheets' XML, merged areas and shared strings are bounded. Over a limit: a German
 * "zu groß" message (ZuGross); anything else wrong: an Error (the file is damaged).
 */
import { crc32, inflateRawSync } from "node:zlib";
import { bereichAus } from "../shared/arbeitsmappe";

export const ZIP_GRENZEN = {
  /** The file itself. */
  dateiBytes: 50 * 1024 * 1024,
  /** Entries in the zip (a workbook has a few dozen). */
  eintraege: 2_000,
  /** All entries unpacked together. */
  entpacktBytes: 150 * 1024 * 1024,
  /** One sheet's XML unpacked (20.000 Finanzplan rows are about 10 MB). */
  blattBytes: 40 * 1024 * 1024,
  /** Cells of all sheets together, counted in their XML (20.000 Finanzplan rows are about 300.000). */
  zellen: 1_000_000,
  /** Cells covered by merged areas, all sheets together (the template merges none). */
  verbundeneZellen: 100_000,
  /** Entries of the shared-string table. */
  texte: 500_000,
} as const;

export class ZuGross extends Error {}

const zahl = (n: number) => n.toLocaleString("de-DE");

interface Eintrag {
  name: string;
  flags: number;
  methode: number;
  crc: number;
  komprimiert: number;
  entpackt: number;
  lokalerKopf: number;
}

/** The end of central directory record: where the directory starts, its size and its count. */
function endeDesVerzeichnisses(b: Buffer): { start: number; ende: number; anzahl: number } {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) !== 0x06054b50) continue;
    if (i + 22 + b.readUInt16LE(i + 20) !== b.length) continue; // a signature inside the comment
    const anzahl = b.readUInt16LE(i + 10);
    const groesse = b.readUInt32LE(i + 12);
    const start = b.readUInt32LE(i + 16);
    if (b.readUInt16LE(i + 4) !== 0 || b.readUInt16LE(i + 6) !== 0 || b.readUInt16LE(i + 8) !== anzahl)
      throw new Error("Zip über mehrere Teile");
    if (anzahl === 0xffff || start === 0xffffffff) throw new Error("ZIP64 wird nicht gelesen");
    if (start + groesse !== i) throw new Error("Zip-Verzeichnis unvollständig oder mit verstecktem Inhalt");
    return { start, ende: i, anzahl };
  }
  throw new Error("kein Zip-Verzeichnis");
}

/** A part name that stays inside the package: no `..`, no absolute path, no drive, no backslash. */
function pruefeName(name: string): void {
  if (
    name === "" ||
    name.startsWith("/") ||
    name.includes("\\") ||
    name.includes("\0") ||
    /^[a-z]:/i.test(name) ||
    name.split("/").some((teil) => teil === ".." || teil === ".")
  )
    throw new Error(`unzulässiger Name im Zip: ${JSON.stringify(name.slice(0, 80))}`);
}

function verzeichnis(b: Buffer): Eintrag[] {
  const { start, ende, anzahl } = endeDesVerzeichnisses(b);
  if (anzahl > ZIP_GRENZEN.eintraege)
    throw new ZuGross(`${zahl(anzahl)} Einträge (höchstens ${zahl(ZIP_GRENZEN.eintraege)})`);
  const namen = new Set<string>();
  const eintraege: Eintrag[] = [];
  let pos = start;
  for (let n = 0; n < anzahl; n++) {
    if (pos + 46 > ende || b.readUInt32LE(pos) !== 0x02014b50) throw new Error("Zip-Verzeichnis beschädigt");
    const namensLaenge = b.readUInt16LE(pos + 28);
    const e: Eintrag = {
      flags: b.readUInt16LE(pos + 8),
      methode: b.readUInt16LE(pos + 10),
      crc: b.readUInt32LE(pos + 16),
      komprimiert: b.readUInt32LE(pos + 20),
      entpackt: b.readUInt32LE(pos + 24),
      lokalerKopf: b.readUInt32LE(pos + 42),
      name: b.toString("utf8", pos + 46, pos + 46 + namensLaenge),
    };
    pruefeName(e.name);
    // Part names of an Office package are case-insensitive: „a.xml“ and „A.xml“ are one part twice.
    const schluessel = e.name.normalize("NFC").toLowerCase();
    if (namen.has(schluessel)) throw new Error(`doppelter Eintrag im Zip: ${e.name.slice(0, 80)}`);
    namen.add(schluessel);
    if (e.flags & 1) throw new Error("verschlüsselter Zip-Eintrag");
    eintraege.push(e);
    pos += 46 + namensLaenge + b.readUInt16LE(pos + 30) + b.readUInt16LE(pos + 32);
  }
  if (pos !== ende) throw new Error("Zip-Verzeichnis enthält mehr Einträge als angegeben");
  return eintraege;
}

/** The entry's compressed bytes, after checking its local header against the directory. */
function daten(b: Buffer, e: Eintrag, verzeichnisStart: number): { von: number; bis: number } {
  const p = e.lokalerKopf;
  if (p + 30 > verzeichnisStart || b.readUInt32LE(p) !== 0x04034b50)
    throw new Error("Zip-Eintrag beschädigt");
  const namensLaenge = b.readUInt16LE(p + 26);
  const lokal = {
    methode: b.readUInt16LE(p + 8),
    komprimiert: b.readUInt32LE(p + 18),
    name: b.toString("utf8", p + 30, p + 30 + namensLaenge),
  };
  const mitDeskriptor = (b.readUInt16LE(p + 6) & 8) !== 0; // sizes follow the data
  if (
    lokal.name !== e.name ||
    lokal.methode !== e.methode ||
    (!mitDeskriptor && lokal.komprimiert !== e.komprimiert)
  )
    throw new Error(`${e.name.slice(0, 80)}: lokaler Kopf widerspricht dem Zip-Verzeichnis`);
  const von = p + 30 + namensLaenge + b.readUInt16LE(p + 28);
  const bis = von + e.komprimiert;
  if (bis > verzeichnisStart) throw new Error(`${e.name.slice(0, 80)}: Daten reichen ins Zip-Verzeichnis`);
  return { von, bis };
}

/** Unpacks at most `grenze` bytes; more (whatever the directory claimed) is refused. */
function entpacke(e: Eintrag, roh: Buffer, grenze: number): Buffer {
  let inhalt: Buffer;
  if (e.methode === 0) inhalt = roh;
  else if (e.methode !== 8) throw new Error(`unbekannte Kompression ${e.methode}`);
  else
    try {
      inhalt = inflateRawSync(roh, { maxOutputLength: Math.max(1, grenze) });
    } catch (f) {
      if (f instanceof RangeError || (f as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw new ZuGross(`${e.name} entpackt sich größer als angegeben`);
      throw f;
    }
  if (inhalt.length > e.entpackt) throw new ZuGross(`${e.name} entpackt sich größer als angegeben`);
  if (inhalt.length !== e.entpackt || crc32(inhalt) !== e.crc)
    throw new Error(`${e.name.slice(0, 80)}: Inhalt passt nicht zur Prüfsumme`);
  return inhalt;
}

export interface ZipTeil {
  name: string;
  inhalt: Buffer;
}

/** Every entry of the zip, read once and checked (see the module comment); throws ZuGross or Error. */
export function leseZip(b: Buffer): ZipTeil[] {
  if (b.length > ZIP_GRENZEN.dateiBytes)
    throw new ZuGross(
      `${Math.round(b.length / 1024 / 1024)} MB (höchstens ${ZIP_GRENZEN.dateiBytes / 1024 / 1024} MB)`,
    );
  const eintraege = verzeichnis(b);
  const verzeichnisStart = endeDesVerzeichnisses(b).start;
  const bereiche = eintraege.map((e) => ({ e, ...daten(b, e, verzeichnisStart) }));
  const sortiert = [...bereiche].sort((x, y) => x.von - y.von);
  for (let i = 1; i < sortiert.length; i++)
    if (sortiert[i]!.von < sortiert[i - 1]!.bis) throw new Error("Zip-Einträge überlappen sich");
  let summe = 0;
  const teile: ZipTeil[] = [];
  for (const { e, von, bis } of bereiche) {
    const istBlatt = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    const grenze = istBlatt ? ZIP_GRENZEN.blattBytes : ZIP_GRENZEN.entpacktBytes;
    if (e.entpackt > grenze)
      throw new ZuGross(`${e.name} ist entpackt ${Math.round(e.entpackt / 1024 / 1024)} MB groß`);
    const inhalt = entpacke(e, b.subarray(von, bis), e.entpackt + 1);
    summe += inhalt.length;
    if (summe > ZIP_GRENZEN.entpacktBytes)
      throw new ZuGross(`entpackt über ${ZIP_GRENZEN.entpacktBytes / 1024 / 1024} MB`);
    teile.push({ name: e.name, inhalt });
  }
  pruefeInhalt(teile);
  return teile;
}

/**
 * Calls `treffer` for every start tag whose local name (namespace prefix ignored) is in `namen`, with
 * the tag's text; one pass over the bytes, no regular expression.
 */
function jedesElement(xml: Buffer, namen: ReadonlySet<string>, treffer: (name: string, tag: string) => void) {
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length; i = xml.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    // At most 65 bytes per tag: the scan stays linear whatever the text between the tags.
    for (; j < xml.length && j - i <= 64; j++) {
      const z = xml[j]!;
      if (z === 0x20 || z === 0x09 || z === 0x0a || z === 0x0d || z === 0x3e || z === 0x2f || z === 0x3c)
        break;
    }
    if (j - i > 64) continue; // no element we count has a longer name
    const voll = xml.toString("latin1", i + 1, j);
    const name = voll.slice(voll.indexOf(":") + 1);
    if (!namen.has(name)) continue;
    const ende = xml.indexOf(0x3e, j);
    treffer(name, ende < 0 ? "" : xml.toString("latin1", j, Math.min(ende, j + 200)));
  }
}

/** Cells a merged area „A20:XFD1048576“ covers (1 for what cannot be read). */
function flaeche(ref: string): number {
  const b = bereichAus(ref);
  return b ? (Math.abs(b.rechts - b.links) + 1) * (Math.abs(b.unten - b.oben) + 1) : 1;
}

/** The content's own limits: cells and merged cells in the sheets, entries of the shared strings. */
function pruefeInhalt(teile: readonly ZipTeil[]): void {
  let zellen = 0;
  let verbunden = 0;
  let texte = 0;
  for (const { name, inhalt } of teile) {
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name))
      jedesElement(inhalt, new Set(["c", "mergeCell"]), (element, tag) => {
        if (element === "c") zellen++;
        else verbunden += flaeche(/\bref="([^"]{0,40})"/.exec(tag)?.[1] ?? "");
      });
    else if (/^xl\/sharedStrings\.xml$/i.test(name)) jedesElement(inhalt, new Set(["si"]), () => texte++);
    if (zellen > ZIP_GRENZEN.zellen)
      throw new ZuGross(`die Blätter enthalten über ${zahl(ZIP_GRENZEN.zellen)} Zellen`);
    if (verbunden > ZIP_GRENZEN.verbundeneZellen)
      throw new ZuGross(
        `${name} verbindet ${zahl(verbunden)} Zellen (höchstens ${zahl(ZIP_GRENZEN.verbundeneZellen)})`,
      );
    if (texte > ZIP_GRENZEN.texte)
      throw new ZuGross(`über ${zahl(ZIP_GRENZEN.texte)} Texte in der Tabelle gemeinsamer Zeichenfolgen`);
  }
}

/** A fresh zip of exactly these parts (stored, not compressed): what exceljs is handed. */
export function zipAusTeilen(teile: readonly ZipTeil[]): Buffer {
  const stuecke: Buffer[] = [];
  const verzeichnis: Buffer[] = [];
  let pos = 0;
  for (const { name, inhalt } of teile) {
    const n = Buffer.from(name, "utf8");
    const crc = crc32(inhalt);
    const kopf = Buffer.alloc(30);
    kopf.writeUInt32LE(0x04034b50, 0);
    kopf.writeUInt16LE(20, 4);
    kopf.writeUInt16LE(0x0800, 6); // names in UTF-8
    kopf.writeUInt32LE(crc, 14);
    kopf.writeUInt32LE(inhalt.length, 18);
    kopf.writeUInt32LE(inhalt.length, 22);
    kopf.writeUInt16LE(n.length, 26);
    const zentral = Buffer.alloc(46);
    zentral.writeUInt32LE(0x02014b50, 0);
    zentral.writeUInt16LE(20, 4);
    zentral.writeUInt16LE(20, 6);
    zentral.writeUInt16LE(0x0800, 8);
    zentral.writeUInt32LE(crc, 16);
    zentral.writeUInt32LE(inhalt.length, 20);
    zentral.writeUInt32LE(inhalt.length, 24);
    zentral.writeUInt16LE(n.length, 28);
    zentral.writeUInt32LE(pos, 42);
    stuecke.push(kopf, n, inhalt);
    verzeichnis.push(zentral, n);
    pos += 30 + n.length + inhalt.length;
  }
  const v = Buffer.concat(verzeichnis);
  const ende = Buffer.alloc(22);
  ende.writeUInt32LE(0x06054b50, 0);
  ende.writeUInt16LE(teile.length, 8);
  ende.writeUInt16LE(teile.length, 10);
  ende.writeUInt32LE(v.length, 12);
  ende.writeUInt32LE(pos, 16);
  return Buffer.concat([...stuecke, v, ende]);
}
