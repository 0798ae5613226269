import { InputError } from '../cli/input-error';

/** One document of a file, cut out the way kubectl's reader cuts it. */
export interface DocumentChunk {
  /** The document's text as kubectl hands it to the YAML parser (line ends normalized to `\n`). */
  readonly text: string;
  /** 1-based line of the file where the chunk's first line is. */
  readonly firstLine: number;
}

/** How far kubectl looks for the `{` that makes it read a file as a JSON stream. */
const JSON_SNIFF_BYTES = 4096;

/**
 * True when kubectl reads the file as a JSON stream: apimachinery's `GuessJSONStream` peeks at the first 4096
 * bytes and looks for `{` after Unicode white space.
 */
export function looksLikeJsonStream(text: string): boolean {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes < JSON_SNIFF_BYTES; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) return true; // {
    if (!isUnicodeSpace(c)) return false;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return false;
}

/**
 * Splits YAML text into documents exactly as kubectl's `YAMLReader` does, which is not the YAML grammar's idea of a
 * document: the file is read line by line (`\r\n` and `\n` end a line, and are normalized to `\n`), and a line that
 * starts with `---` ends the current document when only white space or a comment follows the dashes. A line that
 * starts with `---` followed by anything else is an error for kubectl ("invalid Yaml document separator"), so it is
 * refused here too. Empty chunks are dropped, as kubectl drops them.
 *
 * A carriage return that does not end a line is refused: YAML parsers take it for a line break, kubectl's reader
 * does not, so the two would disagree about where documents and lines are.
 */
export function splitDocuments(text: string, file: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let lines: string[] = [];
  let chunkFirstLine = 1;
  let lineNumber = 0;
  let start = 0;
  const length = text.length;
  let nextCr = text.indexOf('\r');
  while (start < length) {
    lineNumber++;
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    let lineEnd = end;
    if (end < length && lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
    const cr = nextCr;
    if (cr >= 0 && cr < lineEnd) {
      throw new InputError({
        file,
        line: lineNumber,
        column: cr - start + 1,
        message: 'a carriage return that does not end a line: YAML parsers read it as a line break and kubectl does not; use \\n or \\r\\n line ends',
      });
    }
    const line = text.slice(start, lineEnd);
    if (line.startsWith('---')) {
      const rest = trimGoSpace(line.slice(3));
      if (rest.length > 0 && rest[0] !== '#') {
        throw new InputError({
          file,
          line: lineNumber,
          column: 1,
          message: `a document separator followed by content ("${truncate(line, 40)}"): kubectl refuses it ("invalid Yaml document separator"); put "---" alone on its line and the content on the next`,
        });
      }
      if (lines.length > 0) chunks.push({ text: lines.join('\n') + '\n', firstLine: chunkFirstLine });
      lines = [];
      chunkFirstLine = lineNumber + 1;
    } else {
      if (lines.length === 0) chunkFirstLine = lineNumber;
      lines.push(line);
    }
    start = end + 1;
  }
  if (lines.length > 0) chunks.push({ text: lines.join('\n') + '\n', firstLine: chunkFirstLine });
  return chunks;
}

/** Go's `strings.TrimSpace`. */
function trimGoSpace(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && isUnicodeSpace(s.charCodeAt(from))) from++;
  while (to > from && isUnicodeSpace(s.charCodeAt(to - 1))) to--;
  return s.slice(from, to);
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** Go's `unicode.IsSpace`. */
export function isUnicodeSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
