import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { FailOn, Guardrails } from '../src';
import { compare, runsFromEnv, time } from './measure';

/**
 * Guardrails overhead on synthesis: the same cdk8s-plus app synthesized with and without `Guardrails.enable`
 * (every default pack), timing only `app.synth()` (construction is the same for both and not timed).
 */

function buildApp(charts: number, deploymentsPerChart: number, outdir: string): App {
  const app = new App({ outdir });
  for (let c = 0; c < charts; c++) {
    const chart = new Chart(app, `chart${c}`, { namespace: `team${c % 7}` });
    for (let d = 0; d < deploymentsPerChart; d++) {
      const deployment = new kplus.Deployment(chart, `web${d}`, {
        containers: [{ image: `registry.example.com/web:1.${d % 10}.0`, portNumber: 8080 }],
      });
      deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
    }
  }
  return app;
}

function synthTime(charts: number, deploymentsPerChart: number, guardrails: boolean): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  try {
    const app = buildApp(charts, deploymentsPerChart, outdir);
    // Plain cdk8s-plus output has findings; report them without failing so both runs write every file.
    if (guardrails) Guardrails.enable(app, { quiet: true, failOn: FailOn.NEVER });
    return time(() => app.synth());
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export function benchSynth(): void {
  const runs = runsFromEnv(5);
  compare('guardrails-1chart', runs, () => synthTime(1, 5000, false), () => synthTime(1, 5000, true));
  compare('guardrails-500charts', runs, () => synthTime(500, 4, false), () => synthTime(500, 4, true));
}

if (require.main === module) benchSynth();
