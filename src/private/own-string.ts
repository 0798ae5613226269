/**
 * A copy of a string cut out of a document's text that does not keep that text alive. V8 represents a substring of
 * 13 characters or more as a view of the whole string it was cut from, so one image reference kept from a document
 * would keep the whole document in memory for as long as its object lives (whole-app rules keep every object to
 * the end of a scan). Equal strings share one copy, so the values that manifests repeat (labels, images, protocols)
 * are held once.
 */
export function ownString(s: string): string {
  let own = copies.get(s);
  if (own === undefined) {
    own = s.length < SLICE_MIN_LENGTH ? s : flatCopy(s);
    if (copies.size >= MAX_COPIES) copies.clear();
    // Keyed by the copy: `s` itself may be the view of the text that must not be kept.
    copies.set(own, own);
  }
  return own;
}

/** V8's SlicedString::kMinLength: shorter substrings are copied anyway. */
const SLICE_MIN_LENGTH = 13;
/** Bounds the table: a scan of unique values must not keep them all twice. */
const MAX_COPIES = 20000;
const copies = new Map<string, string>();

/**
 * A new string with the characters of `s` in one piece. A string built with `+` or a template literal is a tree of
 * its pieces (a dozen for a finding's message), several times the size of its characters, for as long as it lives.
 */
export function flatCopy(s: string): string {
  // JSON's round trip always builds a new flat string from the characters. Normalizing to NFC is three times as
  // fast on a string built with `+`, but V8 gives back a substring as it is, view of its text and all, so it cannot
  // serve ownString. Cutting a piece out of `s + ' '` is faster too, but the piece is a view of a string one character
  // longer: 1.2 MB more live in a 10k scan's report.
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * `s`, built with `+` or a template literal, in one piece: V8 flattens a concatenation in place the first time one of
 * its characters is read, copying its pieces into one string (substrings included, so no view of a document's text
 * survives), and the collector then drops the tree. Two to three times as fast as `flatCopy`, but only for a
 * concatenation: a substring read this way stays a view of its whole text.
 */
export function flattenConcatenation(s: string): string {
  s.charCodeAt(0);
  return s;
}
