/** One kind of input the decoder refuses, documented in RULES.md. */
export interface DecoderRefusal {
  /** What the input looks like. */
  readonly input: string;
  /** Why it is refused: what kubectl does with it, and what other readers do. */
  readonly why: string;
  /** How to write it plainly. */
  readonly instead: string;
}

/**
 * Inputs refused (exit 2 in `scan`, a failed synthesis in-process) because YAML readers may read them differently,
 * or because kubectl itself fails on them. Everything else is read exactly as kubectl reads it.
 */
export const DECODER_REFUSALS: DecoderRefusal[] = [
  { input: 'A merge key `<<` that sets a key the same mapping sets explicitly before it', why: 'go-yaml (kubectl) lets the later one win; the YAML merge spec and most readers keep the explicit key', instead: 'Set the key once, without the merge.' },
  { input: 'Two merge keys in one mapping that set one key to different values', why: 'readers disagree about which merge wins', instead: 'Merge one mapping (`<<: [*a, *b]`, earlier wins everywhere), or set the key explicitly.' },
  { input: 'A key given twice in one mapping, or two keys that become one JSON key (`1` and `"1"`, `on` and `"true"`)', why: 'readers keep the first, the last, or refuse; kubectl keeps one at random when two keys convert to the same JSON key', instead: 'Write each key once.' },
  { input: 'An explicit tag (`!!str`, `!!int`, `!!binary`, `!custom`, `!`)', why: 'tags change the type, and readers do not agree on what each tag does', instead: 'Remove the tag; quote a value to make it a string.' },
  { input: 'A null, floating-point or unsigned 64-bit mapping key', why: 'kubectl fails on null and uint64 keys and rewrites float keys in float32 notation', instead: 'Quote the key.' },
  { input: '`.inf`, `.nan` and integers beyond 2^53', why: 'kubectl fails on infinities; Go reads big integers exactly where JavaScript and many tools round them', instead: 'Quote the value if it is text or an identifier.' },
  { input: 'An object with a kind and no apiVersion', why: 'kubectl maps it to the server\'s preferred version of that kind and applies it; the file does not say which API group that is', instead: 'Write the apiVersion.' },
  { input: 'A line that starts with `---` followed by content (`--- x`, `---x`)', why: 'kubectl refuses it ("invalid Yaml document separator")', instead: 'Put `---` alone on its line.' },
  { input: 'Content after a document end marker `...` before the next `---` line', why: 'kubectl reads only the first YAML document of each part between `---` lines and silently drops the rest', instead: 'Separate documents with `---` lines.' },
  { input: 'A carriage return that does not end a line', why: 'YAML parsers take it for a line break, kubectl\'s document splitter does not', instead: 'Use `\\n` or `\\r\\n` line ends.' },
  { input: 'A file that starts as JSON and goes on as YAML', why: 'kubectl reads the first object as JSON and switches to YAML; other tools refuse the file', instead: 'Write the whole file as JSON or as YAML.' },
  { input: 'Excessive aliasing, an unknown anchor, an anchor that contains itself, `%YAML 1.2`', why: 'go-yaml v2 refuses them, so kubectl does', instead: 'Expand the aliases; declare anchors before use; drop the directive.' },
  { input: 'Nesting deeper than 128 levels', why: 'no Kubernetes manifest does; it only serves to exhaust readers', instead: 'Flatten the document.' },
];
