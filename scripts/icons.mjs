/**
 * Writes the add-in's icons (addin/public/assets/icon-*.png): a blue tile with a white bar chart.
 * Run once when the design changes; the PNGs are committed. No image library needed.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTabelle = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTabelle[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const block = (typ, daten) => {
  const laenge = Buffer.alloc(4);
  laenge.writeUInt32BE(daten.length);
  const inhalt = Buffer.concat([Buffer.from(typ), daten]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(inhalt));
  return Buffer.concat([laenge, inhalt, crc]);
};

function png(groesse) {
  const zeilen = [];
  const balken = [0.45, 0.7, 0.95];
  for (let y = 0; y < groesse; y++) {
    const zeile = [0];
    for (let x = 0; x < groesse; x++) {
      const rand = Math.max(1, Math.round(groesse / 16));
      const innen = x >= rand && y >= rand && x < groesse - rand && y < groesse - rand;
      const u = (x - rand) / (groesse - 2 * rand);
      const v = 1 - (y - rand) / (groesse - 2 * rand);
      const i = Math.floor(u * 4) - 0.5;
      const spalte = Math.round(i);
      const imBalken =
        innen &&
        spalte >= 0 &&
        spalte < 3 &&
        Math.abs(u * 4 - 0.5 - spalte - 0.5) < 0.32 &&
        v > 0.15 &&
        v < 0.15 + balken[spalte] * 0.7;
      const [r, g, b] = imBalken ? [255, 255, 255] : innen ? [31, 78, 121] : [0, 0, 0];
      zeile.push(r, g, b, innen ? 255 : 0);
    }
    zeilen.push(Buffer.from(zeile));
  }
  const kopf = Buffer.alloc(13);
  kopf.writeUInt32BE(groesse, 0);
  kopf.writeUInt32BE(groesse, 4);
  kopf.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    block("IHDR", kopf),
    block("IDAT", deflateSync(Buffer.concat(zeilen))),
    block("IEND", Buffer.alloc(0)),
  ]);
}

for (const g of [16, 32, 64, 80, 128])
  writeFileSync(new URL(`../addin/public/assets/icon-${g}.png`, import.meta.url), png(g));
console.log("Icons geschrieben: addin/public/assets/icon-{16,32,64,80,128}.png");
