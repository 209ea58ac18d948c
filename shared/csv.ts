/** CSV as Excel and Destatis write it: "," or ";" separated (the header line decides), quoted fields. */

function csvTrenner(kopfzeile: string): "," | ";" {
  const semikolon = (kopfzeile.match(/;/g) ?? []).length;
  const komma = (kopfzeile.match(/,/g) ?? []).length;
  return semikolon > komma ? ";" : ",";
}

function csvZeile(zeile: string, trenner: "," | ";" = ","): string[] {
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

/**
 * One CSV field. Numbers are written as they are. Text that a spreadsheet would run as a formula —
 * starting with = + - @, a tab or a carriage return (OWASP „CSV Injection“) — is prefixed with an
 * apostrophe and quoted, so a Kreis name „=HYPERLINK(…)“ stays text; a number typed as text („-5“,
 * „1.234,56“) is left alone.
 */
export function csvFeld(wert: unknown, trenner: "," | ";" = ";"): string {
  if (typeof wert === "number") return String(wert);
  const roh = wert === null || wert === undefined ? "" : String(wert);
  const gefaehrlich = /^[=+\-@\t\r]/.test(roh) && !/^[-+]?\d[\d.,]*$/.test(roh);
  const text = gefaehrlich ? `'${roh}` : roh;
  return gefaehrlich || /["\r\n]/.test(text) || text.includes(trenner)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}
