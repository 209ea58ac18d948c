/** A plain-text table for the terminal. */
export function tabelleText(kopf: string[], roh: string[][], rechts: boolean[] = []): string {
  const zeilen = roh.map((z) => z.map(sichtbar));
  const breiten = kopf.map((k, i) => Math.max(k.length, ...zeilen.map((z) => (z[i] ?? "").length)));
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
