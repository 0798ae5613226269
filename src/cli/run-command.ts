import { parentPort, workerData } from 'worker_threads';
import type { CliIo } from './cli';
import { prestartDecodeAheadThread } from './decode-ahead-thread';
import { reportInternalError } from './internal-error';
import { WalkedAhead } from './walk-ahead';

// The command itself, run in the thread that loads this module (the worker thread main.ts starts, or main.ts's own
// thread when no worker can be started): the arguments of the process, its exit code set when the command ends.
const args = process.argv.slice(2);
// A scan has its files decoded by a helper thread, started first so that it loads while this one loads the rules.
const decodeHelper = args[0] === 'scan' ? prestartDecodeAheadThread() : undefined;
// main.ts walks the scan's paths while this thread loads (walk-ahead.ts).
const walkState = workerData?.walkState as SharedArrayBuffer | undefined;
const expandedAhead = walkState && parentPort ? new WalkedAhead(walkState, parentPort) : undefined;
import('./cli.js').then(cli => {
  const io: CliIo = { ...cli.processIo(), decodeHelper, expandedAhead };
  return cli.runCli(args, io);
}).then(
  code => { process.exitCode = code; },
  reportInternalError,
);
