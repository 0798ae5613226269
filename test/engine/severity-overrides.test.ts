import { Testing } from 'cdk8s';
import { Evaluator, Guardrails, ManifestObject, Packs, Severity } from '../../src';
import { sarifValidator } from '../helpers/sarif-schema';

const PRIVILEGED_POD = ManifestObject.fromJson({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'shop' },
  spec: { containers: [{ name: 'main', image: 'busybox:1.36', securityContext: { privileged: true } }] },
});

describe('severityOverrides', () => {
  test('with allowErrorSuppression false, lowering an error is refused with a message naming the rule', () => {
    for (const to of [Severity.INFO, Severity.WARNING]) {
      expect(() => new Evaluator({ packs: [Packs.pssBaseline()], allowErrorSuppression: false, severityOverrides: { 'pss-privileged': to } }))
        .toThrow(`severityOverrides lowers rule "pss-privileged" from error to ${to}, but allowErrorSuppression is false`);
    }
    expect(() => Guardrails.check(Testing.chart(), { allowErrorSuppression: false, severityOverrides: { 'pss-host-namespaces': Severity.INFO } }))
      .toThrow(/lowers rule "pss-host-namespaces" from error to info[^]*Remove the override of "pss-host-namespaces"/);
  });

  test('with allowErrorSuppression false, an override that keeps or raises a severity is accepted', () => {
    const evaluator = new Evaluator({ packs: [Packs.pssBaseline()], allowErrorSuppression: false, severityOverrides: { 'pss-privileged': Severity.ERROR } });
    expect(evaluator.evaluate([PRIVILEGED_POD]).summary.errors).toBeGreaterThan(0);
  });

  test('an error lowered to info (errors suppressible) shows in every report with the rule it changed', () => {
    const evaluator = new Evaluator({ packs: [Packs.pssBaseline()], severityOverrides: { 'pss-privileged': Severity.INFO } });
    const report = evaluator.evaluate([PRIVILEGED_POD]);
    const finding = report.findings.find(f => f.ruleId === 'pss-privileged')!;
    expect(finding).toMatchObject({ severity: Severity.INFO, overriddenFrom: Severity.ERROR });
    expect(report.severityOverrides).toEqual([{ ruleId: 'pss-privileged', from: Severity.ERROR, to: Severity.INFO }]);

    const text = report.toText();
    expect(text).toContain('severity: info, changed from error by severityOverrides');
    expect(text).toContain('severity override: pss-privileged is info in this run (its pack says error)');

    const json = report.toJson();
    expect(json.severityOverrides).toEqual([{ ruleId: 'pss-privileged', from: 'error', to: 'info' }]);
    expect(json.findings.find((f: any) => f.ruleId === 'pss-privileged').overriddenFrom).toBe('error');

    const sarif = report.toSarif();
    expect(sarif.runs[0].properties.severityOverrides).toEqual([{ ruleId: 'pss-privileged', from: 'error', to: 'info' }]);
    const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'pss-privileged');
    expect(result).toMatchObject({ level: 'note', properties: { overriddenFrom: 'error' } });
    expect(sarifValidator()(sarif)).toEqual([]);
  });

  test('without overrides nothing is reported as changed', () => {
    const report = new Evaluator({ packs: [Packs.pssBaseline()] }).evaluate([PRIVILEGED_POD]);
    expect(report.severityOverrides).toEqual([]);
    expect(report.findings.every(f => f.overriddenFrom === undefined)).toBe(true);
    expect(report.toText()).not.toContain('severity override');
  });
});
