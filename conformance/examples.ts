/**
 * Synthesizes the example apps (the list in examples/index.ts) for the conformance checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLES } from '../examples';

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
  const files: string[] = [];
  for (const example of EXAMPLES) {
    const dir = path.join(outdir, example.name);
    fs.mkdirSync(dir, { recursive: true });
    example.build({ outdir: dir, quiet: true }).synth();
    files.push(...walk(dir));
  }
  return { names: EXAMPLES.map(e => e.name), files, notes: [] };
}
