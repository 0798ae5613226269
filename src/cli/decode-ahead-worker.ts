import type { MessagePort } from 'worker_threads';
import { workerData } from 'worker_threads';
import type { DecodeAheadRequest } from './decode-ahead-protocol';
import { reportInternalError } from './internal-error';
import { walkAhead, WalkRequest } from './walk-ahead';

// The thread that decodes the files of a scan ahead of it (see DecodeAhead), started by decode-ahead-start.ts. It
// first expands the scan's paths, which the scan needs first, then loads the decoder and serves the one request the
// scan sends.
const { walk, requests } = workerData as { walk: WalkRequest; requests: MessagePort };
walkAhead(walk);
// Loaded after the walk, which the scan needs first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDecodeAhead } = require('./decode-ahead-service') as typeof import('./decode-ahead-service');
requests.once('message', (request: DecodeAheadRequest) => {
  serveDecodeAhead(request).catch(reportInternalError);
});
