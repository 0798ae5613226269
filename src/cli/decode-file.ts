import { FileEntry } from './collect-files';
import { decodeText } from './decode-text';
import { readFileBytes } from './read-bytes';
import { DecodeOptions, decodeManifests } from '../decode/decode-manifests';
import { DecodeResult } from '../decode/decoded-object';

/** A file read from disk and decoded; throws an InputError when it cannot be used. */
export function decodeFile(entry: FileEntry, maxBytes: number, options?: DecodeOptions): { result: DecodeResult; text: string; bytes: number } {
  const bytes = readFileBytes(entry.absolute, entry.display, maxBytes);
  const text = decodeText(bytes, entry.display);
  return { result: decodeManifests(text, entry.display, options), text, bytes: bytes.length };
}
