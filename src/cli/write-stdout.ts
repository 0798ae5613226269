import * as fs from 'fs';

/** A blocked non-blocking write is retried after this many milliseconds. */
const RETRY_MS = 1;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** The descriptors whose reader has gone. */
const readerGone = new Set<number>();

/**
 * Writes `text` to standard output (or to descriptor `fd`) and returns only when every byte has been handed to the
 * system. Node queues what a pipe cannot take at once (`process.stdout.write` to `| jq` keeps the rest of a report
 * in memory, 36 MB of a 10,000-object scan); writing synchronously keeps only one piece at a time. When the reader
 * has gone (`| head`), the rest of that output is dropped without an error, as command-line tools do.
 */
export function writeStdoutSync(text: string, fd: number = 1): void {
  if (readerGone.has(fd)) return;
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, RETRY_MS);
        continue;
      }
      if (code === 'EPIPE') {
        readerGone.add(fd);
        return;
      }
      throw e;
    }
  }
}
