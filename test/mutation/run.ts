/**
 * The mutation check (`npx projen mutants`): applies each deliberate bug of mutants.ts to a scratch copy of the
 * repository (node_modules symlinked; the working tree is never modified), runs the jest files that mutant concerns
 * and, for version boundaries, the conformance comparison with the Pod Security Admission code (`--only psa`), and
 * counts the mutant as killed when one of them fails. First the same runs on an unmodified copy must pass, so that a
 * kill means the mutant was caught. Two mutants run at a time. Prints `mutants killed N/N`; exit 1 below N/N.
 *
 * Env: CONFORMANCE_CACHE (where `npx projen conformance` installed psa-eval), MUTANTS_ONLY=<substring> to run a few.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Mutant, MUTANTS } from './mutants';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRATCH = path.join(os.tmpdir(), 'cdk8s-hardened-mutants');
const PARALLEL = 2;
const COPY = ['src', 'test', 'conformance', 'examples', 'schemas', 'package.json', 'tsconfig.json', 'tsconfig.dev.json', '.projenrc.ts', 'projenrc'];
const CACHE = path.resolve(process.env.CONFORMANCE_CACHE ?? path.join(ROOT, '.conformance-cache'));

/** A copy of the repository in a fixed slot folder (fixed, so jest's transform cache stays warm across mutants). */
function scratchCopy(slot: string): string {
  const dir = path.join(SCRATCH, slot);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of COPY) {
    const from = path.join(ROOT, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true, filter: src => !src.includes(`${path.sep}__snapshots__${path.sep}.`) });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  // Transpile only: a type error is not what these mutants are about, and type-checking each copy costs minutes.
  const jestConfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).jest;
  jestConfig.reporters = ['default'];
  jestConfig.transform = { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', isolatedModules: true, diagnostics: false }] };
  fs.writeFileSync(path.join(dir, 'jest.mutants.json'), JSON.stringify({ ...jestConfig, rootDir: dir }));
  return dir;
}

function apply(dir: string, m: Mutant): void {
  const file = path.join(dir, m.file);
  const text = fs.readFileSync(file, 'utf-8');
  const count = text.split(m.find).length - 1;
  if (count !== 1) throw new Error(`mutant "${m.name}" no longer applies: ${m.file} contains its text ${count} times (expected once); update test/mutation/mutants.ts`);
  fs.writeFileSync(file, text.replace(m.find, m.replace));
}

interface Outcome { readonly failed: boolean; readonly what: string; readonly seconds: number; readonly tail: string }

function run(cmd: string, args: string[], cwd: string, what: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise(resolve => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, CI: 'true', CONFORMANCE_CACHE: CACHE, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', d => { out += d; });
    child.stderr.on('data', d => { out += d; });
    child.on('close', code => resolve({ failed: code !== 0, what, seconds: (Date.now() - started) / 1000, tail: out.split('\n').filter(Boolean).slice(-12).join('\n') }));
  });
}

/** The checks of one mutant (or of the unmodified copy): jest files, then the PSA comparison at some versions. */
async function checks(dir: string, tests: string[], psaVersions: string[], psaCorpus: string[], testNamePattern?: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  if (tests.length) {
    const filter = testNamePattern ? ['-t', testNamePattern] : [];
    outcomes.push(await run(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--config', 'jest.mutants.json', ...filter, ...tests],
      dir, `jest ${tests.join(' ')}${testNamePattern ? ` -t "${testNamePattern}"` : ''}`));
  }
  if (psaVersions.length) {
    outcomes.push(await run(process.execPath, [path.join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'), '--transpile-only', '--project', 'tsconfig.dev.json',
      'conformance/run.ts', '--no-install', '--only', 'psa', '--versions', psaVersions.join(','), ...(psaCorpus.length ? ['--corpus', psaCorpus.join(',')] : [])],
    dir, `conformance --only psa --versions ${psaVersions.join(',')}${psaCorpus.length ? ` --corpus ${psaCorpus.join(',')}` : ''}`));
  }
  return outcomes;
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.env.MUTANTS_ONLY;
  const mutants = MUTANTS.filter(m => !only || m.name.includes(only));
  const needsPsa = mutants.some(m => m.psaVersions?.length);
  if (needsPsa && !fs.existsSync(path.join(CACHE, 'bin', 'psa-eval'))) {
    console.log(`mutation check: ${path.join(CACHE, 'bin', 'psa-eval')} does not exist: run npx projen conformance first (it installs the PSA evaluator), or set CONFORMANCE_CACHE`);
    process.exit(1);
  }

  // The unmodified copy must pass every check the mutants use, or a "kill" would mean nothing.
  const baseDir = scratchCopy('base');
  const allTests = [...new Set(mutants.flatMap(m => m.tests ?? []))].sort();
  const allVersions = [...new Set(mutants.flatMap(m => m.psaVersions ?? []))].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  const wholeCorpus = mutants.some(m => m.psaVersions?.length && !m.psaCorpus?.length);
  const allCorpus = wholeCorpus ? [] : [...new Set(mutants.flatMap(m => m.psaCorpus ?? []))].sort();
  const base = await checks(baseDir, allTests, allVersions, allCorpus);
  for (const o of base) console.log(`baseline: ${o.what}: ${o.failed ? 'FAILED' : 'passed'} (${o.seconds.toFixed(0)}s)`);
  if (base.some(o => o.failed)) {
    for (const o of base.filter(x => x.failed)) console.log(o.tail);
    console.log('mutation check: the unmodified copy fails the checks above, so no mutant can be judged');
    process.exit(1);
  }

  let killed = 0;
  const survivors: string[] = [];
  let next = 0;
  const worker = async (slot: number) => {
    while (next < mutants.length) {
      const m = mutants[next++];
      const dir = scratchCopy(`slot-${slot}`);
      let outcomes: Outcome[];
      try {
        apply(dir, m);
        outcomes = await checks(dir, m.tests ?? [], m.psaVersions ?? [], m.psaCorpus ?? [], m.testNamePattern);
      } catch (e) {
        console.log(`ERROR    ${m.name}: ${(e as Error).message}`);
        survivors.push(m.name);
        continue;
      }
      const by = outcomes.filter(o => o.failed);
      const seconds = outcomes.reduce((s, o) => s + o.seconds, 0).toFixed(0);
      if (by.length) {
        killed++;
        console.log(`killed   ${m.name} (by ${by.map(o => o.what).join('; ')}; ${seconds}s)`);
      } else {
        survivors.push(m.name);
        console.log(`SURVIVED ${m.name} (${outcomes.map(o => o.what).join('; ')} all passed; ${seconds}s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, (_, i) => worker(i)));
  fs.rmSync(SCRATCH, { recursive: true, force: true });
  console.log(`mutants killed ${killed}/${mutants.length} (${((Date.now() - started) / 1000).toFixed(0)}s)`);
  if (survivors.length) {
    console.log(`not killed: ${survivors.join('; ')}`);
    process.exit(1);
  }
}

main().catch(e => { console.error(e); process.exit(1); });
