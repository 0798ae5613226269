/**
 * The decoder under test, behind one function so that the differential run and the replay test share it.
 * Contract: the objects kubectl would send, in order, and how many documents kubectl would refuse to apply (a bare
 * list, a document without kind); or an InputError when the input is refused as a whole.
 */
import { decodeManifests } from '../../src/decode/decode-manifests';

export function decodeOurs(text: string, file: string): { objects: unknown[]; refusedDocuments: number } {
  const decoded = decodeManifests(text, file);
  return { objects: decoded.objects.map(o => o.value), refusedDocuments: decoded.refused.length };
}
