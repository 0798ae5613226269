import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './input-error';
import { flatCopy } from '../private/own-string';

/** Extensions read when a directory is scanned (an explicitly named file is read whatever its name). */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The marker for standard input among the paths. */
export const STDIN_PATH = '-';

/** One file to read, named as the report shows it. */
export interface FileEntry {
  /** The path as given, or joined under the directory as given, with `/` separators. */
  readonly display: string;
  /** The path to open. */
  readonly absolute: string;
}

/** Result of expanding the command-line paths. */
export interface CollectedFiles {
  readonly files: FileEntry[];
  /** Paths that could not be used (missing, unreadable directory). */
  readonly errors: InputError[];
}

/** What one command-line path expands into: its files in walk order (a file reached twice is listed twice), and its errors. */
export interface PathExpansion {
  readonly files: FileEntry[];
  readonly errors: InputError[];
}

/** Expansions of command-line paths made ahead of the scan (walk-ahead.ts), looked up by path and directory. */
export interface ExpandedAhead {
  /** The expansion of `given` relative to `cwd`, once; undefined when it was not expanded ahead. */
  take(given: string, cwd: string): PathExpansion | undefined;
}

/**
 * Expands files and directories into the files to read. Directories are read recursively in sorted order
 * (so reports are deterministic), keeping `.yaml`, `.yml` and `.json` files; a symbolic link to a directory
 * already visited is not followed again, so link loops end. A file reached twice is read once, where it came first.
 */
export function collectFiles(paths: string[], cwd: string, ahead?: ExpandedAhead): CollectedFiles {
  const files: FileEntry[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const expansion = ahead?.take(given, cwd) ?? expandPath(given, cwd);
    for (const file of expansion.files) {
      if (seen.has(file.absolute)) continue;
      seen.add(file.absolute);
      files.push(file);
    }
    errors.push(...expansion.errors);
  }
  return { files, errors };
}

/** The files one command-line path names: itself, or the manifests under it when it is a directory. */
export function expandPath(given: string, cwd: string): PathExpansion {
  const files: FileEntry[] = [];
  const errors: InputError[] = [];
  const add = (display: string, absolute: string) => { files.push({ display, absolute }); };
  const absolute = path.resolve(cwd, given);
  const display = toDisplay(given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (e) {
    errors.push(new InputError({ file: display, message: describeFsError(e, 'the path') }));
    return { files, errors };
  }
  if (stat.isDirectory()) {
    const real = realpath(absolute);
    walk(absolute, real, display, new Set([real]), add, errors);
  } else if (stat.isFile()) {
    add(display, absolute);
  } else {
    // Reading a FIFO or a device waits for a writer or never ends: refuse it, as the directory walk skips it.
    errors.push(new InputError({ file: display, message: specialFileMessage(stat) }));
  }
  return { files, errors };
}

/** Walks `dir`, whose real path (no symbolic link in it) is `real`. */
function walk(
  dir: string, real: string, display: string, ancestors: Set<string>, add: (display: string, absolute: string) => void, errors: InputError[],
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    errors.push(new InputError({ file: display, message: describeFsError(e, 'the directory') }));
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    const absolute = path.join(dir, name);
    const shown = display === '.' ? name : `${display.replace(/\/$/, '')}/${name}`;
    // The entry's own type is enough for files and folders; only a symbolic link (or an unknown type) needs a stat.
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (!isDirectory && !isFile) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(absolute);
      } catch {
        continue; // a dangling symbolic link: nothing to read
      }
      isDirectory = stat.isDirectory();
      isFile = stat.isFile();
    }
    if (isDirectory) {
      // A folder entry (not a link) lies in the real folder as it is named: only a link is resolved, which saves a
      // system call per folder and per level of its path.
      const childReal = entry.isDirectory() ? path.join(real, name) : realpath(absolute);
      if (ancestors.has(childReal)) continue;
      walk(absolute, childReal, shown, new Set([...ancestors, childReal]), add, errors);
    } else if (isFile && MANIFEST_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
      // Every object and finding of the file holds its name: one flat string, not the pieces it was joined from.
      add(flatCopy(shown), absolute);
    }
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function toDisplay(given: string): string {
  const normalized = path.normalize(given).split(path.sep).join('/');
  return normalized === '' ? '.' : normalized;
}

/** Why a path that is neither a regular file nor a directory is not read. */
export function specialFileMessage(stat: fs.Stats): string {
  const what = stat.isFIFO() ? 'a FIFO (named pipe)'
    : stat.isSocket() ? 'a socket'
      : stat.isCharacterDevice() ? 'a character device'
        : stat.isBlockDevice() ? 'a block device'
          : 'not a regular file';
  return `the path is ${what}, not a regular file: scan reads files and directories; to scan a stream, pipe it to standard input (cat it | cdk8s-hardened scan -)`;
}

/** Turns an fs error into one sentence. */
export function describeFsError(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return `${what} does not exist`;
    case 'EACCES':
    case 'EPERM': return `${what} cannot be read: permission denied`;
    case 'EISDIR': return `${what} is a directory`;
    default: return `${what} cannot be read: ${e instanceof Error ? e.message : String(e)}`;
  }
}
