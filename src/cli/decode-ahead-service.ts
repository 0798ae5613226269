import { Claim, DecodeAheadRequest, DecodedFile, Slot } from './decode-ahead-protocol';
import { decodeFile } from './decode-file';
import { InputError } from './input-error';
import { toPortable } from '../decode/portable-decode';

/**
 * The helper's side of decoding ahead: claims the files in order, skipping those the reader took, and posts each
 * decoded file; waits while the reader is more than the in-flight limit behind. Ends when every file is claimed
 * or the reader says stop. Runs in a thread with nothing else to do (the command's launcher thread): it waits
 * asynchronously, so that thread still hears its worker exit.
 */
export async function serveDecodeAhead(request: DecodeAheadRequest): Promise<void> {
  const shared = new Int32Array(request.shared);
  const { files, port } = request;
  for (let index = 0; index < files.length; index++) {
    while (Atomics.load(shared, Slot.IN_FLIGHT) > request.inFlightLimitBytes && Atomics.load(shared, Slot.NEXT) < index) {
      if (Atomics.load(shared, Slot.STOP)) return;
      const wait = waitAsync(shared, Slot.NEXT, Atomics.load(shared, Slot.NEXT), 1000);
      if (wait.async) await wait.value;
    }
    if (Atomics.load(shared, Slot.STOP)) return;
    // The files the reader has passed, it claimed.
    index = Math.max(index, Atomics.load(shared, Slot.NEXT));
    if (index >= files.length) return;
    if (Atomics.compareExchange(shared, Slot.CLAIMS + index, Claim.FREE, Claim.HELPER) !== Claim.FREE) continue;
    const decoded = decodeOne(request, index);
    Atomics.add(shared, Slot.IN_FLIGHT, decoded.bytes);
    port.postMessage(decoded);
  }
}

// Atomics.waitAsync (ES2024, in Node since 16) is not in the ES2022 library the project compiles against.
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number, timeout: number): { async: false } | { async: true; value: Promise<string> };
}).waitAsync;

function decodeOne(request: DecodeAheadRequest, index: number): DecodedFile {
  let bytes = 0;
  try {
    // The values are serialized at once: their strings may stay views of the text.
    const file = decodeFile(request.files[index], request.maxBytes, { ownStrings: false });
    bytes = file.bytes;
    const portable = toPortable(file.result);
    return portable ? { index, bytes, portable } : { index, bytes, text: file.text };
  } catch (e) {
    if (e instanceof InputError) return { index, bytes, problem: e.problem };
    return { index, bytes, failure: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
}
