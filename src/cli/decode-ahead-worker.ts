import { parentPort } from 'worker_threads';
import { DecodeAheadRequest } from './decode-ahead-protocol';
import { serveDecodeAhead } from './decode-ahead-service';
import { reportInternalError } from './internal-error';

// The thread that decodes the files of a scan ahead of it (see DecodeAhead): it serves the one request it is sent.
parentPort!.once('message', (request: DecodeAheadRequest) => {
  serveDecodeAhead(request).catch(reportInternalError);
});
