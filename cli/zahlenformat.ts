/**
 * What Excel shows is what we check (X06): a number format can show other digits than the cell holds —
 * digits written as literal text (`"30.000,00 €"` on 999.999) or a section without any digit
 * placeholder (`;;;` hides the value). One linear pass over the format, no regular expression.
 */

interface Abschnitt {
  /** Digit placeholders 0 # ? (or date/time parts) outside text, escapes and [brackets]. */
  platzhalter: boolean;
  /** Digits shown as literal text ("123", \1). */
  ziffernText: boolean;
  /** General or text (@): shows the value itself. */
  allgemein: boolean;
}

function abschnitte(format: string): Abschnitt[] {
  const liste: Abschnitt[] = [];
  let a: Abschnitt = { platzhalter: false, ziffernText: false, allgemein: false };
  let inText = false;
  let inKlammer = false;
  for (let i = 0; i < format.length; i++) {
    const z = format[i]!;
    const ziffer = z >= "0" && z <= "9";
    if (inText) {
      if (z === '"') inText = false;
      else if (ziffer) a.ziffernText = true;
    } else if (inKlammer) inKlammer = z !== "]";
    else if (z === '"') inText = true;
    else if (z === "[") inKlammer = true;
    else if (z === "\\" || z === "_" || z === "*") {
      if (z === "\\" && (format[i + 1] ?? "") >= "0" && (format[i + 1] ?? "") <= "9") a.ziffernText = true;
      i++; // the next character is shown (\, *) or its width kept (_), never a placeholder
    } else if (z === ";") {
      liste.push(a);
      a = { platzhalter: false, ziffernText: false, allgemein: false };
    } else if ("0#?".includes(z) || "dmyhseDMYHSE".includes(z))
      a.platzhalter = true; // digits, dates
    else if (
      z === "@" ||
      /^general/i.test(format.slice(i, i + 7)) ||
      /^standard/i.test(format.slice(i, i + 8))
    )
      a.allgemein = true;
  }
  liste.push(a);
  return liste;
}

/** Why `format` shows `wert` with other digits (German), or null when it shows the value. */
export function taeuschendesFormat(format: string | undefined, wert: number): string | null {
  if (!format || /^(general|standard)$/i.test(format)) return null;
  const teile = abschnitte(format);
  const a = wert > 0 ? teile[0]! : wert < 0 ? (teile[1] ?? teile[0]!) : (teile[2] ?? teile[0]!);
  if (a.ziffernText) return `das Zahlenformat ${JSON.stringify(format)} zeigt feste Ziffern als Text`;
  if (!a.platzhalter && !a.allgemein) return `das Zahlenformat ${JSON.stringify(format)} verbirgt den Wert`;
  return null;
}
