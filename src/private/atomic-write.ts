import * as fs from 'fs';
import * as path from 'path';
import { batched } from './json-chunks';

/** The file-system calls a write goes through; tests replace `writeSync` to simulate a full disk. */
export interface FileWriter {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  /** The file's type after following links, or undefined when it does not exist. */
  kindOf(file: string): 'file' | 'other' | undefined;
  realpathSync(file: string): string;
}

/** Node's own file system calls. */
export const NODE_WRITER: FileWriter = {
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: fd => fs.fsyncSync(fd),
  closeSync: fd => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: file => fs.unlinkSync(file),
  kindOf: file => {
    try {
      return fs.statSync(file).isFile() ? 'file' : 'other';
    } catch {
      return undefined;
    }
  },
  realpathSync: file => fs.realpathSync(file),
};

/** A write that failed, with one line that says what, where and (for a full disk) how much was needed. */
export class WriteFailure extends Error {
  constructor(message: string, public readonly code?: string) {
    super(message);
    this.name = 'WriteFailure';
  }
}

/**
 * Writes `content` to `file` so that the file is either its old self or complete: the bytes go to a temporary
 * file in the same folder (the same file system, so the rename is atomic), which is flushed and renamed over
 * `file`. On any failure the temporary file is removed and a WriteFailure names what was being written.
 *
 * @param what what the file holds, for the message: `the report`, `the SARIF report`
 */
export function writeFileAtomic(
  target: string, content: string | Uint8Array | Iterable<string>, what: string, writer: FileWriter = NODE_WRITER,
): void {
  const pieces = piecesOf(content);
  const kind = writer.kindOf(target);
  // A device or a FIFO (`--output /dev/stdout`, `/dev/null`) is written in place: renaming over it would replace the
  // device with a plain file. A symbolic link is followed, so the link stays and its target gets the bytes.
  if (kind === 'other') return writeInPlace(target, pieces, what, writer);
  const file = kind === 'file' ? writer.realpathSync(target) : target;
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  const progress = { written: 0, needed: 0 };
  try {
    fd = writer.openSync(temp, 'wx', 0o644);
    writeAll(fd, pieces, writer, progress);
    writer.fsyncSync(fd);
    writer.closeSync(fd);
    fd = undefined;
    writer.renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) {
      try { writer.closeSync(fd); } catch { /* already failing: report the first error */ }
    }
    try { writer.unlinkSync(temp); } catch { /* never created, or already gone */ }
    throw new WriteFailure(describeWriteError(e, what, file, progress.needed, progress.written), (e as NodeJS.ErrnoException)?.code);
  }
}

/** The content as byte pieces: one for a string or bytes, one per (batched) chunk for a stream of strings. */
function piecesOf(content: string | Uint8Array | Iterable<string>): Iterable<Uint8Array> {
  if (typeof content === 'string') return [Buffer.from(content, 'utf8')];
  if (content instanceof Uint8Array) return [content];
  return (function* () {
    for (const piece of batched(content)) yield Buffer.from(piece, 'utf8');
  })();
}

/** Writes every piece; `progress` counts the bytes written and those handed over so far, for the error message. */
function writeAll(fd: number, pieces: Iterable<Uint8Array>, writer: FileWriter, progress: { written: number; needed: number }): void {
  for (const bytes of pieces) {
    progress.needed += bytes.length;
    let done = 0;
    while (done < bytes.length) {
      const n = writer.writeSync(fd, bytes, done, bytes.length - done);
      done += n;
      progress.written += n;
    }
  }
}

function writeInPlace(file: string, pieces: Iterable<Uint8Array>, what: string, writer: FileWriter): void {
  const progress = { written: 0, needed: 0 };
  try {
    const fd = writer.openSync(file, 'w');
    try {
      writeAll(fd, pieces, writer, progress);
    } finally {
      writer.closeSync(fd);
    }
  } catch (e) {
    throw new WriteFailure(describeWriteError(e, what, file, progress.needed, progress.written), (e as NodeJS.ErrnoException)?.code);
  }
}

function describeWriteError(e: unknown, what: string, file: string, needed: number, written: number): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const where = `${what} to ${file}`;
  switch (code) {
    case 'ENOSPC':
      return `cannot write ${where}: the disk is full (${formatBytes(needed)} needed, ${formatBytes(written)} written before it filled); free space and run again, nothing was left half-written`;
    case 'EDQUOT':
      return `cannot write ${where}: the disk quota is exhausted (${formatBytes(needed)} needed); nothing was left half-written`;
    case 'ENOENT':
      return `cannot write ${where}: the folder ${path.dirname(file)} does not exist`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `cannot write ${where}: permission denied in ${path.dirname(file)} (${code})`;
    case 'EISDIR':
      return `cannot write ${where}: it is a directory`;
    default:
      return `cannot write ${where}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
