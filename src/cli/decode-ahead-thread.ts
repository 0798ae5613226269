import * as path from 'path';
import { Worker } from 'worker_threads';
import type { StartHelper } from './decode-ahead';

/**
 * The young generation of the helper thread, in MB. What it allocates dies as soon as a file is posted, so a small
 * one costs little time; V8's default grows to 48 MB (32 MB in its semi-spaces), which a scan of 10,000 objects
 * would add to its peak memory.
 */
const HELPER_YOUNG_GENERATION_MB = 4;

/** Starts a worker thread that serves one decode-ahead request (decode-ahead-worker.ts). */
export const startDecodeAheadThread: StartHelper = (request, transfer) => {
  const worker = new Worker(path.join(__dirname, 'decode-ahead-worker.js'), {
    workerData: request,
    transferList: transfer,
    resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_GENERATION_MB },
  });
  // The helper only ever runs ahead: the scan goes on without it (see DecodeAhead), so it must not keep the process.
  worker.unref();
};
