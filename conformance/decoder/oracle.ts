/**
 * Talks to conformance/yaml-oracle (kubectl's reading chain, built by conformance/install.sh): one long-lived child
 * process fed JSON lines, answering one line per file in order.
 */
import { ChildProcessWithoutNullStreams, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { OracleAnswer } from './verdict';
import { CACHE, ROOT } from '../tools';

/** What the oracle answered for one file: the parsed answer and the exact line (its numbers as Go wrote them). */
export interface OracleReply {
  readonly answer: OracleAnswer;
  readonly raw: string;
}

/**
 * The oracle binary: `--oracle PATH` when given, else the one conformance/install.sh keeps in the cache (built or
 * rebuilt there when its sources changed, unless `install` is false).
 */
export function oracleBinary(explicit: string | undefined, install: boolean): string {
  if (explicit) return path.resolve(explicit);
  const binary = path.join(CACHE, 'bin', 'yaml-oracle');
  if (install) {
    const r = spawnSync('bash', [path.join(ROOT, 'conformance', 'install.sh'), '--only', 'yaml-oracle'], { stdio: 'inherit', env: { ...process.env, CONFORMANCE_CACHE: CACHE } });
    if (r.status !== 0) throw new Error(`conformance/install.sh --only yaml-oracle failed (exit ${r.status}); see ${path.join(CACHE, 'yaml-oracle.log')}`);
  }
  if (!fs.existsSync(binary)) throw new Error(`${binary} does not exist: run 'bash conformance/install.sh --only yaml-oracle' (needs go)`);
  return binary;
}

export class Oracle {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = '';
  private readonly lines: string[] = [];
  private waiting?: () => void;
  private exited?: string;
  private stderr = '';

  constructor(binary: string) {
    this.child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf-8');
    this.child.stdout.on('data', (chunk: string) => {
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, newline));
        this.buffer = this.buffer.slice(newline + 1);
      }
      this.wake();
    });
    this.child.stderr.setEncoding('utf-8');
    this.child.stderr.on('data', (chunk: string) => { this.stderr = (this.stderr + chunk).slice(-4000); });
    this.child.on('exit', (code, signal) => {
      this.exited = `the oracle exited (${signal ?? code}): ${this.stderr.trim()}`;
      this.wake();
    });
    this.child.on('error', e => {
      this.exited = `the oracle could not run: ${e.message}`;
      this.wake();
    });
  }

  /** Sends a batch; call `receive` with the same count to collect its answers. */
  send(files: ReadonlyArray<{ readonly id: string; readonly text: string }>): void {
    this.child.stdin.write(files.map(f => `${JSON.stringify({ id: f.id, text: f.text })}\n`).join(''));
  }

  /** The next `count` answers, in the order the files were sent. */
  async receive(ids: readonly string[]): Promise<OracleReply[]> {
    while (this.lines.length < ids.length) {
      if (this.exited) throw new Error(this.exited);
      await new Promise<void>(resolve => { this.waiting = resolve; });
    }
    return this.lines.splice(0, ids.length).map((raw, i) => {
      const parsed = JSON.parse(raw) as OracleAnswer & { id: string };
      if (parsed.id !== ids[i]) throw new Error(`the oracle answered ${JSON.stringify(parsed.id)} where ${JSON.stringify(ids[i])} was expected`);
      const { id, ...answer } = parsed;
      void id;
      return { answer, raw: withoutId(raw, ids[i]) };
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private wake(): void {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.();
  }
}

/** The oracle's line without its leading `"id"` member: `{"objects":[...]}`, numbers untouched. */
function withoutId(raw: string, id: string): string {
  const prefix = `{"id":${JSON.stringify(id)},`;
  return raw.startsWith(prefix) ? `{${raw.slice(prefix.length)}` : raw;
}
