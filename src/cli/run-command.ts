import type { CliIo } from './cli';
import { prestartDecodeAheadThread } from './decode-ahead-thread';
import { reportInternalError } from './internal-error';

// The command itself, run in the thread that loads this module (the worker thread main.ts starts, or main.ts's own
// thread when no worker can be started): the arguments of the process, its exit code set when the command ends.
const args = process.argv.slice(2);
// A scan has its paths expanded and its files decoded by a helper thread, started first so that it walks the
// directories and loads the decoder while this one loads the rules.
const helper = args[0] === 'scan' ? prestartDecodeAheadThread(args, process.cwd()) : undefined;
import('./cli.js').then(cli => {
  const io: CliIo = { ...cli.processIo(), decodeHelper: helper?.start, expandedAhead: helper?.expandedAhead };
  return cli.runCli(args, io);
}).then(
  code => { process.exitCode = code; },
  reportInternalError,
);
