import { workerData } from 'worker_threads';
import { DecodeAheadRequest } from './decode-ahead-protocol';
import { serveDecodeAhead } from './decode-ahead-service';
import { reportInternalError } from './internal-error';

// The thread that decodes the files of a scan ahead of it (see DecodeAhead): its request comes as its worker data.
serveDecodeAhead(workerData as DecodeAheadRequest).catch(reportInternalError);
