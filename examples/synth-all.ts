import * as fs from 'fs';
import * as path from 'path';
import { Guardrails } from '../src';
import { EXAMPLES } from './index';

/**
 * The main job: synthesizes every example into dist/examples/<name>/ and prints each guardrails report. Exits
 * non-zero when an example fails its guardrails.
 */
const root = path.join(__dirname, '..', 'dist', 'examples');
let failed = 0;
for (const example of EXAMPLES) {
  const outdir = path.join(root, example.name);
  fs.rmSync(outdir, { recursive: true, force: true });
  console.log(`\n=== ${example.name}: ${example.description}`);
  const app = example.build({ outdir, quiet: true });
  try {
    app.synth();
  } catch (e) {
    failed++;
    console.log((e as Error).message);
    continue;
  }
  console.log(Guardrails.of(app)!.lastReport!.toText().trimEnd());
  const files = fs.readdirSync(outdir).sort();
  console.log(`wrote ${path.relative(process.cwd(), outdir)}/: ${files.join(', ')}`);
}
console.log(failed ? `\n${failed} example(s) failed their guardrails` : `\nall ${EXAMPLES.length} examples synthesized with no unsuppressed errors`);
process.exit(failed ? 1 : 0);
