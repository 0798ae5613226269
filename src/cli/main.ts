#!/usr/bin/env node
import * as v8 from 'v8';
import { Worker } from 'worker_threads';
import { commandEntry } from './command-entry';
import { portsOf, StartedHelper, startDecodeAheadThread } from './decode-ahead-start';
import { reportInternalError } from './internal-error';
import { startStdoutRelay } from './stdout-relay';

/**
 * The young generation the command runs with, in MB (V8's own default grows it to 48 MB). A scan keeps every object
 * until the whole-app rules have run, so most of what it allocates survives, and V8 sizes the young generation by
 * what survives: with its default, a 10,000-object scan peaked at 155 MB of RSS; with 12 MB, at 141 MB (median of
 * 10 runs); with 6 MB, at 135 MB, as fast (a 50,000-object scan, 3% slower). A running thread cannot resize its own
 * heap, but a worker thread is given its limits when it starts, so the command runs in one. This thread only starts
 * it, and a scan's helper, and writes the command's standard output: it loads none of the command's modules.
 */
const YOUNG_GENERATION_MB = 6;
/**
 * How much bytecode a function runs between two of V8's checks for optimizing it: eight times V8's default (67,584).
 * A run of the command line is a few seconds of JavaScript that V8 has never seen, and with the default it spends
 * them recompiling hundreds of functions in optimized form, on background threads that take the cores from the
 * scan's two threads: on two cores, a third of all CPU time of a 10,000-object scan went to that compiler, and a
 * rule's check alone took up to 80 ms to compile. With this, only the functions that stay hot are optimized: that
 * scan runs 15% faster (1650 ms against 1980, interleaved runs) and its peak RSS is 8 MB lower; a 50,000-object
 * scan, whose code is hot long enough to repay the compiler, runs about 5% slower. The flag is process-wide, and is
 * set before any thread that runs the command starts: this thread runs no code of its own to speak of.
 */
const INTERRUPT_BUDGET = 8 * 67_584;
v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
const COMMAND = commandEntry(__dirname);

const args = process.argv.slice(2);
// Standard input is handed to the worker only when a path reads it: piping it otherwise would wait on a terminal.
const readsStdin = args.includes('-');
let worker: Worker | undefined;
let helper: StartedHelper | undefined;
// This thread writes the command's standard output, so that the command renders on while a pipe's reader catches up.
const relay = startStdoutRelay();
try {
  // A scan's helper thread starts with the command's, so that it has walked the directories when the command needs
  // the files (decode-ahead-start.ts).
  helper = args[0] === 'scan' ? startDecodeAheadThread(args, process.cwd()) : undefined;
  worker = new Worker(COMMAND, {
    argv: args,
    workerData: { helper: helper?.ends, stdoutRelay: relay.end },
    transferList: [relay.end.port, ...(helper ? portsOf(helper.ends) : [])],
    stdin: readsStdin,
    resourceLimits: {
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: Math.floor(v8.getHeapStatistics().heap_size_limit / 1048576),
    },
  });
} catch {
  // No worker threads here: run the command in this thread, which starts its own helper if it can.
  void helper?.worker.terminate();
  relay.close();
  void import(COMMAND);
}
if (worker) {
  if (readsStdin && worker.stdin) process.stdin.pipe(worker.stdin);
  // The command reports its own errors; this is the worker itself failing.
  worker.on('error', reportInternalError);
  worker.on('exit', code => {
    relay.close();
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
    if (readsStdin) process.stdin.destroy();
  });
}
