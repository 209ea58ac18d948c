/**
 * CSV as Excel, LibreOffice and Destatis write it (RFC 4180, read leniently): fields separated by „,“
 * or „;“ — a first line `sep=;` (Excel's hint) says which, else the header decides —, quoted fields
 * with doubled quotes and line breaks inside, CRLF, LF or CR between records, a byte-order mark. One
 * pass over the text (issue 29): no regular expression, no quadratic case. Our own, not a package:
 * shared/ takes no dependency besides zod, and the format is small.
 */

export type CsvTrenner = "," | ";" | "\t";

/** The separator a first line `sep=;` / `sep=,` / `sep=<Tab>` names, or null. */
function sepZeile(text: string, ende: number): CsvTrenner | null {
  if (ende !== 5 || text.slice(0, 4).toLowerCase() !== "sep=") return null;
  const t = text[4];
  return t === "," || t === ";" || t === "\t" ? t : null;
}

/** The end of the first line (outside quotes): the header's separators are counted up to there. */
function kopfTrenner(text: string, anfang: number): CsvTrenner {
  let semikolon = 0;
  let komma = 0;
  let inAnf = false;
  for (let i = anfang; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inAnf = !inAnf;
    else if (inAnf) continue;
    else if (c === "\n" || c === "\r") break;
    else if (c === ";") semikolon++;
    else if (c === ",") komma++;
  }
  return semikolon > komma ? ";" : ",";
}

/** The records of `text` from `anfang` on, each a list of fields: one pass, a two-state machine. */
function datensaetze(text: string, anfang: number, trenner: CsvTrenner): string[][] {
  const saetze: string[][] = [];
  let satz: string[] = [];
  let feld = "";
  let i = anfang;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && feld === "") {
      // A quoted field: up to the quote that is not doubled; separators and line breaks are text.
      let stueckAnfang = i + 1;
      i++;
      for (;;) {
        const zu = text.indexOf('"', i);
        if (zu < 0) {
          feld += text.slice(stueckAnfang); // unclosed: the rest of the file is the field
          i = text.length;
          break;
        }
        feld += text.slice(stueckAnfang, zu);
        if (text[zu + 1] === '"') {
          feld += '"';
          i = zu + 2;
          stueckAnfang = i;
        } else {
          i = zu + 1;
          break;
        }
      }
      continue;
    }
    if (c === trenner) {
      satz.push(feld);
      feld = "";
    } else if (c === "\n" || c === "\r") {
      satz.push(feld);
      saetze.push(satz);
      satz = [];
      feld = "";
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else {
      // Plain text up to the next separator, quote or line break, taken at once.
      let j = i + 1;
      while (
        j < text.length &&
        text[j] !== trenner &&
        text[j] !== "\n" &&
        text[j] !== "\r" &&
        text[j] !== '"'
      )
        j++;
      feld += text.slice(i, j);
      i = j;
      continue;
    }
    i++;
  }
  if (feld !== "" || satz.length > 0) saetze.push([...satz, feld]);
  return saetze;
}

/** A record that is an empty or blank line (not one of empty fields, „;;;“). */
const leer = (satz: string[]) => satz.length === 1 && satz[0]!.trim() === "";

/** Header and rows; a byte-order mark, a `sep=` line and empty lines are left out. */
export function liesCsv(text: string): { kopf: string[]; zeilen: string[][] } {
  let anfang = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let ende = anfang;
  while (ende < text.length && text[ende] !== "\n" && text[ende] !== "\r") ende++;
  const sep = sepZeile(text.slice(anfang, ende), ende - anfang);
  if (sep !== null) anfang = text[ende] === "\r" && text[ende + 1] === "\n" ? ende + 2 : ende + 1;
  const trenner = sep ?? kopfTrenner(text, anfang);
  const [kopf = [""], ...zeilen] = datensaetze(text, anfang, trenner).filter((s) => !leer(s));
  return { kopf, zeilen };
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
