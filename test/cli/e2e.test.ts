import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BINARY, GOLDEN_CASES, goldenPath, REPO_ROOT, runCase, serialize } from './golden-cases';
import { COMMAND_BUNDLE, COMMAND_MODULE, commandEntry } from '../../src/cli/command-entry';
import { sarifValidator } from '../helpers/sarif-schema';

// These tests run the built binary (lib/cli/main.js, from `npx projen compile`) as a user would.
// Locally they skip (with a warning) before the first compile; in CI a missing build is an error, never a skip.
const built = fs.existsSync(BINARY);
if (!built) {
  const why = `${BINARY} does not exist. Compile first (npx projen compile), or set CDK8S_HARDENED_BIN.`;
  if (process.env.CI && process.env.CI !== 'false') throw new Error(`The scan end-to-end tests cannot run in CI: ${why}`);
  // eslint-disable-next-line no-console
  console.warn(`Skipping the scan end-to-end tests: ${why}`);
}
const describeBuilt = built ? describe : describe.skip;

describeBuilt('cdk8s-hardened scan, end to end (golden files)', () => {
  test.each(GOLDEN_CASES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    // Golden files change only through `npx projen test:golden` (test/cli/update-golden.ts), never in a test run.
    const actual = serialize(runCase(c));
    if (!fs.existsSync(goldenPath(c))) {
      throw new Error(`No golden file ${goldenPath(c)}: run npx projen test:golden and review the diff.`);
    }
    expect(actual).toEqual(fs.readFileSync(goldenPath(c), 'utf8'));
  });

  test('never prints a stack trace, whatever the input', () => {
    for (const c of GOLDEN_CASES) {
      const run = runCase(c);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect([0, 1, 2]).toContain(run.exitCode);
    }
  });
});

describeBuilt('cdk8s-hardened scan --format sarif, end to end', () => {
  test('the SARIF log validates against the SARIF 2.1.0 schema', () => {
    const result = spawnSync(process.execPath, [BINARY, 'scan', '--format', 'sarif', 'test/cli/fixtures/corpus'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(sarifValidator()(log)).toEqual([]);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });
});

// After `npx projen compile`, the binary runs the bundle, and the bundle is the same command as the modules.
describeBuilt('the compiled command line', () => {
  const dir = path.dirname(BINARY);

  test('is bundled by the compile task, and the binary runs the bundle', () => {
    expect(commandEntry(dir)).toBe(path.join(dir, COMMAND_BUNDLE));
  });

  test('reports the same from the bundle as from the modules', () => {
    const run = (entry: string, args: string[]) => spawnSync(process.execPath, [path.join(dir, entry), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    for (const args of [['scan', '--format', 'json', 'test/cli/fixtures/corpus'], ['images', 'test/cli/fixtures/corpus'], ['policies', '--packs', 'pss-restricted'], ['scan', '--packs', 'nope', '.']]) {
      const bundled = run(COMMAND_BUNDLE, args);
      const modules = run(COMMAND_MODULE, args);
      expect({ args, status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr })
        .toEqual({ args, status: modules.status, stdout: modules.stdout, stderr: modules.stderr });
    }
  });
});
