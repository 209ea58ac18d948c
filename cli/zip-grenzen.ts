/**
 * Bounded reading: before exceljs sees a workbook, its zip directory is read and every entry is
 * inflated once under a hard output limit — the size the entry declares, and limits that fit a real
 * plan — so that a zip bomb or a sheet of a million rows is refused within seconds and a few hundred
 * MB instead of being unpacked without end. What is over a limit is a German "zu groß" message.
 */
import { inflateRawSync } from "node:zlib";

export const ZIP_GRENZEN = {
  /** The file itself. */
  dateiBytes: 50 * 1024 * 1024,
  /** Entries in the zip (a workbook has a few dozen). */
  eintraege: 2_000,
  /** All entries unpacked together. */
  entpacktBytes: 150 * 1024 * 1024,
  /** One sheet's XML unpacked (20.000 Finanzplan rows are about 10 MB). */
  blattBytes: 40 * 1024 * 1024,
  /** Rows one sheet may declare (its <dimension>). */
  blattZeilen: 50_000,
} as const;

export class ZuGross extends Error {}

interface Eintrag {
  name: string;
  methode: number;
  komprimiert: number;
  entpackt: number;
  lokalerKopf: number;
}

function verzeichnis(b: Buffer): Eintrag[] {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("kein Zip-Verzeichnis");
  const anzahl = b.readUInt16LE(eocd + 10);
  if (anzahl > ZIP_GRENZEN.eintraege)
    throw new ZuGross(`${anzahl} Einträge (höchstens ${ZIP_GRENZEN.eintraege})`);
  let pos = b.readUInt32LE(eocd + 16);
  const eintraege: Eintrag[] = [];
  for (let n = 0; n < anzahl; n++) {
    if (pos + 46 > b.length || b.readUInt32LE(pos) !== 0x02014b50)
      throw new Error("Zip-Verzeichnis beschädigt");
    const namensLaenge = b.readUInt16LE(pos + 28);
    const extra = b.readUInt16LE(pos + 30);
    const kommentar = b.readUInt16LE(pos + 32);
    eintraege.push({
      methode: b.readUInt16LE(pos + 10),
      komprimiert: b.readUInt32LE(pos + 20),
      entpackt: b.readUInt32LE(pos + 24),
      lokalerKopf: b.readUInt32LE(pos + 42),
      name: b.toString("utf8", pos + 46, pos + 46 + namensLaenge),
    });
    pos += 46 + namensLaenge + extra + kommentar;
  }
  return eintraege;
}

function daten(b: Buffer, e: Eintrag): Buffer {
  const p = e.lokalerKopf;
  if (p + 30 > b.length || b.readUInt32LE(p) !== 0x04034b50) throw new Error("Zip-Eintrag beschädigt");
  const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
  return b.subarray(start, start + e.komprimiert);
}

/** Unpacks at most `grenze` bytes; more (whatever the directory claimed) is refused. */
function entpacke(name: string, roh: Buffer, methode: number, grenze: number): Buffer {
  if (methode === 0) return roh;
  if (methode !== 8) throw new Error(`unbekannte Kompression ${methode}`);
  try {
    return inflateRawSync(roh, { maxOutputLength: Math.max(1, grenze) });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZuGross(`${name} entpackt sich größer als angegeben`);
    throw e;
  }
}

/** Checks a workbook's zip against ZIP_GRENZEN; throws ZuGross (with the reason) or an Error (damaged). */
export function pruefeZip(b: Buffer): void {
  if (b.length > ZIP_GRENZEN.dateiBytes)
    throw new ZuGross(
      `${Math.round(b.length / 1024 / 1024)} MB (höchstens ${ZIP_GRENZEN.dateiBytes / 1024 / 1024} MB)`,
    );
  const eintraege = verzeichnis(b);
  let summe = 0;
  for (const e of eintraege) {
    const istBlatt = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    const grenze = Math.min(e.entpackt, istBlatt ? ZIP_GRENZEN.blattBytes : ZIP_GRENZEN.entpacktBytes);
    if (e.entpackt > grenze)
      throw new ZuGross(`${e.name} ist entpackt ${Math.round(e.entpackt / 1024 / 1024)} MB groß`);
    const inhalt = entpacke(e.name, daten(b, e), e.methode, grenze + 1);
    if (inhalt.length > grenze) throw new ZuGross(`${e.name} entpackt sich größer als angegeben`);
    summe += inhalt.length;
    if (summe > ZIP_GRENZEN.entpacktBytes)
      throw new ZuGross(`entpackt über ${ZIP_GRENZEN.entpacktBytes / 1024 / 1024} MB`);
    if (istBlatt) {
      const kopf = inhalt.subarray(0, 4096).toString("utf8");
      const m = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(kopf);
      if (m && Number(m[1]) > ZIP_GRENZEN.blattZeilen)
        throw new ZuGross(
          `ein Blatt reicht bis Zeile ${Number(m[1]).toLocaleString("de-DE")} (höchstens ${ZIP_GRENZEN.blattZeilen.toLocaleString("de-DE")})`,
        );
    }
  }
}
