/** CSV as Excel and Destatis write it: "," or ";" separated (the header line decides), quoted fields. */

export function csvTrenner(kopfzeile: string): "," | ";" {
  const semikolon = (kopfzeile.match(/;/g) ?? []).length;
  const komma = (kopfzeile.match(/,/g) ?? []).length;
  return semikolon > komma ? ";" : ",";
}

export function csvZeile(zeile: string, trenner: "," | ";" = ","): string[] {
  const felder: string[] = [];
  let feld = "";
  let inAnf = false;
  for (let i = 0; i < zeile.length; i++) {
    const c = zeile[i]!;
    if (inAnf) {
      if (c === '"' && zeile[i + 1] === '"') {
        feld += '"';
        i++;
      } else if (c === '"') inAnf = false;
      else feld += c;
    } else if (c === '"') inAnf = true;
    else if (c === trenner) {
      felder.push(feld);
      feld = "";
    } else feld += c;
  }
  felder.push(feld);
  return felder;
}

/** Header and rows; a byte-order mark and empty lines are ignored. */
export function liesCsv(text: string): { kopf: string[]; zeilen: string[][] } {
  const zeilen = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((z) => z.trim() !== "");
  const [kopf = "", ...rest] = zeilen;
  const trenner = csvTrenner(kopf);
  return { kopf: csvZeile(kopf, trenner), zeilen: rest.map((z) => csvZeile(z, trenner)) };
}

export function csvFeld(wert: unknown, trenner: "," | ";" = ";"): string {
  const text = wert === null || wert === undefined ? "" : String(wert);
  return /["\r\n]/.test(text) || text.includes(trenner) ? `"${text.replace(/"/g, '""')}"` : text;
}
