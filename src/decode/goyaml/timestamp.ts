/**
 * resolve.go's parseTimestamp: whether time.Parse accepts the text with one of go-yaml v2's four layouts.
 * Only acceptance matters (into interface{} go-yaml keeps the text), so this checks, it does not build times.
 */

// The layouts, as sequences of time.Parse elements.
const enum El { Year4, Month, Day, Hour, Minute, Second, Frac9, ZoneColon }
type Part = El | string;

const LAYOUTS: readonly (readonly Part[])[] = [
  // "2006-1-2T15:4:5.999999999Z07:00"
  [El.Year4, '-', El.Month, '-', El.Day, 'T', El.Hour, ':', El.Minute, ':', El.Second, El.Frac9, El.ZoneColon],
  // "2006-1-2t15:4:5.999999999Z07:00"
  [El.Year4, '-', El.Month, '-', El.Day, 't', El.Hour, ':', El.Minute, ':', El.Second, El.Frac9, El.ZoneColon],
  // "2006-1-2 15:4:5.999999999"
  [El.Year4, '-', El.Month, '-', El.Day, ' ', El.Hour, ':', El.Minute, ':', El.Second, El.Frac9],
  // "2006-1-2"
  [El.Year4, '-', El.Month, '-', El.Day],
];

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

function daysIn(month: number, year: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function tryLayout(layout: readonly Part[], s: string): boolean {
  let p = 0;
  let month = -1;
  let day = -1;
  let year = 0;
  // time.Parse's getnum(value, false): one or two digits.
  const getnum = (): number => {
    if (!isDigitAt(s, p)) return -1;
    if (!isDigitAt(s, p + 1)) {
      return s.charCodeAt(p++) - 0x30;
    }
    const v = (s.charCodeAt(p) - 0x30) * 10 + (s.charCodeAt(p + 1) - 0x30);
    p += 2;
    return v;
  };
  for (const part of layout) {
    if (typeof part === 'string') {
      if (part === ' ') {
        // skip(): a layout space matches any run of spaces (or the end of the value).
        if (p < s.length && s.charCodeAt(p) !== 0x20) return false;
        while (p < s.length && s.charCodeAt(p) === 0x20) p++;
        continue;
      }
      if (p >= s.length || s[p] !== part) return false;
      p++;
      continue;
    }
    switch (part) {
      case El.Year4: {
        if (s.length - p < 4 || !isDigitAt(s, p)) return false;
        for (let k = 1; k < 4; k++) if (!isDigitAt(s, p + k)) return false;
        year = Number(s.slice(p, p + 4));
        p += 4;
        break;
      }
      case El.Month:
        month = getnum();
        if (month < 0) return false;
        if (month <= 0 || month > 12) return false;
        break;
      case El.Day:
        day = getnum();
        if (day < 0) return false;
        break;
      case El.Hour: {
        const h = getnum();
        if (h < 0 || h >= 24) return false;
        break;
      }
      case El.Minute: {
        const m = getnum();
        if (m < 0 || m >= 60) return false;
        break;
      }
      case El.Second: {
        const sec = getnum();
        if (sec < 0 || sec >= 60) return false;
        break;
      }
      case El.Frac9: {
        // Optional: a period or comma followed by at least one digit, then any number of digits.
        const c = s.charCodeAt(p);
        if (s.length - p < 2 || (c !== 0x2e && c !== 0x2c) || !isDigitAt(s, p + 1)) break;
        p++;
        while (isDigitAt(s, p)) p++;
        break;
      }
      case El.ZoneColon: {
        if (p < s.length && s.charCodeAt(p) === 0x5a) { // 'Z'
          p++;
          break;
        }
        if (s.length - p < 6) return false;
        if (s.charCodeAt(p + 3) !== 0x3a) return false;
        const sign = s.charCodeAt(p);
        if (!isDigitAt(s, p + 1) || !isDigitAt(s, p + 2) || !isDigitAt(s, p + 4) || !isDigitAt(s, p + 5)) return false;
        const hr = Number(s.slice(p + 1, p + 3));
        const mm = Number(s.slice(p + 4, p + 6));
        if (hr > 24 || mm > 60) return false;
        if (sign !== 0x2b && sign !== 0x2d) return false;
        p += 6;
        break;
      }
    }
  }
  if (p !== s.length) return false;
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  return day >= 1 && day <= daysIn(month, year);
}

/** resolve.go's parseTimestamp(s) ok result. */
export function parseGoTimestamp(s: string): boolean {
  // Quick check: all date formats start with YYYY-.
  let i = 0;
  while (i < s.length && isDigitAt(s, i)) i++;
  if (i !== 4 || i === s.length || s.charCodeAt(i) !== 0x2d) return false;
  for (const layout of LAYOUTS) {
    if (tryLayout(layout, s)) return true;
  }
  return false;
}
