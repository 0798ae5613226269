import * as fs from 'fs';
import { describeFsError, specialFileMessage } from './collect-files';
import { InputError } from './input-error';

/** The largest manifest file read: larger inputs are refused rather than risking the memory of a CI runner. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

// eslint-disable-next-line no-bitwise
const READ_NONBLOCK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads a whole file, refusing one larger than `maxBytes` before reading it. */
export function readFileBytes(absolute: string, display: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise block before fstat can refuse it.
    fd = fs.openSync(absolute, READ_NONBLOCK);
  } catch (e) {
    throw new InputError({ file: display, message: describeFsError(e, 'the file') });
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new InputError({ file: display, message: specialFileMessage(stat) });
    if (stat.size > maxBytes) {
      throw tooLarge(display, maxBytes);
    }
    return stat.isFile() ? readKnownSize(fd, stat.size, display, maxBytes) : readAll(fd, display, maxBytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads standard input to its end (synchronously), with the same size limit. */
export function readStdinBytes(maxBytes: number, display: string): Uint8Array {
  return readAll(0, display, maxBytes);
}

/**
 * Reads a regular file into one buffer of its size: no chunk buffer and no copy per file, which is what a walk over
 * tens of thousands of small files pays for. A file that grew since its size was read is read on to its end.
 */
function readKnownSize(fd: number, size: number, display: string, maxBytes: number): Uint8Array {
  // One byte more than the size, to see the end of the file without another buffer.
  const buffer = Buffer.allocUnsafe(size + 1);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, buffer, total, buffer.length - total, null);
    } catch (e) {
      throw new InputError({ file: display, message: describeFsError(e, 'the input') });
    }
    if (n === 0) return buffer.subarray(0, total);
    total += n;
    if (total === buffer.length) break; // it grew: read the rest in chunks
  }
  if (total > maxBytes) throw tooLarge(display, maxBytes);
  const rest = readAll(fd, display, maxBytes - total);
  return Buffer.concat([buffer, rest], total + rest.length);
}

function readAll(fd: number, display: string, maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { sleep(5); continue; }
      if (code === 'EOF') break;
      throw new InputError({ file: display, message: describeFsError(e, 'the input') });
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooLarge(display, maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(display: string, maxBytes: number): InputError {
  return new InputError({ file: display, message: `the input is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most scan reads from one file; split it` });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
