import * as fs from 'fs';
import * as path from 'path';

/** The command's modules as one file, written by the compile task next to them (see .projenrc.ts). */
export const COMMAND_BUNDLE = 'run-command.bundle.js';
/** The command's entry module, which the bundle is built from. */
export const COMMAND_MODULE = 'run-command.js';
/**
 * A module every command loads: the bundle must be at least as new as it. jsii writes every file of the program on
 * each build, `jsii -w` too (checked: a change to one rule rewrote cli.js), so a build newer than the bundle always
 * leaves this file newer than it.
 */
const COMMAND_LINE_MODULE = 'cli.js';

/**
 * The file the command runs from, in the compiled `lib/cli` directory `dir`: the bundle when it is at least as new as
 * the modules, else the modules themselves. A build that compiled the modules without bundling them (`jsii --watch`,
 * a plain `tsc`) must never run the code of an earlier build.
 */
export function commandEntry(dir: string): string {
  const bundle = path.join(dir, COMMAND_BUNDLE);
  const modules = path.join(dir, COMMAND_MODULE);
  try {
    const bundled = fs.statSync(bundle).mtimeMs;
    const newestModule = Math.max(fs.statSync(modules).mtimeMs, fs.statSync(path.join(dir, COMMAND_LINE_MODULE)).mtimeMs);
    return bundled >= newestModule ? bundle : modules;
  } catch {
    return modules;
  }
}
