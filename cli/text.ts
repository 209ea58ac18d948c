/** A plain-text table for the terminal. */
export function tabelleText(kopf: string[], zeilen: string[][], rechts: boolean[] = []): string {
  const breiten = kopf.map((k, i) => Math.max(k.length, ...zeilen.map((z) => (z[i] ?? "").length)));
  const zeile = (z: string[]) =>
    z
      .map((x, i) => (rechts[i] ? x.padStart(breiten[i]!) : x.padEnd(breiten[i]!)))
      .join("  ")
      .trimEnd();
  return [zeile(kopf), breiten.map((b) => "─".repeat(b)).join("  "), ...zeilen.map(zeile)].join("\n");
}
