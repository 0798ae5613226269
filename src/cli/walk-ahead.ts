import { MessagePort, receiveMessageOnPort } from 'worker_threads';
import { ExpandedAhead, expandPath, FileEntry, PathExpansion, STDIN_PATH } from './collect-files';
import { InputError } from './input-error';
import { InputProblem } from './input-problem';

// The directory walk of a scan, made by the decoding helper (decode-ahead-worker.ts) as soon as it starts, while the
// command's thread loads its rules: the walk (40 to 120 ms for 4,000 files) no longer delays the first file, and it
// runs in the helper's small heap, which decoding reuses. The command's thread uses an expansion only for the very
// path and directory it was made for, and expands every other path itself: a wrong guess at the paths costs time,
// never a different scan.

/** The options of `scan` that take a value: the word after one of them is its value, not a path (cli.ts). */
export const SCAN_OPTIONS_WITH_VALUE = ['--format', '--packs', '--fail-on', '--output', '--kubernetes-version', '--external'];

/**
 * The paths a `scan` command line names (its words after `scan`), as commander reads them: not options, not the
 * values of options, not `-` (standard input), and every word after `--`.
 */
export function scanPathsOf(args: string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === '--') {
      paths.push(...args.slice(i + 1).filter(p => p !== STDIN_PATH));
      break;
    }
    if (word === STDIN_PATH) continue;
    if (word.startsWith('-')) {
      if (SCAN_OPTIONS_WITH_VALUE.includes(word)) i++;
      continue;
    }
    paths.push(word);
  }
  return paths;
}

/** How far the helper's walk is, in a shared Int32Array of one element (made zeroed, with the request). */
export const enum WalkState {
  NOT_STARTED = 0,
  WALKING = 1,
  POSTED = 2,
  FAILED = 3,
}

/** What the walk asks for: a scan command line and its directory, and where to post the expansions. */
export interface WalkRequest {
  /** The command line without the program name, `scan` first. */
  readonly args: string[];
  readonly cwd: string;
  /** WalkState, one Int32. */
  readonly state: SharedArrayBuffer;
  readonly port: MessagePort;
}

/** What the walk posts: the expansions, with the problems of InputErrors (errors do not cross threads). */
interface WalkedMessage {
  readonly cwd: string;
  readonly expansions: Array<{ readonly given: string; readonly files: FileEntry[]; readonly problems: InputProblem[] }>;
}

/**
 * How long the command's thread waits for the helper to start walking (it normally has when the command needs the
 * files), and then for the walk to end, before it walks the paths itself: the helper may have failed to start, or died.
 */
const START_WAIT_MS = 1000;
const WALK_WAIT_MS = 60_000;

/**
 * Expands the paths of a `scan` command line in this thread and posts them to the command's thread. Never throws: a
 * walk that fails only leaves the command to walk.
 */
export function walkAhead(request: WalkRequest, post: (message: unknown) => void = m => request.port.postMessage(m)): void {
  const { args, cwd } = request;
  const flag = new Int32Array(request.state);
  Atomics.store(flag, 0, WalkState.WALKING);
  Atomics.notify(flag, 0);
  let outcome = WalkState.FAILED;
  try {
    const message: WalkedMessage = {
      cwd,
      expansions: scanPathsOf(args.slice(1)).map(given => {
        const expansion = expandPath(given, cwd);
        return { given, files: expansion.files, problems: expansion.errors.map(e => e.problem) };
      }),
    };
    post(message);
    outcome = WalkState.POSTED;
  } catch {
    // The command walks the paths itself.
  } finally {
    Atomics.store(flag, 0, outcome);
    Atomics.notify(flag, 0);
  }
}

/** The command's side: the expansions the helper made, each taken once. */
export class WalkedAhead implements ExpandedAhead {
  private expansions?: Map<string, PathExpansion>;

  /**
   * @param state the request's state
   * @param port the other end of the request's port
   */
  constructor(private readonly state: SharedArrayBuffer, private readonly port: MessagePort) {}

  public take(given: string, cwd: string): PathExpansion | undefined {
    const expansions = this.expansions ??= this.receive();
    const key = `${cwd}\0${given}`;
    const expansion = expansions.get(key);
    // Once: a second scan of the same path in this process reads the directory as it is then.
    expansions.delete(key);
    return expansion;
  }

  private receive(): Map<string, PathExpansion> {
    const flag = new Int32Array(this.state);
    Atomics.wait(flag, 0, WalkState.NOT_STARTED, START_WAIT_MS);
    Atomics.wait(flag, 0, WalkState.WALKING, WALK_WAIT_MS);
    const expansions = new Map<string, PathExpansion>();
    if (Atomics.load(flag, 0) !== WalkState.POSTED) return expansions;
    const message = receiveMessageOnPort(this.port)?.message as WalkedMessage | undefined;
    for (const e of message?.expansions ?? []) {
      expansions.set(`${message!.cwd}\0${e.given}`, { files: e.files, errors: e.problems.map(p => new InputError(p)) });
    }
    return expansions;
  }
}
