/** One step of a field path: a map key or a list index. */
export type PathStep = { readonly key: string } | { readonly index: number };

/**
 * Splits a field path as rules write it (`spec.template.spec.containers[0].securityContext`) into steps.
 * Keys that contain dots can be written quoted in brackets: `metadata.annotations["example.com/x"]`.
 * Returns undefined for a path that does not parse.
 */
export function parseFieldPath(path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let i = 0;
  const n = path.length;
  while (i < n) {
    const c = path[i];
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) return undefined;
      const inner = path.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) {
        steps.push({ index: Number(inner) });
      } else if (/^(["']).*\1$/.test(inner)) {
        const quote = inner[0];
        const end = path.indexOf(`${quote}]`, i + 2);
        steps.push({ key: path.slice(i + 2, end) });
        i = end + 2;
        continue;
      } else if (inner === '*') {
        return steps; // a wildcard points at the list as a whole
      } else {
        return undefined;
      }
      i = close + 1;
    } else {
      let end = i;
      while (end < n && path[end] !== '.' && path[end] !== '[') end++;
      steps.push({ key: path.slice(i, end) });
      i = end;
    }
  }
  return steps;
}
