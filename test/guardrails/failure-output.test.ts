import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Guardrails, GuardrailsProps, IsolatedNamespace } from '../../src';

const REPO_ROOT = path.join(__dirname, '..', '..');
const CDK8S = path.join(REPO_ROOT, 'node_modules', '.bin', 'cdk8s');

/** The README's plain kplus.Deployment in an IsolatedNamespace: errors, warnings and infos on one object. */
function failedSynthesis(props: GuardrailsProps = {}): Error {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'failure-output-')) });
  Guardrails.enable(app, props);
  const shop = new IsolatedNamespace(app, 'shop');
  new kplus.Deployment(shop, 'web', { containers: [{ image: 'ghcr.io/acme/web:2.4.1', portNumber: 8080 }] });
  try {
    app.synth();
  } catch (e) {
    return e as Error;
  }
  throw new Error('the synthesis did not fail');
}

/** The severity tag of each finding line, in printed order. */
const tags = (text: string) => text.split('\n').map(line => /^ {2}(error|warning|info|suppressed) {2,}/.exec(line)?.[1]).filter(t => t !== undefined);

/** The counts of the summary line. */
function summary(text: string) {
  const m = /(\d+) errors?, (\d+) warnings?, (\d+) infos?, (\d+) suppressed/.exec(text);
  if (!m) throw new Error(`no summary line in:\n${text}`);
  return { errors: Number(m[1]), warnings: Number(m[2]), infos: Number(m[3]) };
}

describe('a failed synthesis', () => {
  test('lists errors first, then warnings, and counts the infos in one line that matches the summary', () => {
    const { message } = failedSynthesis();
    const printed = tags(message);
    const counts = summary(message);
    expect(counts.errors).toBeGreaterThan(0);
    expect(counts.warnings).toBeGreaterThan(0);
    expect(counts.infos).toBeGreaterThan(0);
    expect(printed).toEqual([...Array(counts.errors).fill('error'), ...Array(counts.warnings).fill('warning')]);
    const infoLine = message.split('\n').filter(line => / infos? not listed /.test(line));
    expect(infoLine).toEqual([expect.stringMatching(new RegExp(`^${counts.infos} infos? not listed \\(workload-image-digest 1, workload-explicit-user 1\\): Guardrails.enable\\(app, \\{ listInfos: true \\}\\) lists them$`))]);
  });

  test('lists every info after the warnings with listInfos: true', () => {
    const { message } = failedSynthesis({ listInfos: true });
    const counts = summary(message);
    expect(tags(message)).toEqual([
      ...Array(counts.errors).fill('error'), ...Array(counts.warnings).fill('warning'), ...Array(counts.infos).fill('info'),
    ]);
    expect(message).not.toMatch(/not listed/);
  });

  test('is an Error whose stack is its message, without frames', () => {
    const error = failedSynthesis();
    expect(error).toBeInstanceOf(Error);
    expect(error.stack).toEqual(`Error: ${error.message}`);
    expect(error.stack).not.toMatch(/\n\s+at /);
  });
});

// `cdk8s synth` runs the app with the app's stderr passed through: what Node prints for the uncaught error is what
// the user reads. The app loads the compiled package (lib/), as a deploy repo does.
const loadable = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return typeof require(require.resolve(REPO_ROOT)).Guardrails === 'function';
  } catch {
    return false;
  }
})();
if (!loadable) {
  const why = `${REPO_ROOT} does not export Guardrails. Compile first (npx projen compile).`;
  if (process.env.CI && process.env.CI !== 'false') throw new Error(`The cdk8s synth output test cannot run in CI: ${why}`);
  // eslint-disable-next-line no-console
  console.warn(`Skipping the cdk8s synth output test: ${why}`);
}

(loadable ? describe : describe.skip)('a failed synthesis under the real cdk8s synth', () => {
  test('prints the report, errors first, with no stack trace into the library', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-synth-failure-'));
    const req = (m: string) => JSON.stringify(require.resolve(m, { paths: [REPO_ROOT] }));
    fs.writeFileSync(path.join(dir, 'main.js'), [
      `const { App } = require(${req('cdk8s')});`,
      `const kplus = require(${req('cdk8s-plus-28')});`,
      `const { Guardrails, IsolatedNamespace } = require(${JSON.stringify(REPO_ROOT)});`,
      'const app = new App();',
      'Guardrails.enable(app);',
      "const shop = new IsolatedNamespace(app, 'shop');",
      "new kplus.Deployment(shop, 'web', { containers: [{ image: 'ghcr.io/acme/web:2.4.1', portNumber: 8080 }] });",
      'app.synth();',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'language: typescript\napp: node main.js\n');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir };
    delete env.JEST_WORKER_ID;
    const result = spawnSync(CDK8S, ['synth', '--no-check-upgrade'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env });
    expect(result.status).not.toBe(0);
    const stderr = result.stderr;
    // What the app printed, up to Node's version line; cdk8s-cli then adds its own error for the exit code.
    const start = stderr.indexOf('Error: cdk8s-hardened guardrails: 3 errors must be fixed');
    const end = stderr.indexOf('\nNode.js v', start);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const printed = stderr.slice(start, end);
    expect(printed.split('\n').filter(line => /^\s+at /.test(line))).toEqual([]);
    expect(stderr).not.toMatch(/at Guardrails\.|lib[/\\]guardrails[/\\].*:\d+:\d+\)/);
    const counts = summary(printed);
    expect(tags(printed)).toEqual([...Array(counts.errors).fill('error'), ...Array(counts.warnings).fill('warning')]);
    expect(printed).toMatch(new RegExp(`\\n${counts.infos} infos not listed `));
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  }, 180_000);
});
