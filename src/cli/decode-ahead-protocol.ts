import type { MessagePort } from 'worker_threads';
import type { FileEntry } from './collect-files';
import type { InputProblem } from './input-problem';
import type { PortableDecodeResult } from '../decode/portable-decode';

// What the reading thread of a scan and the thread that decodes files ahead of it share. The files are claimed one
// by one in a shared array, so that each is decoded exactly once, by whichever thread gets to it first: the helper
// runs ahead in file order, and the reader decodes a file itself when the helper has not reached it.

/** Indexes of the shared Int32Array. */
export const enum Slot {
  /** Set to 1 when the reader needs no more files. */
  STOP = 0,
  /** Index of the next file the reader takes. */
  NEXT = 1,
  /** Bytes of the files the helper has posted and the reader has not taken. */
  IN_FLIGHT = 2,
  /** First of the claims, one per file. */
  CLAIMS = 3,
}

/** Who decodes a file. */
export const enum Claim {
  FREE = 0,
  HELPER = 1,
  READER = 2,
}

/** What the reader asks the helper thread to decode. */
export interface DecodeAheadRequest {
  readonly files: FileEntry[];
  readonly maxBytes: number;
  /** How far ahead the helper may be, in bytes posted and not taken (IN_FLIGHT_LIMIT_BYTES). */
  readonly inFlightLimitBytes: number;
  /** Slot.CLAIMS + files.length Int32 slots. */
  readonly shared: SharedArrayBuffer;
  /** Where the helper posts the files it claimed, decoded, in file order: arrays of DecodedFile. */
  readonly port: MessagePort;
}

/** One file the helper decoded. Exactly one of the optional fields is set. */
export interface DecodedFile {
  readonly index: number;
  /** Bytes read, for the in-flight count. */
  readonly bytes: number;
  readonly portable?: PortableDecodeResult;
  /** The file's text, when its decoding has no portable form: the reader decodes it. */
  readonly text?: string;
  /** Why the file cannot be used (unreadable, not UTF-8, malformed YAML...). */
  readonly problem?: InputProblem;
  /** An unexpected failure of the helper on this file, as a stack trace. */
  readonly failure?: string;
}

/** How far ahead the helper may be, in bytes posted and not taken: enough to keep both threads busy, never the repo. */
export const IN_FLIGHT_LIMIT_BYTES = 4 * 1024 * 1024;
