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

/**
 * What a jsii runtime shows for an error thrown in the library. The kernel wraps it as `new RuntimeError(error)`
 * (an Error whose message is `String(error)`) and sends that error's message and stack; Python raises
 * `RuntimeError(message) from JavaScriptError(stack)` and prints both, Java throws one exception whose message is
 * the message, a newline and the stack.
 */
function shownByJsii(error: Error): { python: string; java: string } {
  class KernelRuntimeError extends Error {
    constructor(e: unknown) {
      super(e as string);
      this.name = '@jsii/kernel.RuntimeError';
    }
  }
  const wrapped = new KernelRuntimeError(error);
  return { python: `${wrapped.stack}\n${wrapped.message}`, java: `${wrapped.message}\n${wrapped.stack}` };
}

describe('a failed synthesis called through jsii (Python, Java, Go, .NET)', () => {
  function failedThroughJsii(agent: string) {
    const before = process.env.JSII_AGENT;
    process.env.JSII_AGENT = agent;
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { written.push(String(chunk)); return true; });
    try {
      return { error: failedSynthesis({ quiet: true }), stderr: written.join('') };
    } finally {
      spy.mockRestore();
      if (before === undefined) delete process.env.JSII_AGENT;
      else process.env.JSII_AGENT = before;
    }
  }
  const count = (text: string, part: string) => text.split(part).length - 1;

  test.each(['Python/3.11.2', 'Java/17.0.9'])('prints the report once under %s: on stderr, and not again in the error', agent => {
    const { error, stderr } = failedThroughJsii(agent);
    const counts = summary(stderr);
    expect(tags(stderr)).toEqual([...Array(counts.errors).fill('error'), ...Array(counts.warnings).fill('warning')]);
    const shown = shownByJsii(error);
    for (const text of [shown.python, shown.java]) {
      expect(count(stderr + text, 'errors, ')).toBe(1);
      expect(count(stderr + text, '  error  ')).toBe(counts.errors);
    }
  });

  test('the error carries the headline, the failing rules and where the report is kept, in Python\'s words', () => {
    const { error, stderr } = failedThroughJsii('Python/3.11.2');
    const ruleIds = [...new Set(stderr.split('\n').map(line => /^ {2}error {2,}(\S+)/.exec(line)?.[1]).filter(id => id !== undefined))];
    expect(ruleIds.length).toBeGreaterThan(0);
    expect(error.message).toBe(`cdk8s-hardened guardrails: ${summary(stderr).errors} errors must be fixed or suppressed (with a reason) before synthesis. `
      + `Rules: ${ruleIds.join(', ')}. The report is printed on standard error and kept in Guardrails.of(app).last_report.`);
    expect(stderr).toMatch(/^cdk8s-hardened guardrails: \d+ errors must be fixed or suppressed \(with a reason\) before synthesis\.\n\n/);
    expect(stderr).toContain('Guardrails.enable(app, list_infos=True) lists them');
  });

  test('from TypeScript the message is the whole report and nothing is printed', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { written.push(String(chunk)); return true; });
    let error: Error;
    try {
      error = failedSynthesis({ quiet: true });
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual([]);
    expect(count(error.message, 'errors, ')).toBe(1);
    expect(error.message).toContain('Guardrails.enable(app, { listInfos: true }) lists them');
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
