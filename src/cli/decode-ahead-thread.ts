import * as path from 'path';
import { MessageChannel, Worker } from 'worker_threads';
import type { ExpandedAhead } from './collect-files';
import type { StartHelper } from './decode-ahead';
import { WalkedAhead, WalkRequest } from './walk-ahead';

/**
 * The young generation of the helper thread, in MB. What it allocates dies as soon as a file is posted, so a small
 * one costs little time; V8's default grows to 48 MB (32 MB in its semi-spaces), which a scan of 10,000 objects
 * would add to its peak memory.
 */
const HELPER_YOUNG_GENERATION_MB = 4;

/** The thread that decodes a scan's files ahead of it, before it knows them. */
export interface PrestartedHelper {
  /** How to hand it the scan's request. */
  readonly start: StartHelper;
  /** The scan's paths, which it expands first (walk-ahead.ts). */
  readonly expandedAhead: ExpandedAhead;
}

/**
 * Starts the thread that will decode the files of a scan ahead of it (decode-ahead-worker.ts), before the scan
 * knows its files: while the command loads its rules, the thread expands the paths of the command line `args` (the
 * scan's words, `scan` first) and loads the decoder, so that the files are known and the decoder ready when the
 * first file is due.
 */
export function prestartDecodeAheadThread(args: string[], cwd: string): PrestartedHelper {
  const channel = new MessageChannel();
  const walk: WalkRequest = { args, cwd, state: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), port: channel.port2 };
  const worker = new Worker(path.join(__dirname, 'decode-ahead-worker.js'), {
    workerData: { walk },
    transferList: [channel.port2],
    resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_GENERATION_MB },
  });
  // The helper only ever runs ahead: the scan goes on without it (see DecodeAhead), so it must not keep the process.
  worker.unref();
  // A helper that fails (out of memory on a huge file, say) closes its end of the channel, and the scan decodes the
  // file it took itself, failing as it did if it must: the error itself is not the scan's to report.
  worker.on('error', () => undefined);
  return {
    start: (request, transfer) => worker.postMessage(request, transfer),
    expandedAhead: new WalkedAhead(walk.state, channel.port1),
  };
}
