/**
 * Finds the example apps and synthesizes them. The examples' contract is `examples/registry.ts`: an `Example` has
 * a `name` and a `build(outdir)` that builds the app writing into `outdir`. Every value exported by
 * examples/index.ts, examples/registry.ts or by examples/<name>/index.ts|main.ts|app.ts that is an Example (or an array of them) is
 * used. With none found, a HardenedDeployment app of our own stands in, and the report says so.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ROOT } from './tools';

interface ExampleLike { readonly name: string; readonly build: (options: { outdir: string; quiet?: boolean }) => App }
const isExample = (x: any): x is ExampleLike => !!x && typeof x === 'object' && typeof x.name === 'string' && typeof x.build === 'function';

function collect(mod: any, into: Map<string, ExampleLike>) {
  for (const value of Object.values(mod ?? {})) {
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) if (isExample(v) && !into.has(v.name)) into.set(v.name, v);
  }
}

function discover(): Map<string, ExampleLike> {
  const found = new Map<string, ExampleLike>();
  const dir = path.join(ROOT, 'examples');
  if (!fs.existsSync(dir)) return found;
  const candidates = [path.join(dir, 'registry.ts'), path.join(dir, 'index.ts')];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const f of ['index.ts', 'main.ts', 'app.ts']) candidates.push(path.join(dir, entry.name, f));
  }
  for (const file of candidates.filter(f => fs.existsSync(f))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    collect(require(file), found);
  }
  return found;
}

/** The stand-in app used while no example exists: a HardenedDeployment with its defaults. */
function standIn({ outdir }: { outdir: string }): App {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HardenedDeployment } = require('../src/constructs/workloads');
  const app = new App({ outdir });
  const chart = new Chart(app, 'standin', { namespace: 'shop' });
  const web = new HardenedDeployment(chart, 'web', {
    containers: [{ image: 'registry.example.com/shop/web:1.4.2', portNumber: 8080 }],
  });
  void web; void kplus;
  return app;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

export interface SynthesizedExamples { readonly names: string[]; readonly files: string[]; readonly notes: string[] }

/** Synthesizes every example into `<outdir>/<name>/` and returns the manifest files. */
export function loadExamples(outdir: string): SynthesizedExamples {
  const notes: string[] = [];
  const examples = [...discover().values()];
  if (examples.length === 0) {
    notes.push('no example exports an Example yet (examples/index.ts); a HardenedDeployment stand-in app is used instead (TODO: remove when examples land)');
    examples.push({ name: 'standin-hardened-deployment', build: standIn });
  }
  const files: string[] = [];
  for (const ex of examples) {
    const dir = path.join(outdir, ex.name);
    fs.mkdirSync(dir, { recursive: true });
    const app = ex.build({ outdir: dir, quiet: true });
    app.synth();
    files.push(...walk(dir));
  }
  return { names: examples.map(e => e.name), files, notes };
}
