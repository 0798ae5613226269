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
  const objects = parseManifests(text, file).map((parsed, index) => ({
    value: parsed.value,
    documentIndex: index,
    line: parsed.line,
    locator: parsed.locator,
  }));
  return { objects, refused: [] };
}
