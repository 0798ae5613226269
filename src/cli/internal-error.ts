/** A bug of ours, not bad input: says so in one line (the stack only when asked for) and sets exit code 2. */
export function reportInternalError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`cdk8s-hardened: internal error: ${message}\n`);
  if (process.env.CDK8S_HARDENED_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 2;
}
