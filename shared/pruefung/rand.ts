/**
 * Linear cuts at the edges of cell text (issue 29, point 6). A regular expression such as
 * `/[.!]+$/` or `/\s*\([^)]*\)\s*$/` tries every start position and runs to the end from each: on a
 * crafted cell of n such characters that is n² steps. These helpers walk the text once.
 */

const LEERRAUM = /^\s$/;

/** True for a character JavaScript's `\s` (and `String.prototype.trim`) counts as space. */
export function istLeerraum(zeichen: string): boolean {
  return LEERRAUM.test(zeichen);
}

type Zeichenwahl = string | ((zeichen: string) => boolean);

function passt(wahl: Zeichenwahl, zeichen: string): boolean {
  return typeof wahl === "string" ? wahl.includes(zeichen) : wahl(zeichen);
}

/** `text` without the run of leading characters from `vorn` and then the trailing ones from `hinten`. */
export function ohneRand(text: string, vorn: Zeichenwahl, hinten: Zeichenwahl = vorn): string {
  let anfang = 0;
  while (anfang < text.length && passt(vorn, text[anfang]!)) anfang++;
  let ende = text.length;
  while (ende > anfang && passt(hinten, text[ende - 1]!)) ende--;
  return text.slice(anfang, ende);
}

/**
 * A remark in brackets at the end taken off, with the space around it: „Verein (e. V.)“ → „Verein“.
 * The same cut as `text.replace(/\s*\([^)]*\)\s*$/, "")`: the last „)“ ends the text, and the first
 * „(“ after the „)“ before it opens the remark.
 */
export function ohneSchlussklammer(text: string): string {
  const ohneSchluss = text.trimEnd();
  if (!ohneSchluss.endsWith(")")) return text;
  const innen = ohneSchluss.slice(0, -1);
  const auf = innen.indexOf("(", innen.lastIndexOf(")") + 1);
  return auf < 0 ? text : text.slice(0, auf).trimEnd();
}

/**
 * `text` cut at each `trenner`, the space around every cut taken away — as a split at `\s*,\s*`
 * does, without that expression's quadratic search on a long run of spaces.
 */
export function trenne(text: string, trenner: string): string[] {
  const teile = text.split(trenner);
  return teile.map((teil, i) => {
    const links = i > 0 ? teil.trimStart() : teil;
    return i < teile.length - 1 ? links.trimEnd() : links;
  });
}
