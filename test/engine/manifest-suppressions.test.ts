import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, Include, Testing } from 'cdk8s';
import { CliIo, runCli } from '../../src/cli/cli';
import { ManifestScanner } from '../../src/cli/manifest-scanner';
import { Evaluator } from '../../src/engine/evaluator';
import { ManifestObject } from '../../src/engine/manifest-object';
import { Guardrails } from '../../src/guardrails/guardrails';
import { Suppressions } from '../../src/guardrails/suppressions';
import { Packs } from '../../src/packs/packs';

const REASON = 'vendor agent needs the host; ticket OPS-1234';

const pod = (annotation: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
  namespace: shop
  annotations:
    cdk8s-hardened.io/suppress.pss-privileged: ${annotation}
spec:
  containers:
    - name: main
      image: registry.example/agent:1.2.3
      securityContext: { privileged: true }
`;

function privileged(report: { findings: Array<{ ruleId: string; suppressed: boolean; suppressionRefused?: string }> }) {
  return report.findings.filter(f => f.ruleId === 'pss-privileged');
}

function fileWith(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-suppressions-')), 'agent.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('manifest suppressions in scan', () => {
  const scanText = (text: string, manifestSuppressions?: boolean) =>
    new ManifestScanner({ packs: ['pss-baseline'], ...(manifestSuppressions === undefined ? {} : { manifestSuppressions }) }).scanText(text, 'agent.yaml').report;

  test('by default a string annotation with a reason suppresses the finding', () => {
    expect(privileged(scanText(pod(JSON.stringify(REASON))))).toEqual([expect.objectContaining({ suppressed: true })]);
  });

  test('with manifest suppressions off the annotation is ignored, and the finding says why', () => {
    const [finding] = privileged(scanText(pod(JSON.stringify(REASON)), false));
    expect(finding.suppressed).toBe(false);
    expect(finding.suppressionRefused).toContain('suppression from annotation on Pod shop/agent ignored: suppression annotations on this object are not trusted');
  });

  test('scan --no-manifest-suppressions fails the run on the annotated error', async () => {
    const file = fileWith(pod(JSON.stringify(REASON)));
    const io = (): CliIo & { out: string[] } => {
      const out: string[] = [];
      return { out, cwd: path.dirname(file), stdout: t => { out.push(t); }, stderr: () => undefined, readStdin: async () => new Uint8Array() };
    };
    expect(await runCli(['scan', '--packs', 'pss-baseline', 'agent.yaml'], io())).toBe(0);
    const off = io();
    expect(await runCli(['scan', '--packs', 'pss-baseline', '--no-manifest-suppressions', 'agent.yaml'], off)).toBe(1);
    expect(off.out.join('')).toContain('not trusted');
  });

  test.each([['an integer', '1234567890123'], ['a boolean', 'true'], ['a mapping', '{ reason: "long enough reason here" }']])(
    'a non-string annotation value (%s) makes kubectl refuse the document, so it is listed as not checked', (_what, value) => {
      const report = scanText(pod(value));
      expect(privileged(report)).toEqual([]);
      expect(report.skippedObjects).toEqual([expect.objectContaining({ reason: expect.stringMatching(/metadata.annotations.cdk8s-hardened.io\/suppress.pss-privileged is .*, not string/) })]);
    });

  test.each([['an integer', 1234567890123], ['a boolean', true], ['a mapping', { reason: 'long enough reason here' }]])(
    'a non-string annotation value (%s) is never a reason for the engine', (_what, value) => {
      const object = ManifestObject.fromJson({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'agent', namespace: 'shop', annotations: { 'cdk8s-hardened.io/suppress.pss-privileged': value } },
        spec: { containers: [{ name: 'main', image: 'registry.example/agent:1.2.3', securityContext: { privileged: true } }] },
      });
      const [finding] = privileged(new Evaluator({ packs: [Packs.byName('pss-baseline')] }).evaluate([object]));
      expect(finding.suppressed).toBe(false);
      expect(finding.suppressionRefused).toMatch(/the annotation cdk8s-hardened.io\/suppress.pss-privileged is .*, not a string: write the reason as a quoted string/);
    });
});
describe('Guardrails: annotations of Included YAML are not trusted by default', () => {
  function appWith(props: { trustIncludedSuppressions?: boolean } = {}, constructSuppression = false) {
    const chart = Testing.chart();
    const include = new Include(chart, 'vendor', { url: fileWith(pod(JSON.stringify(REASON))) });
    if (constructSuppression) Suppressions.add(include, { ruleId: 'pss-privileged', reason: REASON });
    return Guardrails.check(chart, { packs: [Packs.pssBaseline()], ...props });
  }

  test('an Included object cannot suppress its own error with an annotation', () => {
    const [finding] = privileged(appWith());
    expect(finding.suppressed).toBe(false);
    expect(finding.suppressionRefused).toContain('not trusted');
  });

  test('trustIncludedSuppressions: true trusts them', () => {
    expect(privileged(appWith({ trustIncludedSuppressions: true }))).toEqual([expect.objectContaining({ suppressed: true })]);
  });

  test('a suppression declared on the Include construct still applies', () => {
    const [finding] = privileged(appWith({}, true));
    expect(finding.suppressed).toBe(true);
    expect((finding as any).suppression.origin).toBe('test/vendor');
  });

  test('annotations written by the app constructs are trusted', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'agent', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'agent', annotations: { 'cdk8s-hardened.io/suppress.pss-privileged': REASON } },
      spec: { containers: [{ name: 'main', image: 'registry.example/agent:1.2.3', securityContext: { privileged: true } }] },
    } as any);
    expect(privileged(Guardrails.check(chart, { packs: [Packs.pssBaseline()] }))).toEqual([expect.objectContaining({ suppressed: true })]);
  });
});
