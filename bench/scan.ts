// Scan speed and memory on a generated corpus, side by side with kube-score and with parsing alone (the `yaml`
// package's parseAllDocuments + toJS), each in its own child process, interleaved. Prints, per corpus size:
//   ratio scan-vs-kube-score[-<n>k] <our median time / kube-score's>   (skipped when kube-score is not installed)
//   ratio scan-vs-yaml-parse[-<n>k] <our median time / the parser's>
//   scan-rss-mb-per-1k-objects[-<n>k] <peak RSS of our scan, MB per 1,000 objects>
// The 10,000-object lines carry no suffix. Run alone with `npx ts-node --project tsconfig.dev.json bench/scan.ts`
// after `npx projen compile` (it runs the compiled CLI, lib/cli/main.js, as users do).
// Env: BENCH_RUNS (default 3), BENCH_SCAN_SIZES (default 10000,50000), BENCH_SMALL_FILES (default 50000, 0 to skip),
// KUBE_SCORE (default .conformance-cache/bin/kube-score), BENCH_SCAN_BIN (default lib/cli/main.js).
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Corpus, writeCorpus, writeSmallFiles } from './corpus';
import { median, runsFromEnv } from './measure';

const ROOT = path.join(__dirname, '..');
const BINARY = path.resolve(ROOT, process.env.BENCH_SCAN_BIN ?? 'lib/cli/main.js');
const KUBE_SCORE = process.env.KUBE_SCORE ?? path.join(ROOT, '.conformance-cache', 'bin', 'kube-score');

/** One timed run of a child process: wall time and peak resident memory. */
interface Run {
  readonly ms: number;
  readonly rssMb?: number;
}

// Loaded into our node children with -r: reports the process's peak RSS on standard error as it exits.
const RSS_PRELOAD = 'process.on(\'exit\', () => { require(\'fs\').writeSync(2, \'\\nbench-max-rss-kb \' + process.resourceUsage().maxRSS + \'\\n\'); });\n';

// Parsing alone, in a child: every .yaml file of the corpus read, parsed and turned into plain objects.
const YAML_PARSE_SCRIPT = `
const fs = require('fs'); const path = require('path'); const { parseAllDocuments } = require('yaml');
let docs = 0;
const walk = dir => { for (const name of fs.readdirSync(dir).sort()) {
  const p = path.join(dir, name);
  if (fs.statSync(p).isDirectory()) walk(p);
  else if (/\\.ya?ml$/.test(name)) for (const d of parseAllDocuments(fs.readFileSync(p, 'utf8'))) { d.toJS(); docs++; }
} };
walk(process.argv[1]);
process.stdout.write(String(docs));
`;

function rssOf(result: SpawnSyncReturns<string>): number | undefined {
  const match = /bench-max-rss-kb (\d+)/.exec(result.stderr ?? '');
  return match ? Number(match[1]) / 1024 : undefined;
}

function timed(what: string, command: string, args: string[], cwd: string, okCodes: number[]): { run: Run; result: SpawnSyncReturns<string> } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 2 * 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`${what} could not run: ${result.error.message}`);
  if (result.status === null || !okCodes.includes(result.status)) {
    throw new Error(`${what} exited with ${result.status ?? result.signal}: ${(result.stderr ?? '').slice(0, 2000)}`);
  }
  return { run: { ms, rssMb: rssOf(result) }, result };
}

/** Our CLI as users run it, JSON report on standard output. Checks it saw every object of the corpus. */
function runScan(corpus: Corpus, preload: string): Run {
  const { run, result } = timed('cdk8s-hardened scan', process.execPath, ['-r', preload, BINARY, 'scan', '--format', 'json', '--fail-on', 'never', corpus.dir], ROOT, [0]);
  const summary = JSON.parse(result.stdout).summary;
  if (summary.objects + summary.skipped !== corpus.objects) {
    throw new Error(`scan saw ${summary.objects} objects and skipped ${summary.skipped}, but the corpus has ${corpus.objects}`);
  }
  return run;
}

function runYamlParse(corpus: Corpus, preload: string): Run {
  const { run, result } = timed('yaml parse', process.execPath, ['-r', preload, '-e', YAML_PARSE_SCRIPT, corpus.dir], ROOT, [0]);
  if (Number(result.stdout) < corpus.files) throw new Error(`the parse read ${result.stdout} documents from ${corpus.files} files`);
  return run;
}

/** Files per kube-score process: it keeps every file it is given open, and open files are limited (often 1,024 to 20,000). */
const KUBE_SCORE_BATCH = 4000;

/**
 * kube-score over the same files (it takes files, not folders), JSON report on standard output: one process per
 * batch of files, times added up.
 */
function runKubeScore(corpus: Corpus, files: string[]): Run {
  let ms = 0;
  for (let i = 0; i < files.length; i += KUBE_SCORE_BATCH) {
    const { run, result } = timed('kube-score', KUBE_SCORE, ['score', '-o', 'json', ...files.slice(i, i + KUBE_SCORE_BATCH)], corpus.dir, [0, 1]);
    if (!result.stdout.startsWith('[')) throw new Error(`kube-score printed no JSON report: ${result.stdout.slice(0, 200)}`);
    ms += run.ms;
  }
  return { ms };
}

function listFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const name of fs.readdirSync(path.join(dir, prefix)).sort()) {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (fs.statSync(path.join(dir, relative)).isDirectory()) files.push(...listFiles(dir, relative));
    else files.push(relative);
  }
  return files;
}

/** Result of the corpus benchmark at one size. */
export interface ScanBenchResult {
  readonly corpus: Corpus;
  readonly scanMs: number;
  readonly parseMs: number;
  /** Undefined when kube-score is not installed. */
  readonly kubeScoreMs?: number;
  readonly scanRssMb: number;
}

/** Writes a corpus of `objects` objects and times the three tools over it, `runs` interleaved rounds. */
export function benchScanCorpus(objects: number, runs: number): ScanBenchResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scan-'));
  try {
    const preload = path.join(tmp, 'rss.js');
    fs.writeFileSync(preload, RSS_PRELOAD);
    const corpus = writeCorpus(path.join(tmp, 'corpus'), objects);
    const files = listFiles(corpus.dir);
    const withKubeScore = fs.existsSync(KUBE_SCORE);
    const scans: Run[] = [];
    const parses: Run[] = [];
    const kubeScores: Run[] = [];
    for (let i = 0; i < runs; i++) {
      scans.push(runScan(corpus, preload));
      parses.push(runYamlParse(corpus, preload));
      if (withKubeScore) kubeScores.push(runKubeScore(corpus, files));
    }
    return {
      corpus,
      scanMs: median(scans.map(r => r.ms)),
      parseMs: median(parses.map(r => r.ms)),
      kubeScoreMs: withKubeScore ? median(kubeScores.map(r => r.ms)) : undefined,
      scanRssMb: Math.max(...scans.map(r => r.rssMb ?? NaN)),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Seconds our CLI takes over `count` files of one small object each (median of `runs`). */
export function benchSmallFiles(count: number, runs: number): number {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-files-'));
  try {
    const preload = path.join(tmp, 'rss.js');
    fs.writeFileSync(preload, RSS_PRELOAD);
    const corpus = writeSmallFiles(path.join(tmp, 'corpus'), count);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(runScan(corpus, preload).ms);
    return median(times) / 1000;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function sizesFromEnv(): number[] {
  const given = (process.env.BENCH_SCAN_SIZES ?? '10000,50000').split(',').map(s => Number(s.trim()));
  return given.filter(n => Number.isInteger(n) && n > 0);
}

/** Runs the corpus benchmark at each size and prints its lines. */
export function printScanBench(): void {
  if (!fs.existsSync(BINARY)) {
    process.stderr.write(`scan bench: ${path.relative(ROOT, BINARY)} is missing: run npx projen compile first\n`);
    process.exitCode = 1;
    return;
  }
  const runs = Math.max(3, runsFromEnv(3));
  if (!fs.existsSync(KUBE_SCORE)) {
    process.stdout.write(`# scan bench: kube-score not found at ${path.relative(ROOT, KUBE_SCORE)} (bash conformance/install.sh installs it): no scan-vs-kube-score line\n`);
  }
  for (const size of sizesFromEnv()) {
    const r = benchScanCorpus(size, runs);
    const suffix = size === 10_000 ? '' : size % 1000 === 0 ? `-${size / 1000}k` : `-${size}`;
    const c = r.corpus;
    process.stdout.write(`# scan bench: ${c.objects} objects in ${c.files} files, ${(c.bytes / 1024 / 1024).toFixed(1)} MiB; medians of ${runs} interleaved runs: `
      + `scan ${r.scanMs.toFixed(0)} ms, yaml parse ${r.parseMs.toFixed(0)} ms`
      + (r.kubeScoreMs !== undefined ? `, kube-score ${r.kubeScoreMs.toFixed(0)} ms` : '')
      + `; scan peak RSS ${r.scanRssMb.toFixed(0)} MB\n`);
    if (r.kubeScoreMs !== undefined) process.stdout.write(`ratio scan-vs-kube-score${suffix} ${(r.scanMs / r.kubeScoreMs).toFixed(3)}\n`);
    process.stdout.write(`ratio scan-vs-yaml-parse${suffix} ${(r.scanMs / r.parseMs).toFixed(3)}\n`);
    process.stdout.write(`scan-rss-mb-per-1k-objects${suffix} ${(r.scanRssMb / (c.objects / 1000)).toFixed(2)}\n`);
  }
  const smallFiles = Number(process.env.BENCH_SMALL_FILES ?? 50_000);
  if (smallFiles > 0) {
    process.stdout.write(`seconds scan-${smallFiles}-small-files ${benchSmallFiles(smallFiles, runs).toFixed(2)}\n`);
  }
}

if (require.main === module) printScanBench();
