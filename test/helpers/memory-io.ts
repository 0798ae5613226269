import { CliIo } from '../../src/cli/cli';
import { FileWriter } from '../../src/private/atomic-write';

/** The CLI's streams in memory, to run it in-process: what it printed is in `out` and `err`. */
export function memoryIo(cwd: string, writer?: FileWriter): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    cwd,
    writer,
    stdout: t => { out.push(t); },
    stderr: t => { err.push(t); },
    readStdin: async () => new Uint8Array(),
  };
}
