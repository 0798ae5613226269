import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { runCli } from '../../src/cli/cli';
import { scan } from '../../src/cli/scan';
import { Guardrails } from '../../src/guardrails/guardrails';
import { HardenedValidation } from '../../src/plugin';
import { memoryIo } from '../helpers/memory-io';
import { sarifValidator } from '../helpers/sarif-schema';

const WORKFLOW = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: build, namespace: ci }
spec:
  entrypoint: main
  templates:
    - name: main
      container: { image: busybox:1.36, securityContext: { privileged: true } }
`;
const VALUES = 'replicaCount: 2\nimage: { tag: "1.2.3" }\n';
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: ci }\ndata: { a: b }\n';
const INPUT = `${WORKFLOW}---\n${VALUES}---\n${CONFIG_MAP}---\n${WORKFLOW.replace('name: build', 'name: test')}`;

function dirWith(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skipped-'));
  fs.writeFileSync(path.join(dir, 'ci.yaml'), text);
  return dir;
}


describe('objects passed over are counted and listed in every report', () => {
  const result = scan(['ci.yaml'], { cwd: dirWith(INPUT) });

  test('the report lists each skipped object with its file, line and reason', () => {
    expect(result.report.summary.objects).toBe(1);
    expect(result.report.skipped).toBe(3);
    expect(result.report.skippedObjects).toEqual([
      { reason: 'a custom resource no rule reads', apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: 'build', namespace: 'ci', file: 'ci.yaml', line: 1 },
      { reason: 'kubectl refuses an object without a kind ("Object \'Kind\' is missing")', file: 'ci.yaml', line: 10 },
      { reason: 'a custom resource no rule reads', apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: 'test', namespace: 'ci', file: 'ci.yaml', line: 18 },
    ].map(o => expect.objectContaining(o)));
  });

  test('text: counted by kind, and in the summary line', () => {
    const text = result.report.toText();
    expect(text).toContain('not checked (no rule reads them): 3 objects\n     2  argoproj.io/v1alpha1 Workflow  (a custom resource no rule reads)\n     1  (not a Kubernetes object)  (kubectl refuses an object without a kind ("Object \'Kind\' is missing"))\n');
    expect(text).toMatch(/1 object checked by \d+ rules: .*, 3 skipped\n$/);
  });

  test('JSON: summary.skipped and the list', () => {
    const json = result.report.toJson();
    expect(json.summary.skipped).toBe(3);
    expect(json.skippedObjects.map((s: any) => s.kind ?? null)).toEqual(['Workflow', null, 'Workflow']);
  });

  test('SARIF: the run\'s properties carry the count by kind, and the log stays valid', () => {
    const log = result.report.toSarif();
    expect(log.runs[0].properties).toEqual({ objects: 1, skipped: 3, skippedByKind: { 'argoproj.io/v1alpha1 Workflow': 2, '(not a Kubernetes object)': 1 }, severityOverrides: [] });
    expect(sarifValidator()(log)).toEqual([]);
  });
});

describe('scan --fail-on-skipped', () => {
  test('without it a skipped object does not fail the run', async () => {
    expect(await runCli(['scan', '--packs', 'pss-baseline', 'ci.yaml'], memoryIo(dirWith(INPUT)))).toBe(0);
  });

  test('with it the run fails (exit 1) and each skipped object is listed on standard error', async () => {
    const io = memoryIo(dirWith(INPUT));
    expect(await runCli(['scan', '--packs', 'pss-baseline', '--fail-on-skipped', 'ci.yaml'], io)).toBe(1);
    expect(io.err.join('')).toBe([
      'cdk8s-hardened scan: 3 objects were not checked (--fail-on-skipped):',
      '  ci.yaml:1: Workflow ci/build (argoproj.io/v1alpha1) was not checked: a custom resource no rule reads',
      '  ci.yaml:10: a document was not checked: kubectl refuses an object without a kind ("Object \'Kind\' is missing")',
      '  ci.yaml:18: Workflow ci/test (argoproj.io/v1alpha1) was not checked: a custom resource no rule reads',
      '',
    ].join('\n'));
  });

  test('with it and nothing skipped the run passes', async () => {
    expect(await runCli(['scan', '--packs', 'pss-baseline', '--fail-on-skipped', 'ci.yaml'], memoryIo(dirWith(CONFIG_MAP)))).toBe(0);
  });
});

describe('Guardrails and skipped objects', () => {
  function appWithWorkflow(outdir: string) {
    const app = new App({ outdir });
    const chart = new Chart(app, 'ci');
    new ApiObject(chart, 'build', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: 'build' }, spec: { entrypoint: 'main' } } as any);
    new ApiObject(chart, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    return { app, chart };
  }

  test('a custom resource no rule reads is counted as skipped, with its construct path', () => {
    const { chart } = appWithWorkflow(fs.mkdtempSync(path.join(os.tmpdir(), 'out-')));
    const report = Guardrails.check(chart);
    expect(report.summary.objects).toBe(1);
    expect(report.skippedObjects).toEqual([expect.objectContaining({ kind: 'Workflow', constructPath: 'ci/build', reason: 'a custom resource no rule reads' })]);
  });

  test('failOnSkipped fails synthesis, listing the object, before any file is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'out-'));
    const { app } = appWithWorkflow(outdir);
    Guardrails.enable(app, { quiet: true, failOnSkipped: true });
    expect(() => app.synth()).toThrow(/1 object was not checked and failOnSkipped is set[^]*ci\/build: Workflow build \(argoproj.io\/v1alpha1\) was not checked: a custom resource no rule reads/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('without failOnSkipped the same app synthesizes', () => {
    const { app } = appWithWorkflow(fs.mkdtempSync(path.join(os.tmpdir(), 'out-')));
    Guardrails.enable(app, { quiet: true });
    expect(() => app.synth()).not.toThrow();
  });
});

describe('HardenedValidation failOnSkipped', () => {
  async function run(props: { failOnSkipped?: boolean }) {
    const violations: any[] = [];
    let status = '';
    const file = path.join(dirWith(`${WORKFLOW}---\n${CONFIG_MAP}`), 'ci.yaml');
    await new HardenedValidation({ packs: ['pss-baseline'], ...props }).validate({
      manifests: [file],
      logger: { log: () => undefined },
      report: { addViolation: (v: any) => { violations.push(v); }, submit: (s: string) => { status = s; } },
    });
    return { violations, status };
  }

  test('fails the synth with one violation listing the skipped objects', async () => {
    const { violations, status } = await run({ failOnSkipped: true });
    expect(status).toBe('failure');
    expect(violations).toEqual([expect.objectContaining({ ruleName: 'cdk8s-hardened-skipped-object' })]);
    expect(violations[0].violatingResources[0].locations[0]).toMatch(/ci\.yaml:1: Workflow ci\/build \(argoproj.io\/v1alpha1\) was not checked/);
  });

  test('passes without it', async () => {
    expect((await run({})).status).toBe('success');
  });
});
