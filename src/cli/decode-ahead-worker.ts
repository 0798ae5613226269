import { parentPort, workerData } from 'worker_threads';
import type { DecodeAheadRequest } from './decode-ahead-protocol';
import { reportInternalError } from './internal-error';
import { walkAhead, WalkRequest } from './walk-ahead';

// The thread that decodes the files of a scan ahead of it (see DecodeAhead). It first expands the scan's paths, which
// the scan needs first, then loads the decoder and serves the one request it is sent.
const walk = workerData?.walk as WalkRequest | undefined;
if (walk) walkAhead(walk);
// Loaded after the walk, which the scan needs first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDecodeAhead } = require('./decode-ahead-service') as typeof import('./decode-ahead-service');
parentPort!.once('message', (request: DecodeAheadRequest) => {
  serveDecodeAhead(request).catch(reportInternalError);
});
