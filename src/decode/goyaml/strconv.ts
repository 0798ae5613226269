/* eslint-disable no-bitwise -- bit operations mirror the Go source: UTF-8 octets, base64 quanta, NUL at the end */
/**
 * Go's strconv.ParseUint, ParseInt (bitSize 64) and ParseFloat (bitSize 64) as resolve.go calls them.
 * Each returns undefined where Go returns an error (syntax or range): resolve.go ignores which one.
 */

const MAX_UINT64 = (1n << 64n) - 1n;
const INT64_CUTOFF = 1n << 63n;

function lower(c: number): number {
  return c | 0x20;
}

/** strconv.ParseUint(s, base, 64), base 0 or 2..36. */
export function parseGoUint(s: string, base: number): bigint | undefined {
  if (s.length === 0) return undefined;
  const base0 = base === 0;
  const s0 = s;
  let i = 0;
  if (base0) {
    base = 10;
    if (s.charCodeAt(0) === 0x30) {
      const c1 = s.length >= 3 ? lower(s.charCodeAt(1)) : -1;
      if (c1 === 0x62) {
        base = 2;
        i = 2;
      } else if (c1 === 0x6f) {
        base = 8;
        i = 2;
      } else if (c1 === 0x78) {
        base = 16;
        i = 2;
      } else {
        base = 8;
        i = 1;
      }
    }
  } else if (base < 2 || base > 36) {
    return undefined;
  }
  const b = BigInt(base);
  let n = 0n;
  let underscores = false;
  // Fast path: accumulate in a double while exact.
  let small = 0;
  let useSmall = true;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    } else if (c >= 0x30 && c <= 0x39) {
      d = c - 0x30;
    } else if (lower(c) >= 0x61 && lower(c) <= 0x7a) {
      d = lower(c) - 0x61 + 10;
    } else {
      return undefined;
    }
    if (d >= base) return undefined;
    if (useSmall) {
      const next = small * base + d;
      if (next <= Number.MAX_SAFE_INTEGER) {
        small = next;
        continue;
      }
      useSmall = false;
      n = BigInt(small);
    }
    n = n * b + BigInt(d);
    if (n > MAX_UINT64) return undefined; // range error (Go stops at the first overflow)
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return useSmall ? BigInt(small) : n;
}

/** strconv.ParseInt(s, base, 64). */
export function parseGoInt(s: string, base: number): bigint | undefined {
  if (s.length === 0) return undefined;
  let neg = false;
  let rest = s;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b) {
    rest = s.slice(1);
  } else if (c0 === 0x2d) {
    neg = true;
    rest = s.slice(1);
  }
  const un = parseGoUintForInt(rest, base);
  if (un === undefined) return undefined;
  if (!neg && un >= INT64_CUTOFF) return undefined;
  if (neg && un > INT64_CUTOFF) return undefined;
  return neg ? -un : un;
}

/**
 * ParseInt passes on ParseUint's value when ParseUint fails with a range error (and then fails itself);
 * either way a value above the int64 range fails, so the plain ParseUint result is enough.
 */
function parseGoUintForInt(s: string, base: number): bigint | undefined {
  return parseGoUint(s, base);
}

/** strconv's underscoreOK. */
export function underscoreOK(s: string): boolean {
  let saw = 0x5e; // '^'
  let i = 0;
  if (s.length >= 1 && (s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b)) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s.charCodeAt(0) === 0x30) {
    const c1 = lower(s.charCodeAt(1));
    if (c1 === 0x62 || c1 === 0x6f || c1 === 0x78) {
      i = 2;
      saw = 0x30;
      hex = c1 === 0x78;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = 0x30;
      continue;
    }
    if (c === 0x5f) {
      if (saw !== 0x30) return false;
      saw = 0x5f;
      continue;
    }
    if (saw === 0x5f) return false;
    saw = 0x21;
  }
  return saw !== 0x5f;
}

function commonPrefixLenIgnoreCase(s: string, from: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && from + n < s.length) {
    let c = s.charCodeAt(from + n);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== prefix.charCodeAt(n)) break;
    n++;
  }
  return n;
}

/**
 * strconv.ParseFloat(s, 64): decimal and special ("inf", "infinity", "nan", any case, signed) forms.
 * Hexadecimal floats (`0x1p-2`) cannot reach ParseFloat from resolve.go (the `.` hint excludes them and the
 * yamlStyleFloat regexp gates the other path), so they are refused here.
 */
export function parseGoFloat(s: string): number | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  // special()
  {
    let i = 0;
    let sign = 1;
    const c0 = s.charCodeAt(0);
    if (c0 === 0x2b || c0 === 0x2d) {
      if (c0 === 0x2d) sign = -1;
      i = 1;
    }
    const c = i < n ? lower(s.charCodeAt(i)) : -1;
    if (c === 0x69) {
      let k = commonPrefixLenIgnoreCase(s, i, 'infinity');
      if (k > 3 && k < 8) k = 3;
      if (k === 3 || k === 8) return i + k === n ? sign * Infinity : undefined;
    } else if (c === 0x6e && i === 0) {
      if (commonPrefixLenIgnoreCase(s, 0, 'nan') === 3) return n === 3 ? NaN : undefined;
    }
  }
  // readFloat, base 10
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) i++;
  if (i + 2 < n && s.charCodeAt(i) === 0x30 && lower(s.charCodeAt(i + 1)) === 0x78) return undefined;
  let underscores = false;
  let sawdot = false;
  let sawdigits = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) { underscores = true; continue; }
    if (c === 0x2e) {
      if (sawdot) break;
      sawdot = true;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) { sawdigits = true; continue; }
    break;
  }
  if (!sawdigits) return undefined;
  if (i < n && lower(s.charCodeAt(i)) === 0x65) {
    i++;
    if (i >= n) return undefined;
    const e = s.charCodeAt(i);
    if (e === 0x2b || e === 0x2d) i++;
    if (i >= n || s.charCodeAt(i) < 0x30 || s.charCodeAt(i) > 0x39) return undefined;
    for (; i < n && ((s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) || s.charCodeAt(i) === 0x5f); i++) {
      if (s.charCodeAt(i) === 0x5f) underscores = true;
    }
  }
  if (underscores && !underscoreOK(s.slice(0, i))) return undefined;
  if (i !== n) return undefined;
  // JS number parsing is correctly rounded, as Go's is; Go reports overflow to infinity as a range error.
  const v = Number(underscores ? s.split('_').join('') : s);
  if (!Number.isFinite(v)) return undefined;
  return v;
}
