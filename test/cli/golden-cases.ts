import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the binary runs there, so report paths are `test/cli/fixtures/...`. */
export const REPO_ROOT = path.join(__dirname, '..', '..');

/** The built binary; CDK8S_HARDENED_BIN points elsewhere (e.g. a private tsc output) while developing. */
export const BINARY = path.resolve(REPO_ROOT, process.env.CDK8S_HARDENED_BIN ?? 'lib/cli/main.js');

export const GOLDEN_DIR = path.join(__dirname, 'golden');

/** One run of the binary whose output is held by a golden file. */
export interface GoldenCase {
  readonly name: string;
  readonly args: string[];
  /** A fixture piped to standard input. */
  readonly stdinFile?: string;
}

const F = 'test/cli/fixtures';
const json = (...rest: string[]) => ['scan', '--format', 'json', ...rest];

export const GOLDEN_CASES: GoldenCase[] = [
  { name: 'good', args: json(`${F}/corpus/good.yaml`) },
  { name: 'insecure-deployment', args: json(`${F}/corpus/insecure-deployment.yaml`) },
  { name: 'multi-doc', args: json(`${F}/corpus/multi-doc.yaml`) },
  { name: 'list', args: json(`${F}/corpus/list.yaml`) },
  { name: 'cronjob-and-other-workloads', args: json(`${F}/corpus/cronjob.yaml`) },
  { name: 'crd-skipped', args: json(`${F}/corpus/crd.yaml`) },
  { name: 'suppressed', args: json(`${F}/corpus/suppressed.yaml`) },
  { name: 'corpus-directory', args: json(`${F}/corpus`) },
  { name: 'bad-and-good-together', args: json(F) },
  { name: 'malformed', args: json(`${F}/bad/malformed.yaml`) },
  { name: 'duplicate-key', args: json(`${F}/bad/duplicate-key.yaml`) },
  { name: 'alias-bomb', args: json(`${F}/bad/alias-bomb.yaml`) },
  { name: 'binary', args: json(`${F}/bad/binary.yaml`) },
  { name: 'non-utf8', args: json(`${F}/bad/latin1.yaml`) },
  { name: 'deep-nesting', args: json(`${F}/bad/deep-nesting.yaml`) },
  { name: 'stdin', args: json('-'), stdinFile: `${F}/corpus/insecure-deployment.yaml` },
  { name: 'baseline-fail-on-warning', args: json('--packs', 'pss-baseline', '--fail-on', 'warning', `${F}/corpus/list.yaml`) },
  { name: 'fail-on-never', args: json('--fail-on', 'never', `${F}/corpus/insecure-deployment.yaml`) },
  { name: 'kubernetes-1.25', args: json('--kubernetes-version', '1.25', `${F}/corpus/cronjob.yaml`) },
  { name: 'unknown-pack', args: json('--packs', 'pss-baseline,nope', `${F}/corpus/good.yaml`) },
  { name: 'missing-path', args: json(`${F}/no-such-file.yaml`) },
];

/** What a run produced, as the golden file holds it. */
export interface GoldenRun {
  readonly args: string[];
  readonly exitCode: number | null;
  readonly stderr: string;
  /** The JSON report, or null when nothing was printed. */
  readonly report: unknown;
}

/** Runs the binary for a case. */
export function runCase(c: GoldenCase): GoldenRun {
  const result = spawnSync(process.execPath, [BINARY, ...c.args], {
    cwd: REPO_ROOT,
    input: c.stdinFile ? fs.readFileSync(path.join(REPO_ROOT, c.stdinFile)) : '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    args: c.args,
    exitCode: result.status,
    stderr: result.stderr,
    report: result.stdout.trim() ? JSON.parse(result.stdout) : null,
  };
}

export function goldenPath(c: GoldenCase): string {
  return path.join(GOLDEN_DIR, `${c.name}.json`);
}

/** Serializes a run the way golden files store it. */
export function serialize(run: GoldenRun): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}
