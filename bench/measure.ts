/** Timing helpers for the benchmarks: medians of several runs, printed as `ratio <case> <value>`. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds taken by `fn`. */
export function time(fn: () => void): number {
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
  console.log(`# ${name}: baseline median ${median(base).toFixed(0)} ms, with guardrails median ${median(cand).toFixed(0)} ms (${runs} runs each)`);
  console.log(`ratio ${name} ${ratio.toFixed(3)}`);
  return ratio;
}

export function runsFromEnv(fallback: number): number {
  const n = Number(process.env.BENCH_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
