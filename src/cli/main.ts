#!/usr/bin/env node
import * as v8 from 'v8';
import { isMainThread, Worker } from 'worker_threads';
import { runCli } from './cli';

/**
 * The young generation the command runs with, in MB (V8's own default grows it to 48 MB). A scan keeps every object
 * until the whole-app rules have run, so most of what it allocates survives, and V8 sizes the young generation by
 * what survives: with its default, a 10,000-object scan peaked at 155 MB of RSS; with this, at 130 MB, as fast. A
 * program cannot give itself V8 flags, but it can give them to a worker thread, so the command runs in one.
 */
const YOUNG_GENERATION_MB = 12;

function main(): void {
  runCli(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    (e: unknown) => {
      // A bug of ours, not bad input: say so in one line; the stack only when asked for.
      reportInternalError(e);
    },
  );
}

function reportInternalError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`cdk8s-hardened: internal error: ${message}\n`);
  if (process.env.CDK8S_HARDENED_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 2;
}

/** Runs the command in a worker thread with the young generation above, the same old-generation limit as this one. */
function runInWorker(): void {
  const args = process.argv.slice(2);
  // Standard input is handed to the worker only when a path reads it: piping it otherwise would wait on a terminal.
  const readsStdin = args.includes('-');
  let worker: Worker;
  try {
    worker = new Worker(__filename, {
      argv: args,
      stdin: readsStdin,
      resourceLimits: {
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: Math.floor(v8.getHeapStatistics().heap_size_limit / 1048576),
      },
    });
  } catch {
    main(); // no worker threads here: run as is
    return;
  }
  if (readsStdin && worker.stdin) process.stdin.pipe(worker.stdin);
  worker.on('error', reportInternalError);
  worker.on('exit', code => {
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
    if (readsStdin) process.stdin.destroy();
  });
}

if (isMainThread) runInWorker();
else main();
