import * as fs from 'fs';
import * as path from 'path';

/** A file to write: where, and the text. */
export interface FileToWrite {
  readonly path: string;
  readonly text: string;
}

let counter = 0;

/**
 * Writes every file through a temporary file in the same folder, then renames them all into place, so that no
 * reader ever sees a half-written manifest. When a temporary file cannot be written (a full disk, a read-only
 * folder), the temporary files are removed, no file is replaced, and the error says what, where and how much.
 */
export function writeFilesAtomically(files: FileToWrite[]): void {
  const written: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      const dir = path.dirname(linkTarget(file.path));
      const temp = path.join(dir, `.${path.basename(linkTarget(file.path))}.${process.pid}.${++counter}.tmp`);
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(temp, file.text, { encoding: 'utf8' });
      } catch (e) {
        removeQuietly(temp);
        throw writeError(file, e);
      }
      written.push({ temp, target: linkTarget(file.path) });
    }
  } catch (e) {
    written.forEach(w => removeQuietly(w.temp));
    throw e;
  }
  // A manifest file that is a symbolic link keeps its link: the rename goes to the file the link points at.
  for (let i = 0; i < written.length; i++) {
    try {
      fs.renameSync(written[i].temp, written[i].target);
    } catch (e) {
      written.slice(i).forEach(w => removeQuietly(w.temp));
      throw writeError(files[i], e);
    }
  }
}

/** The file a path names, through symbolic links; the path itself when it does not exist yet. */
function linkTarget(file: string): string {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.realpathSync(file) : file;
  } catch {
    return file;
  }
}

function writeError(file: FileToWrite, e: unknown): Error {
  const bytes = Buffer.byteLength(file.text, 'utf8');
  const reason = e instanceof Error ? e.message : String(e);
  return new Error(`cdk8s-hardened: could not write ${file.path} (${bytes} bytes needed): ${reason}. No manifest was left half-written.`);
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing more can be done; the original error is the one to report.
  }
}
