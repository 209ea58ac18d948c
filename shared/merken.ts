/**
 * Memoises a pure reader of cell text. Columns such as Art, Trägerart or Beginn hold few distinct
 * values over thousands of rows; reading each distinct text once keeps validation linear and cheap.
 * The cache is bounded: when full it starts again, so memory stays flat on hostile input.
 */
export function merke<T>(lies: (text: string) => T, grenze = 5000): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string) => {
    const bekannt = cache.get(text);
    if (bekannt !== undefined || cache.has(text)) return bekannt as T;
    const wert = lies(text);
    if (cache.size >= grenze) cache = new Map();
    cache.set(text, wert);
    return wert;
  };
}
