/** Timing helpers for the benchmarks: medians of several runs, printed as `ratio <case> <value>`. */
import * as v8 from 'v8';
import * as vm from 'vm';

// A full collection before each timed run, so the garbage one run leaves (a whole app, thousands of objects) is not
// collected inside the next one, whichever of the two compared cases that happens to be.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds taken by `fn`, started on a heap just collected. */
export function time(fn: () => void): number {
  collectGarbage();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs `baseline` and `candidate` alternately `runs` times (after one warm-up of each), so machine noise hits
 * both alike, and prints the ratio of their medians.
 */
export function compare(name: string, runs: number, baseline: () => number, candidate: () => number): number {
  baseline();
  candidate();
  const base: number[] = [];
  const cand: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(baseline());
    cand.push(candidate());
  }
  const ratio = median(cand) / median(base);
  const runsOf = (values: number[]) => values.map(v => v.toFixed(0)).join(' ');
  console.log(`# ${name}: baseline median ${median(base).toFixed(0)} ms, with guardrails median ${median(cand).toFixed(0)} ms (${runs} runs each)`);
  // The runs themselves, in order: the ratio of two medians hides how far one run strays from the next.
  console.log(`# ${name}: baseline runs ${runsOf(base)}; with guardrails ${runsOf(cand)}`);
  console.log(`ratio ${name} ${ratio.toFixed(3)}`);
  return ratio;
}

export function runsFromEnv(fallback: number): number {
  const n = Number(process.env.BENCH_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
