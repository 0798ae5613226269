#!/usr/bin/env node
import { runCli } from './cli';

runCli(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  (e: unknown) => {
    // A bug of ours, not bad input: say so in one line; the stack only when asked for.
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`cdk8s-hardened: internal error: ${message}\n`);
    if (process.env.CDK8S_HARDENED_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 2;
  },
);
