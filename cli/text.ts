/**
 * A plain-text table for the terminal. With `passend`, the table fits `breite` columns: the widest
 * shortenable column loses a character at a time (its cells cut with „…“) until it does.
 */
export function tabelleText(
  kopf: string[],
  roh: string[][],
  rechts: boolean[] = [],
  passend?: { breite: number; kuerzbar: boolean[] },
): string {
  let zeilen = roh.map((z) => z.map(sichtbar));
  const breiten = kopf.map((k, i) => Math.max(k.length, ...zeilen.map((z) => (z[i] ?? "").length)));
  if (passend) {
    const gesamt = () => breiten.reduce((s, b) => s + b, 0) + 2 * (breiten.length - 1);
    const mindest = 6;
    while (gesamt() > passend.breite) {
      const i = breiten.reduce(
        (best, b, j) => (passend.kuerzbar[j] && b > mindest && (best < 0 || b > breiten[best]!) ? j : best),
        -1,
      );
      if (i < 0) break;
      breiten[i] = breiten[i]! - 1;
    }
    const kurz = (x: string, b: number) => (x.length > b ? `${x.slice(0, b - 1)}…` : x);
    zeilen = zeilen.map((z) => z.map((x, i) => kurz(x, breiten[i]!)));
    kopf = kopf.map((x, i) => kurz(x, breiten[i]!));
  }
  const zeile = (z: string[]) =>
    z
      .map((x, i) => (rechts[i] ? x.padStart(breiten[i]!) : x.padEnd(breiten[i]!)))
      .join("  ")
      .trimEnd();
  return [zeile(kopf), breiten.map((b) => "─".repeat(b)).join("  "), ...zeilen.map(zeile)].join("\n");
}

/**
 * Text for the terminal with control characters made visible: a name or cell holding a newline or an
 * ESC sequence cannot fake summary lines or recolour the ministry's terminal.
 */
export function sichtbar(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const n = c.codePointAt(0)!;
    return n === 0x0a
      ? "\\n"
      : n === 0x0d
        ? "\\r"
        : n === 0x09
          ? "\\t"
          : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}
