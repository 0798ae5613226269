import * as path from 'path';
import { MessageChannel, MessagePort, Worker } from 'worker_threads';
import type { WalkRequest } from './walk-ahead';

/**
 * The young generation of the helper thread, in MB. What it allocates dies as soon as a file is posted, so a small
 * one costs little time; V8's default grows to 48 MB (32 MB in its semi-spaces), which a scan of 10,000 objects
 * would add to its peak memory.
 */
const HELPER_YOUNG_GENERATION_MB = 4;

/** The ends of a started helper that the scan's thread holds (they may cross to it in its workerData). */
export interface HelperEnds {
  /** Where the scan posts its DecodeAheadRequest. */
  readonly requests: MessagePort;
  /** Where the helper posts the scan's expanded paths (walk-ahead.ts). */
  readonly walked: MessagePort;
  /** How far the walk is (walk-ahead.ts). */
  readonly walkState: SharedArrayBuffer;
}

/** A started helper: its thread, and the ends the scan's thread holds. */
export interface StartedHelper {
  readonly worker: Worker;
  readonly ends: HelperEnds;
}

/**
 * Starts the thread that decodes the files of a scan ahead of it (decode-ahead-worker.ts), before the scan knows its
 * files: it first expands the paths of the command line `args` (the scan's words, `scan` first), then loads the
 * decoder and waits for the scan's request. main.ts starts it with the command's thread, so both start at once;
 * this module loads nothing else, to keep that thread's start light.
 */
export function startDecodeAheadThread(args: string[], cwd: string): StartedHelper {
  const requests = new MessageChannel();
  const walked = new MessageChannel();
  const walk: WalkRequest = { args, cwd, state: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), port: walked.port2 };
  const worker = new Worker(path.join(__dirname, 'decode-ahead-worker.js'), {
    workerData: { walk, requests: requests.port2 },
    transferList: [walked.port2, requests.port2],
    resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_GENERATION_MB },
  });
  // The helper only ever runs ahead: the scan goes on without it (see DecodeAhead), so it must not keep the process.
  worker.unref();
  // A helper that fails (out of memory on a huge file, say) closes its end of the channel, and the scan decodes the
  // file it took itself, failing as it did if it must: the error itself is not the scan's to report.
  worker.on('error', () => undefined);
  return { worker, ends: { requests: requests.port1, walked: walked.port1, walkState: walk.state } };
}

/** The ports among the ends, to transfer with them. */
export function portsOf(ends: HelperEnds): MessagePort[] {
  return [ends.requests, ends.walked];
}
