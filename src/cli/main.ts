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
