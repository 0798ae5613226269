import { runCli } from './cli';
import { reportInternalError } from './internal-error';

// The command itself, run in the thread that loads this module (the worker thread main.ts starts, or main.ts's own
// thread when no worker can be started): the arguments of the process, its exit code set when the command ends.
runCli(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  reportInternalError,
);
