import { Claim, DecodeAheadRequest, DecodedFile, Slot } from './decode-ahead-protocol';
import { decodeFile } from './decode-file';
import { InputError } from './input-error';
import { toPortable } from '../decode/portable-decode';

/**
 * The helper's side of decoding ahead: claims the files in order, skipping those the reader took, decodes each and
 * posts them in batches; waits while the reader is more than the in-flight limit behind. Ends when every file is
 * claimed or the reader says stop. It waits asynchronously, so that its thread still hears the reader stop.
 */
export async function serveDecodeAhead(request: DecodeAheadRequest): Promise<void> {
  const shared = new Int32Array(request.shared);
  const { files, port } = request;
  // Files decoded and not posted yet: one message per file would cost the reader more than a small file's decoding.
  let batch: DecodedFile[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    port.postMessage(batch);
    batch = [];
    batchBytes = 0;
  };
  for (let index = 0; index < files.length; index++) {
    while (Atomics.load(shared, Slot.IN_FLIGHT) > request.inFlightLimitBytes && Atomics.load(shared, Slot.NEXT) < index) {
      // Never wait on the reader with files it has not been sent.
      flush();
      if (Atomics.load(shared, Slot.STOP)) return;
      const wait = waitAsync(shared, Slot.NEXT, Atomics.load(shared, Slot.NEXT), 1000);
      if (wait.async) await wait.value;
    }
    if (Atomics.load(shared, Slot.STOP)) return;
    // The files the reader has passed, it claimed.
    index = Math.max(index, Atomics.load(shared, Slot.NEXT));
    if (index >= files.length) break;
    if (Atomics.compareExchange(shared, Slot.CLAIMS + index, Claim.FREE, Claim.HELPER) !== Claim.FREE) continue;
    const decoded = decodeOne(request, index);
    Atomics.add(shared, Slot.IN_FLIGHT, decoded.bytes);
    batch.push(decoded);
    batchBytes += decoded.bytes;
    // Posted when large enough, and at once when the reader is at its first file (it is waiting, or about to).
    if (batchBytes >= BATCH_BYTES || Atomics.load(shared, Slot.NEXT) >= batch[0].index) flush();
  }
  flush();
}

/** Bytes of files per message, at most (a larger file goes alone). */
const BATCH_BYTES = 64 * 1024;

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
