/* eslint-disable no-bitwise -- bit operations mirror the Go source: UTF-8 octets, base64 quanta, NUL at the end */
/**
 * Port of go-yaml v2's resolve.go (go.yaml.in/yaml/v2 v2.4.4) and of what decode.go's `scalar` does with the
 * result when the target is `interface{}` (what sigs.k8s.io/yaml decodes into).
 */
import { ScalarStyle } from './events';
import { parseGoFloat, parseGoInt, parseGoUint } from './strconv';
import { parseGoTimestamp } from './timestamp';

export const LONG_TAG_PREFIX = 'tag:yaml.org,2002:';
export const NULL_TAG = 'tag:yaml.org,2002:null';
export const BOOL_TAG = 'tag:yaml.org,2002:bool';
export const STR_TAG = 'tag:yaml.org,2002:str';
export const INT_TAG = 'tag:yaml.org,2002:int';
export const FLOAT_TAG = 'tag:yaml.org,2002:float';
export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
export const SEQ_TAG = 'tag:yaml.org,2002:seq';
export const MAP_TAG = 'tag:yaml.org,2002:map';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
export const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** Go's `nil` (tag !!null). */
export interface ResolvedNull { readonly tag: '!!null' }
/** Go's `bool`. */
export interface ResolvedBool { readonly tag: '!!bool'; readonly value: boolean }
/** Go's `int` (int64 on the 64-bit platforms kubectl ships for) or `uint64` above MaxInt64. */
export interface ResolvedInt { readonly tag: '!!int'; readonly value: bigint; readonly goType: 'int' | 'uint64' }
/** Go's `float64`, including +Inf, -Inf, NaN and -0. */
export interface ResolvedFloat { readonly tag: '!!float'; readonly value: number }
/**
 * Go's `string`. `customTag` is set when the scalar carried a tag go-yaml does not resolve (`!foo`, `!`,
 * `!!map`, `!!merge`, ...): go-yaml then hands the text over unchanged as a string.
 */
export interface ResolvedStr { readonly tag: '!!str'; readonly value: string; readonly customTag?: string }
/** A timestamp-looking scalar: go-yaml v2 gives `interface{}` targets the original text as a string. */
export interface ResolvedTimestamp { readonly tag: '!!timestamp'; readonly value: string }
/**
 * `!!binary`: the base64-decoded bytes. Go keeps them in a `string` that need not be UTF-8; `value` is that
 * string as encoding/json would write it (each byte of an invalid sequence becomes U+FFFD).
 */
export interface ResolvedBinary { readonly tag: '!!binary'; readonly value: string; readonly bytes: Uint8Array }

export type ResolvedScalar =
  | ResolvedNull | ResolvedBool | ResolvedInt | ResolvedFloat | ResolvedStr | ResolvedTimestamp | ResolvedBinary;

/** go-yaml's failf from resolve/decode: message is the text after go-yaml's "yaml: " prefix. */
export class YamlResolveError extends Error {
  public readonly goMessage: string;
  constructor(message: string) {
    super(message);
    this.name = 'YamlResolveError';
    this.goMessage = `yaml: ${message}`;
  }
}

const NULL: ResolvedNull = Object.freeze({ tag: '!!null' });
const TRUE: ResolvedBool = Object.freeze({ tag: '!!bool', value: true });
const FALSE: ResolvedBool = Object.freeze({ tag: '!!bool', value: false });

/** resolveTable: 'S' sign, 'D' digit, 'M' in map, '.' float; 0 elsewhere (any non-ASCII first byte too). */
const HINT = new Uint8Array(128);
HINT[0x2b] = 0x53; HINT[0x2d] = 0x53; // + -
for (let c = 0x30; c <= 0x39; c++) HINT[c] = 0x44;
for (const c of 'yYnNtTfFoO~') HINT[c.charCodeAt(0)] = 0x4d;
HINT[0x2e] = 0x2e;

const RESOLVE_MAP = new Map<string, ResolvedScalar>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) RESOLVE_MAP.set(s, TRUE);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) RESOLVE_MAP.set(s, FALSE);
for (const s of ['', '~', 'null', 'Null', 'NULL']) RESOLVE_MAP.set(s, NULL);
for (const s of ['.nan', '.NaN', '.NAN']) RESOLVE_MAP.set(s, Object.freeze({ tag: '!!float', value: NaN }));
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) RESOLVE_MAP.set(s, Object.freeze({ tag: '!!float', value: Infinity }));
for (const s of ['-.inf', '-.Inf', '-.INF']) RESOLVE_MAP.set(s, Object.freeze({ tag: '!!float', value: -Infinity }));
// resolve.go maps "<<" to !!merge, but '<' has no hint in resolveTable, so the lookup is never reached and
// "<<" resolves to the string "<<"; decode.go's isMerge (isMergeKey here) is what makes a key merge.
RESOLVE_MAP.set('<<', Object.freeze({ tag: '!!str', value: '<<' }));

/** The spellings of go-yaml's resolve table, for tests and documentation. */
export const RESOLVE_TABLE_KEYS: readonly string[] = [...RESOLVE_MAP.keys()];

/** shortTag: `tag:yaml.org,2002:x` -> `!!x`. */
export function shortTag(tag: string): string {
  return tag.startsWith(LONG_TAG_PREFIX) ? '!!' + tag.slice(LONG_TAG_PREFIX.length) : tag;
}

/** longTag: `!!x` -> `tag:yaml.org,2002:x`. */
export function longTag(tag: string): string {
  return tag.startsWith('!!') ? LONG_TAG_PREFIX + tag.slice(2) : tag;
}

function resolvableTag(tag: string): boolean {
  return tag === '' || tag === STR_TAG || tag === BOOL_TAG || tag === INT_TAG || tag === FLOAT_TAG
    || tag === NULL_TAG || tag === TIMESTAMP_TAG;
}

/** yamlStyleFloat = ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ , by hand. */
export function isYamlStyleFloat(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (i < n && (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d)) i++;
  if (i < n && s.charCodeAt(i) === 0x2e) {
    i++;
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === start) return false;
  } else {
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === start) return false;
    if (i < n && s.charCodeAt(i) === 0x2e) {
      i++;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
    }
  }
  if (i < n && (s.charCodeAt(i) === 0x65 || s.charCodeAt(i) === 0x45)) {
    i++;
    if (i < n && (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d)) i++;
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  return i === n;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const MAX_INT64 = (1n << 63n) - 1n;

function intResult(v: bigint): ResolvedInt {
  return { tag: '!!int', value: v, goType: v > MAX_INT64 ? 'uint64' : 'int' };
}

/**
 * resolve(tag, in) of resolve.go, with the long tag it was given (`''` for none). Returns go-yaml's rtag (long)
 * and value, and throws go-yaml's "cannot decode" error from its deferred check.
 */
function goResolve(tag: string, input: string): ResolvedScalar {
  if (!resolvableTag(tag)) return { tag: '!!str', value: input, customTag: shortTag(tag) };
  const out = resolveUnchecked(tag, input);
  if (tag === '' || tag === STR_TAG) return out;
  const rtag = LONG_TAG_PREFIX + out.tag.slice(2);
  if (rtag === tag) return out;
  // A !!float tag accepts what resolved to a Go int (not a uint64).
  if (tag === FLOAT_TAG && out.tag === '!!int' && out.goType === 'int') {
    return { tag: '!!float', value: Number(out.value) };
  }
  throw new YamlResolveError(`cannot decode ${out.tag} \`${input}\` as a ${shortTag(tag)}`);
}

function resolveUnchecked(tag: string, input: string): ResolvedScalar {
  const c0 = input.length === 0 ? -1 : input.charCodeAt(0);
  const hint = c0 === -1 ? 0x4e : c0 < 128 ? HINT[c0] : 0;
  if (hint !== 0 && tag !== STR_TAG && tag !== BINARY_TAG) {
    const item = RESOLVE_MAP.get(input);
    if (item !== undefined) return item;
    if (hint === 0x2e) {
      const f = parseGoFloat(input);
      if (f !== undefined) return { tag: '!!float', value: f };
    } else if (hint === 0x44 || hint === 0x53) {
      if (tag === '' || tag === TIMESTAMP_TAG) {
        if (parseGoTimestamp(input)) return { tag: '!!timestamp', value: input };
      }
      const plain = input.indexOf('_') === -1 ? input : input.split('_').join('');
      const iv = parseGoInt(plain, 0);
      if (iv !== undefined) return intResult(iv);
      const uv = parseGoUint(plain, 0);
      if (uv !== undefined) return intResult(uv);
      if (isYamlStyleFloat(plain)) {
        const f = parseGoFloat(plain);
        if (f !== undefined) return { tag: '!!float', value: f };
      }
      if (plain.startsWith('0b')) {
        const bv = parseGoInt(plain.slice(2), 2);
        if (bv !== undefined) return intResult(bv);
        const buv = parseGoUint(plain.slice(2), 2);
        if (buv !== undefined) return intResult(buv);
      } else if (plain.startsWith('-0b')) {
        const bv = parseGoInt('-' + plain.slice(3), 2);
        if (bv !== undefined) return intResult(bv);
      }
    }
    // hint 'M' (and 'N' for the empty string): the map was the only chance.
  }
  return { tag: '!!str', value: input };
}

/**
 * What go-yaml v2 decodes a scalar into when the target is `interface{}`.
 * @param tag the event's tag: '' for none, long (`tag:yaml.org,2002:int`) or short (`!!int`) form, or any
 *   other tag (`!`, `!foo`, `tag:example.com,2000:x`)
 * @param value the scalar's text
 * @param style the scalar's style: without a tag only plain scalars are resolved, the others are strings
 * @throws YamlResolveError for a tagged value that does not fit its tag, and for invalid `!!binary` data
 */
export function resolveScalar(tag: string, value: string, style: ScalarStyle): ResolvedScalar {
  // decode.go: `n.tag == "" && !n.implicit` is a string; implicit is set for plain untagged scalars and for
  // any scalar tagged `!` (the parser's plain_implicit).
  if (tag === '') {
    if (style !== ScalarStyle.PLAIN && style !== ScalarStyle.ANY) return { tag: '!!str', value };
    return goResolve('', value);
  }
  const long = longTag(tag);
  if (long === BINARY_TAG) return decodeBinary(value);
  return goResolve(long, value);
}

/**
 * decode.go's isMerge: a mapping key merges when it is the scalar `<<`, plain and untagged (implicit, which also
 * holds for the `!` tag), or tagged !!merge.
 */
export function isMergeKey(tag: string, value: string, implicit: boolean): boolean {
  return value === '<<' && (implicit || longTag(tag) === MERGE_TAG);
}

// ---------------------------------------------------------------------------------------------------------
// !!binary: encoding/base64 StdEncoding.DecodeString (padding required, \r and \n ignored, non-strict).

const B64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((ch, i) => {
  B64[ch.charCodeAt(0)] = i;
});

function decodeBinary(text: string): ResolvedBinary {
  const bytes = goBase64Decode(text);
  if (bytes === undefined) throw new YamlResolveError('!!binary value contains invalid base64 data');
  return { tag: '!!binary', value: goBytesToJsonString(bytes), bytes };
}

/** Port of encoding/base64 (*Encoding).Decode for StdEncoding; undefined on a CorruptInputError. */
export function goBase64Decode(text: string): Uint8Array | undefined {
  // The input is a Go string: its bytes are the UTF-8 encoding; any non-ASCII byte is invalid base64.
  const src: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return undefined;
    src.push(c);
  }
  const out: number[] = [];
  let si = 0;
  const n = src.length;
  while (true) {
    // decodeQuantum
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      if (si === n) {
        if (j === 0) return new Uint8Array(out);
        if (j === 1) return undefined;
        return undefined; // StdEncoding has padding: a short final quantum is corrupt
      }
      const ch = src[si];
      si++;
      const v = ch < 128 ? B64[ch] : -1;
      if (v !== -1) {
        dbuf[j] = v;
        continue;
      }
      if (ch === 0x0a || ch === 0x0d) {
        j--;
        continue;
      }
      if (ch !== 0x3d) return undefined;
      // '=' padding
      switch (j) {
        case 0:
        case 1:
          return undefined;
        case 2:
          // "==" is expected: skip newlines, then the second '='.
          while (si < n && (src[si] === 0x0a || src[si] === 0x0d)) si++;
          if (si === n) return undefined;
          if (src[si] !== 0x3d) return undefined;
          si++;
          break;
      }
      // skip over newlines
      while (si < n && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si < n) return undefined; // trailing garbage
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const b0 = (val >> 16) & 0xff;
    const b1 = (val >> 8) & 0xff;
    const b2 = val & 0xff;
    switch (dlen) {
      case 4:
        out.push(b0, b1, b2);
        break;
      case 3:
        out.push(b0, b1);
        break;
      case 2:
        out.push(b0);
        break;
    }
    if (dlen < 4) return new Uint8Array(out);
  }
}

/** A Go string's bytes as encoding/json writes them: invalid UTF-8 bytes each become U+FFFD. */
export function goBytesToJsonString(b: Uint8Array): string {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
      continue;
    }
    // utf8.DecodeRune
    let need = 0;
    let min = 0;
    let cp = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; } else if (c >= 0xe0 && c <= 0xef) {
      need = 2; cp = c & 0x0f; min = 0x800;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3; cp = c & 0x07; min = 0x10000;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else {
      s += '\ufffd';
      i++;
      continue;
    }
    let ok = i + need < b.length;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const t = b[i + k];
        const l = k === 1 ? lo : 0x80;
        const h = k === 1 ? hi : 0xbf;
        if (t < l || t > h) { ok = false; break; }
        cp = (cp << 6) | (t & 0x3f);
      }
    }
    if (!ok || cp < min) {
      s += '\ufffd';
      i++;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}
