import * as path from 'path';
import { Worker } from 'worker_threads';
import type { StartHelper } from './decode-ahead';

/**
 * The young generation of the helper thread, in MB. What it allocates dies as soon as a file is posted, so a small
 * one costs little time; V8's default grows to 48 MB (32 MB in its semi-spaces), which a scan of 10,000 objects
 * would add to its peak memory.
 */
const HELPER_YOUNG_GENERATION_MB = 4;

/**
 * Starts the thread that will decode the files of a scan ahead of it (decode-ahead-worker.ts), before the scan
 * knows its files: the thread starts and loads the decoder while the command loads its rules and walks the
 * directories, so it is ready when the first file is due. Returns how to hand it the scan's request.
 */
export function prestartDecodeAheadThread(): StartHelper {
  const worker = new Worker(path.join(__dirname, 'decode-ahead-worker.js'), {
    resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_GENERATION_MB },
  });
  // The helper only ever runs ahead: the scan goes on without it (see DecodeAhead), so it must not keep the process.
  worker.unref();
  // A helper that fails (out of memory on a huge file, say) closes its end of the channel, and the scan decodes the
  // file it took itself, failing as it did if it must: the error itself is not the scan's to report.
  worker.on('error', () => undefined);
  return (request, transfer) => worker.postMessage(request, transfer);
}
