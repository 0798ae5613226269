import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Guardrails, HardenedDeployment, IsolatedNamespace, Severity } from '../../src';
import { BadLabelCheck, testPack, testRule } from '../helpers/test-rules';

const INFO_ONLY = [testPack(testRule('test-bad-label-info', Severity.INFO, new BadLabelCheck()))];
const WARNING_ONLY = [testPack(testRule('test-bad-label-warning', Severity.WARNING, new BadLabelCheck()))];

function badConfigMap(scope: Chart): void {
  new ApiObject(scope, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', labels: { bad: 'true' } } });
}

/** Runs `fn` with stderr captured, and JEST_WORKER_ID set as given (undefined removes it). */
function stderrOf(jestWorkerId: string | undefined, fn: () => void): string {
  const saved = process.env.JEST_WORKER_ID;
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    if (jestWorkerId === undefined) delete process.env.JEST_WORKER_ID;
    else process.env.JEST_WORKER_ID = jestWorkerId;
    fn();
    return spy.mock.calls.map(call => String(call[0])).join('');
  } finally {
    process.env.JEST_WORKER_ID = saved;
    spy.mockRestore();
  }
}

describe('GuardrailReport.findingsToFix', () => {
  test('passes on an app whose only findings are infos (a tag-pinned image)', () => {
    const app = Testing.app();
    const shop = new IsolatedNamespace(app, 'shop');
    new HardenedDeployment(shop, 'web', { containers: [{ image: 'ghcr.io/acme/web:2.4.1', portNumber: 8080 }] });
    const report = Guardrails.check(app);
    // The plain unsuppressed() keeps its meaning: the image-digest info is there.
    expect(report.unsuppressed().map(f => f.ruleId)).toContain('workload-image-digest');
    expect(report.unsuppressed().every(f => f.severity === Severity.INFO)).toBe(true);
    expect(report.findingsToFix()).toEqual([]);
  });

  test('returns warnings and errors by default, infos only on request', () => {
    const infos = Testing.chart();
    badConfigMap(infos);
    expect(Guardrails.check(infos, { packs: INFO_ONLY }).findingsToFix()).toEqual([]);
    expect(Guardrails.check(infos, { packs: INFO_ONLY }).findingsToFix(Severity.INFO).map(f => f.ruleId)).toEqual(['test-bad-label-info']);

    const warnings = Testing.chart();
    badConfigMap(warnings);
    expect(Guardrails.check(warnings, { packs: WARNING_ONLY }).findingsToFix().map(f => f.ruleId)).toEqual(['test-bad-label-warning']);
    expect(Guardrails.check(warnings, { packs: WARNING_ONLY }).findingsToFix(Severity.ERROR)).toEqual([]);
  });
});

describe('Guardrails.enable under jest', () => {
  function passingSynth(props: { quiet?: boolean } = {}): void {
    const app = new App({ outdir: Testing.app().outdir });
    Guardrails.enable(app, { packs: INFO_ONLY, ...props });
    badConfigMap(new Chart(app, 'shop'));
    app.synthYaml();
  }

  test('prints nothing for a passing synthesis when JEST_WORKER_ID is set and quiet is not given', () => {
    expect(stderrOf('1', () => passingSynth())).toEqual('');
  });

  test('prints the report for a passing synthesis outside jest, and quiet: false prints it under jest too', () => {
    expect(stderrOf(undefined, () => passingSynth())).toMatch(/1 object checked by 1 rule: 0 errors, 0 warnings, 1 info/);
    expect(stderrOf('1', () => passingSynth({ quiet: false }))).toMatch(/1 object checked by 1 rule/);
  });

  test('a failing synthesis under jest still fails with the report in the error', () => {
    const strict = new App({ outdir: Testing.app().outdir });
    Guardrails.enable(strict, { packs: [testPack(testRule('test-bad-label', Severity.ERROR, new BadLabelCheck()))] });
    badConfigMap(new Chart(strict, 'shop'));
    expect(stderrOf('1', () => expect(() => strict.synthYaml()).toThrow(/test-bad-label .*sets label bad=true/))).toEqual('');
  });
});
