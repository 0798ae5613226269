import { collectFiles, STDIN_PATH } from './collect-files';
import { decodeText } from './decode-text';
import { InputError } from './input-error';
import { InputProblem } from './input-problem';
import { DEFAULT_MAX_FILE_BYTES, readFileBytes, readStdinBytes } from './read-bytes';
import { decodeManifests } from '../decode/decode-manifests';
import { DecodedObject } from '../decode/decoded-object';

/** The name standard input gets in reports. */
export const STDIN_NAME = '<stdin>';

/** Where the manifests come from, besides the paths. */
export interface ReadManifestsOptions {
  /** Directory relative paths are resolved against. @default - process.cwd() */
  readonly cwd?: string;
  /** The content of standard input, for the path `-`. @default - read from file descriptor 0 */
  readonly stdin?: string | Uint8Array;
  /** The name standard input gets in the report. @default "<stdin>" */
  readonly stdinName?: string;
  /** Largest file read, in bytes. @default 64 MiB */
  readonly maxFileBytes?: number;
}

/** What a reader is told, in the order of the command line and of the documents in each file. */
export interface ManifestVisitor {
  /** An object kubectl would send, decoded as the cluster decodes it. */
  object(object: DecodedObject, file: string): void;
  /** A document kubectl refuses to apply (a Helm values file, a bare list), with kubectl's reason. */
  refused(reason: string, file: string, line: number | undefined): void;
}

/** What was read. */
export interface ReadManifestsResult {
  /** Inputs that could not be read; none of their objects was visited. */
  readonly problems: InputProblem[];
  /** Files read (standard input counts as one). */
  readonly files: number;
}

/**
 * Reads files, directories (recursively, `.yaml`/`.yml`/`.json`, sorted) and standard input (`-`) and hands every
 * document to the visitor: the one walk and decoding behind `scan` and `images`, so both see the same objects. A
 * file that cannot be read (missing, binary, not UTF-8, malformed YAML, too large) is returned as a problem and
 * contributes no object, even if some of its documents could be decoded.
 */
export function readManifests(paths: string[], options: ReadManifestsOptions, visitor: ManifestVisitor): ReadManifestsResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const cwd = options.cwd ?? process.cwd();
  const problems: InputProblem[] = [];
  let files = 0;

  const read = (file: string, load: () => Uint8Array | string) => {
    files++;
    try {
      const loaded = load();
      const text = typeof loaded === 'string' ? loaded : decodeText(loaded, file);
      const decoded = decodeManifests(text, file);
      // Refused documents are reported in document order among the objects.
      let next = 0;
      const refusedBefore = (documentIndex: number) => {
        for (; next < decoded.refused.length && decoded.refused[next].documentIndex <= documentIndex; next++) {
          visitor.refused(decoded.refused[next].reason, file, decoded.refused[next].line);
        }
      };
      for (const object of decoded.objects) {
        refusedBefore(object.documentIndex);
        visitor.object(object, file);
      }
      refusedBefore(Infinity);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e.problem);
    }
  };

  // Standard input is read where `-` appears among the paths, so the report follows the command line's order.
  const groups: string[][] = [[]];
  for (const p of paths) {
    if (p === STDIN_PATH) groups.push([STDIN_PATH], []);
    else groups[groups.length - 1].push(p);
  }
  for (const group of groups) {
    if (group.length === 1 && group[0] === STDIN_PATH) {
      const name = options.stdinName ?? STDIN_NAME;
      read(name, () => stdinContent(options.stdin, maxBytes, name));
      continue;
    }
    const collected = collectFiles(group, cwd);
    problems.push(...collected.errors.map(e => e.problem));
    for (const entry of collected.files) read(entry.display, () => readFileBytes(entry.absolute, entry.display, maxBytes));
  }
  return { problems, files };
}

function stdinContent(given: string | Uint8Array | undefined, maxBytes: number, name: string): Uint8Array | string {
  if (given === undefined) return readStdinBytes(maxBytes, name);
  const bytes = typeof given === 'string' ? Buffer.from(given, 'utf8') : given;
  if (bytes.length > maxBytes) {
    throw new InputError({ file: name, message: `the input is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most scan reads from one file; split it` });
  }
  return bytes;
}
