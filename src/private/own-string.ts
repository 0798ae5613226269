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
  // Both ways build a new flat string from the characters. Normalizing is three times as fast as JSON's round trip
  // (20,000 messages of a finding: 22 ms against 60 ms, 3.4 MB either way), but it changes a string that is not in
  // NFC, which then takes the round trip. Cutting a piece out of `s + ' '`, or reading a character (which flattens
  // in place), is faster still, but the piece is a view of a longer string and the flattened tree keeps its root:
  // 0.5 MB more live in a 10k scan's report.
  const normalized = s.normalize();
  return normalized === s ? normalized : JSON.parse(JSON.stringify(s)) as string;
}
