import { DecodeResult } from './decoded-object';
import { parseManifests } from '../cli/parse-manifests';

/**
 * Decodes the text of a manifest file (YAML, one or many documents, or a JSON stream) into the objects kubectl
 * would send to the API server. Throws an InputError (file, line, what is ambiguous and how to write it plainly)
 * for input that YAML readers may read differently, and for malformed input.
 *
 * Temporary implementation over the previous reader; the go-yaml v2 exact decoder replaces it.
 */
export function decodeManifests(text: string, file: string): DecodeResult {
  const documentAt = documentIndexByLine(text);
  const objects = parseManifests(text, file).map((parsed, index) => ({
    value: parsed.value,
    documentIndex: parsed.line === undefined ? index : documentAt(parsed.line),
    line: parsed.line,
    locator: parsed.locator,
  }));
  return { objects, refused: [] };
}

/**
 * The index of the document a line belongs to, counting documents as kubectl's reader splits a file: at every line
 * that starts with `---`, skipping chunks that hold no line at all.
 */
function documentIndexByLine(text: string): (line: number) => number {
  const indexOfLine: number[] = [0];
  let completed = 0;
  let chunkHasLines = false;
  const lines = text.split('\n');
  // A final empty string after the last newline is not a line.
  const count = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let i = 0; i < count; i++) {
    if (lines[i].startsWith('---')) {
      if (chunkHasLines) completed++;
      chunkHasLines = false;
    } else {
      chunkHasLines = true;
    }
    indexOfLine.push(completed);
  }
  return line => indexOfLine[Math.min(Math.max(line, 1), indexOfLine.length - 1)] ?? 0;
}
