/**
 * The decoder under test, behind one function so that the differential run and the replay test switch decoders in
 * one line. Contract: the objects kubectl would send, in order, or an InputError when the input is refused.
 */
import { parseManifests } from '../../src/cli/parse-manifests';

export function decodeOurs(text: string, file: string): unknown[] {
  return parseManifests(text, file).map(parsed => parsed.value);
}
