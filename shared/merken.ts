/**
 * Memoises a pure reader of cell text (or of another key: a number). Columns such as Art, Trägerart or
 * Beginn hold few distinct values over thousands of rows; reading each distinct text once keeps
 * validation linear and cheap. The cache is bounded: when full it starts again, so memory stays flat
 * on hostile input. Keys are compared as a Map compares them (-0 is 0).
 */
export function merke<T, K = string>(lies: (schluessel: K) => T, grenze = 5000): (schluessel: K) => T {
  let cache = new Map<K, T>();
  return (schluessel: K) => {
    const bekannt = cache.get(schluessel);
    if (bekannt !== undefined || cache.has(schluessel)) return bekannt as T;
    const wert = lies(schluessel);
    if (cache.size >= grenze) cache = new Map();
    cache.set(schluessel, wert);
    return wert;
  };
}
