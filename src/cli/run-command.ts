import { workerData } from 'worker_threads';
import type { CliIo } from './cli';
import type { HelperEnds } from './decode-ahead-start';
import { connectDecodeAheadThread, prestartDecodeAheadThread } from './decode-ahead-thread';
import { reportInternalError } from './internal-error';
import { optimizeOnlyHotCode } from './optimize-hot-code';
import { StdoutRelay, StdoutRelayEnd } from './stdout-relay';

// The command itself, run in the thread that loads this module (the worker thread main.ts starts, or main.ts's own
// thread when no worker can be started): the arguments of the process, its exit code set when the command ends.
const args = process.argv.slice(2);
// A scan has its paths expanded and its files decoded by a helper thread, started with this one (main.ts) or first
// thing here, so that it walks the directories and loads the decoder while this one loads the rules.
const startedHelper = (workerData as { helper?: HelperEnds } | null)?.helper;
const helper = args[0] !== 'scan' ? undefined
  : startedHelper ? connectDecodeAheadThread(startedHelper) : prestartDecodeAheadThread(args, process.cwd());
// Standard output goes through the first thread when it started this one (stdout-relay.ts).
const relayEnd = (workerData as { stdoutRelay?: StdoutRelayEnd } | null)?.stdoutRelay;
const relay = relayEnd ? new StdoutRelay(relayEnd) : undefined;
import('./cli.js').then(cli => {
  optimizeOnlyHotCode();
  const io: CliIo = { ...cli.processIo(relay), decodeHelper: helper?.start, expandedAhead: helper?.expandedAhead };
  return cli.runCli(args, io);
}).then(
  code => { relay?.waitWritten(); process.exitCode = code; },
  e => { relay?.waitWritten(); reportInternalError(e); },
);
