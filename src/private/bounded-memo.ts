/**
 * Remembers the results of a pure function of a string, for at most `capacity` strings at a time (the memo starts
 * over when it is full), so a scan of many manifests that repeat names and values computes each one once without
 * keeping every string it ever saw. Strings longer than `maxLength` are computed every time and never kept.
 */
export function boundedMemo<T>(compute: (key: string) => T, capacity: number, maxLength = Infinity): (key: string) => T {
  const results = new Map<string, T>();
  return (key: string) => {
    if (key.length > maxLength) return compute(key);
    // One lookup for a remembered result (the hot case); `has` only tells a remembered undefined from none.
    const remembered = results.get(key);
    if (remembered !== undefined || results.has(key)) return remembered as T;
    const result = compute(key);
    if (results.size >= capacity) results.clear();
    results.set(key, result);
    return result;
  };
}
