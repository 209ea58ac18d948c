/** Every number anywhere in a value is finite (JSON would silently turn NaN and Infinity into null). */
export function nichtEndlicheZahlen(wert: unknown, pfad = ""): string[] {
  if (typeof wert === "number") return Number.isFinite(wert) ? [] : [`${pfad || "/"}: ${wert}`];
  if (Array.isArray(wert)) return wert.flatMap((w, i) => nichtEndlicheZahlen(w, `${pfad}/${i}`));
  if (wert && typeof wert === "object")
    return Object.entries(wert).flatMap(([k, w]) => nichtEndlicheZahlen(w, `${pfad}/${k}`));
  return [];
}
