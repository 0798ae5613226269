import { ScalarStyle } from './goyaml/events';
import { resolveScalar } from './goyaml/resolve';
import { boundedMemo } from '../private/bounded-memo';

/**
 * What a document written from a JSON value reads back as, proven from the value alone, so that the document need not
 * be parsed: when every scalar of the value is one that go-yaml v2 (through sigs.k8s.io/yaml, as kubectl reads it)
 * can only read as itself, however a YAML emitter quotes it, the decoded document is a copy of the value.
 *
 * The proof is deliberately narrow. It accepts:
 * - plain objects and arrays (no holes, no undefined members, no symbol keys), whose keys are safe strings;
 * - safe integers (not -0), booleans and null;
 * - strings that start with an ASCII letter or digit, go on with letters, digits, single spaces and `._/:@=+-%,();`
 *   only, hold no `: ` (a mapping indicator), do not end in `:` or a space, and that go-yaml's resolver (our port of resolve.go) reads, written plain, as that same string: not a
 *   boolean or null (`yes`, `on`, `~`, ...), a number (`0x10`, `1_000`, `1e3`), a timestamp or `.inf`. Such a
 *   scalar has no indicator, comment or line break that could change the document's structure, so the
 *   emitter's choice of plain or quoted does not matter: a quoted scalar is always the string.
 *   Kubernetes quantities (`500m`, `512Mi`) and image references (`ghcr.io/acme/web:1.4.2`) are of this kind.
 * Anything else (floats, empty strings, spaces, line breaks, non-ASCII, numbers written as strings, ...) makes the
 * caller parse the document, as the cluster's reader would.
 */
export function provenReadBack(value: unknown): object | undefined {
  if (!isPlainObject(value)) return undefined;
  const copy = copyIfProven(value, 0);
  return copy === NOT_PROVEN ? undefined : copy as object;
}

const NOT_PROVEN = Symbol('not proven');
/** Deeper values are parsed: real manifests stay far below, and the copy recurses. */
const MAX_DEPTH = 100;
const SAFE_STRING = /^[A-Za-z0-9][A-Za-z0-9._/:@=+%,();-]*(?: [A-Za-z0-9._/:@=+%,();-]+)*$/;

/**
 * True for a string whose plain and quoted YAML forms both read back, in go-yaml v2, as the same string. Keys and
 * values repeat across a chart's objects: each is proven once.
 */
export const isProvenString: (s: string) => boolean = boundedMemo(
  s => SAFE_STRING.test(s) && !s.endsWith(':') && !s.includes(': ') && readsAsItself(s), 20000);

function readsAsItself(s: string): boolean {
  let resolved;
  try {
    resolved = resolveScalar('', s, ScalarStyle.PLAIN);
  } catch {
    return false; // whatever go-yaml refuses is not vouched for
  }
  return resolved.tag === '!!str' && resolved.value === s;
}

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function copyIfProven(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return isProvenString(value) ? value : NOT_PROVEN;
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? value : NOT_PROVEN;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return NOT_PROVEN;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) return NOT_PROVEN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PROVEN;
    const items = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PROVEN;
      const item = copyIfProven(value[i], depth + 1);
      if (item === NOT_PROVEN) return NOT_PROVEN;
      items[i] = item;
    }
    return items;
  }
  if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return NOT_PROVEN;
  const copy: { [key: string]: unknown } = {};
  for (const key of Object.keys(value)) {
    if (!isProvenString(key)) return NOT_PROVEN;
    const member = copyIfProven(value[key], depth + 1);
    if (member === NOT_PROVEN) return NOT_PROVEN;
    copy[key] = member;
  }
  return copy;
}
