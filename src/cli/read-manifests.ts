import { collectFiles, ExpandedAhead, FileEntry, STDIN_PATH } from './collect-files';
import { DecodeAhead, StartHelper } from './decode-ahead';
import { decodeFile } from './decode-file';
import { decodeText } from './decode-text';
import { InputError } from './input-error';
import { InputProblem } from './input-problem';
import { DEFAULT_MAX_FILE_BYTES, readStdinBytes } from './read-bytes';
import { decodeManifests } from '../decode/decode-manifests';
import { DecodedObject, DecodeResult } from '../decode/decoded-object';

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
  /** Paths expanded ahead of the read (walk-ahead.ts). @default - every path is expanded when it is read */
  readonly expandedAhead?: ExpandedAhead;
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

/** One step of a read, in command-line order: a file to decode, or paths that could not be expanded. */
type ReadStep =
  | { readonly kind: 'file'; readonly file: FileEntry }
  | { readonly kind: 'stdin'; readonly name: string }
  | { readonly kind: 'problems'; readonly problems: InputProblem[] };

/**
 * Reads files, directories (recursively, `.yaml`/`.yml`/`.json`, sorted) and standard input (`-`) and hands every
 * document to the visitor: the one walk and decoding behind `scan` and `images`, so both see the same objects. A
 * file that cannot be read (missing, binary, not UTF-8, malformed YAML, too large) is returned as a problem and
 * contributes no object, even if some of its documents could be decoded.
 */
export function readManifests(paths: string[], options: ReadManifestsOptions, visitor: ManifestVisitor): ReadManifestsResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const reader = new StepReader(visitor, options, maxBytes);
  for (const step of readSteps(paths, options)) {
    if (step.kind === 'file') reader.visit(step.file.display, settled(() => decodeFile(step.file, maxBytes).result));
    else reader.take(step);
  }
  return reader.result();
}

/**
 * `readManifests`, with the files decoded ahead by a helper thread (see DecodeAhead) while this thread visits the
 * objects of the files before: the same visits, in the same order.
 */
export async function readManifestsAhead(
  paths: string[], options: ReadManifestsOptions, visitor: ManifestVisitor, startHelper: StartHelper,
): Promise<ReadManifestsResult> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const steps = readSteps(paths, options);
  const files = steps.flatMap(step => (step.kind === 'file' ? [step.file] : []));
  const ahead = new DecodeAhead(files, maxBytes, startHelper);
  try {
    const reader = new StepReader(visitor, options, maxBytes);
    let index = 0;
    for (const step of steps) {
      if (step.kind === 'file') reader.visit(step.file.display, await ahead.take(index++).catch(inputErrorOnly));
      else reader.take(step);
    }
    return reader.result();
  } finally {
    ahead.close();
  }
}

/** The paths expanded into the files to read, in order, with the paths that could not be expanded where they were. */
function readSteps(paths: string[], options: ReadManifestsOptions): ReadStep[] {
  const cwd = options.cwd ?? process.cwd();
  // Standard input is read where `-` appears among the paths, so the report follows the command line's order.
  const groups: string[][] = [[]];
  for (const p of paths) {
    if (p === STDIN_PATH) groups.push([STDIN_PATH], []);
    else groups[groups.length - 1].push(p);
  }
  const steps: ReadStep[] = [];
  for (const group of groups) {
    if (group.length === 1 && group[0] === STDIN_PATH) {
      steps.push({ kind: 'stdin', name: options.stdinName ?? STDIN_NAME });
      continue;
    }
    const collected = collectFiles(group, cwd, options.expandedAhead);
    if (collected.errors.length) steps.push({ kind: 'problems', problems: collected.errors.map(e => e.problem) });
    for (const file of collected.files) steps.push({ kind: 'file', file });
  }
  return steps;
}

/** `decode()`, or the InputError it throws (any other error is thrown on). */
function settled(decode: () => DecodeResult): DecodeResult | InputError {
  try {
    return decode();
  } catch (e) {
    return inputErrorOnly(e);
  }
}

function inputErrorOnly(e: unknown): InputError {
  if (e instanceof InputError) return e;
  throw e;
}

/** Visits the decoded objects of each file and keeps the count of files and the problems. */
class StepReader {
  private readonly problems: InputProblem[] = [];
  private files = 0;

  constructor(private readonly visitor: ManifestVisitor, private readonly options: ReadManifestsOptions, private readonly maxBytes: number) {}

  /** A step that is not a file: paths that could not be expanded, or standard input, which is read here. */
  public take(step: Exclude<ReadStep, { kind: 'file' }>): void {
    if (step.kind === 'problems') this.problems.push(...step.problems);
    else this.visit(step.name, settled(() => decodeStdin(step.name, this.options, this.maxBytes)));
  }

  /** Visits the objects of a decoded file, or notes its problem. */
  public visit(file: string, decoded: DecodeResult | InputError): void {
    this.files++;
    if (decoded instanceof InputError) {
      this.problems.push(decoded.problem);
      return;
    }
    // Refused documents are reported in document order among the objects.
    let next = 0;
    const refusedBefore = (documentIndex: number) => {
      for (; next < decoded.refused.length && decoded.refused[next].documentIndex <= documentIndex; next++) {
        this.visitor.refused(decoded.refused[next].reason, file, decoded.refused[next].line);
      }
    };
    for (const object of decoded.objects) {
      refusedBefore(object.documentIndex);
      this.visitor.object(object, file);
    }
    refusedBefore(Infinity);
  }

  public result(): ReadManifestsResult {
    return { problems: this.problems, files: this.files };
  }
}

function decodeStdin(name: string, options: ReadManifestsOptions, maxBytes: number): DecodeResult {
  const loaded = stdinContent(options.stdin, maxBytes, name);
  const text = typeof loaded === 'string' ? loaded : decodeText(loaded, name);
  return decodeManifests(text, name);
}

function stdinContent(given: string | Uint8Array | undefined, maxBytes: number, name: string): Uint8Array | string {
  if (given === undefined) return readStdinBytes(maxBytes, name);
  const bytes = typeof given === 'string' ? Buffer.from(given, 'utf8') : given;
  if (bytes.length > maxBytes) {
    throw new InputError({ file: name, message: `the input is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most scan reads from one file; split it` });
  }
  return bytes;
}
