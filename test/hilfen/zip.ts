/**
 * A minimal zip writer for hostile test files made at run time (no multi-MB fixtures in git): deflated
 * entries, and optionally a size in the directory that lies about what the data unpacks to.
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEintrag {
  name: string;
  daten: Buffer;
  /** The unpacked size the directory claims (default: the true one). */
  angegeben?: number;
  /** The name the local header gives (default: the directory's). */
  lokalerName?: string;
}

/** `anzahl`: the entry count the end record claims (default: the true one). */
export function zipAus(eintraege: readonly ZipEintrag[], optionen: { anzahl?: number } = {}): Buffer {
  const teile: Buffer[] = [];
  const verzeichnis: Buffer[] = [];
  let pos = 0;
  for (const e of eintraege) {
    const name = Buffer.from(e.name, "utf8");
    const lokal = Buffer.from(e.lokalerName ?? e.name, "utf8");
    const gepackt = deflateRawSync(e.daten);
    const crc = crc32(e.daten);
    const groesse = e.angegeben ?? e.daten.length;
    const kopf = Buffer.alloc(30);
    kopf.writeUInt32LE(0x04034b50, 0);
    kopf.writeUInt16LE(20, 4);
    kopf.writeUInt16LE(8, 8);
    kopf.writeUInt32LE(crc, 14);
    kopf.writeUInt32LE(gepackt.length, 18);
    kopf.writeUInt32LE(groesse, 22);
    kopf.writeUInt16LE(lokal.length, 26);
    const zentral = Buffer.alloc(46);
    zentral.writeUInt32LE(0x02014b50, 0);
    zentral.writeUInt16LE(20, 4);
    zentral.writeUInt16LE(20, 6);
    zentral.writeUInt16LE(8, 10);
    zentral.writeUInt32LE(crc, 16);
    zentral.writeUInt32LE(gepackt.length, 20);
    zentral.writeUInt32LE(groesse, 24);
    zentral.writeUInt16LE(name.length, 28);
    zentral.writeUInt32LE(pos, 42);
    teile.push(kopf, lokal, gepackt);
    verzeichnis.push(zentral, name);
    pos += kopf.length + lokal.length + gepackt.length;
  }
  const v = Buffer.concat(verzeichnis);
  const ende = Buffer.alloc(22);
  ende.writeUInt32LE(0x06054b50, 0);
  ende.writeUInt16LE(optionen.anzahl ?? eintraege.length, 8);
  ende.writeUInt16LE(optionen.anzahl ?? eintraege.length, 10);
  ende.writeUInt32LE(v.length, 12);
  ende.writeUInt32LE(pos, 16);
  return Buffer.concat([...teile, v, ende]);
}

/** A minimal workbook of one sheet „Blatt1“ with the given sheet XML body (inside <worksheet>). */
export function mappeAus(
  blattInhalt: string,
  weitere: readonly ZipEintrag[] = [],
  optionen: { anzahl?: number } = {},
): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pr = "http://schemas.openxmlformats.org/package/2006/relationships";
  const text = (name: string, s: string): ZipEintrag => ({ name, daten: Buffer.from(s, "utf8") });
  return zipAus(
    [
      text(
        "[Content_Types].xml",
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
      text(
        "_rels/.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pr}"><Relationship Id="rId1" Type="${r}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      text(
        "xl/workbook.xml",
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${r}"><sheets><sheet name="Blatt1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      text(
        "xl/_rels/workbook.xml.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pr}"><Relationship Id="rId1" Type="${r}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      text(
        "xl/worksheets/sheet1.xml",
        `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}>${blattInhalt}</worksheet>`,
      ),
      ...weitere,
    ],
    optionen,
  );
}

/** A sheet body of `zeilen` rows × 16 numbers, whose <dimension> claims A1:A1. */
export function vieleZellen(zeilen: number): string {
  const teile: string[] = [];
  for (let r = 1; r <= zeilen; r++) {
    let z = `<row r="${r}">`;
    for (let c = 0; c < 16; c++) z += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r + c}</v></c>`;
    teile.push(`${z}</row>`);
  }
  return `<dimension ref="A1:A1"/><sheetData>${teile.join("")}</sheetData>`;
}
