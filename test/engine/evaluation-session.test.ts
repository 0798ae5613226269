import * as fc from 'fast-check';
import { Evaluator, IRuleCheck, ManifestObject, Packs, Rule, RulePack, RuleScope, Severity } from '../../src';
import { scan } from '../../src/cli/scan';

// A pod whose sysctl Pod Security allows from 1.29 on: a namespace pinned at v1.28 refuses it, the default admits it.
const pod = (name: string, namespace: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '60' }] }, containers: [{ name: 'c', image: 'c:1' }] },
});
const namespace = (name: string, version?: string) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: version ? { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': version } : {} },
});
const objects = () => [pod('a', 'old'), pod('b', 'new'), namespace('old', 'v1.28'), namespace('new'), pod('c', 'old'), namespace('new', 'v1.28')]
  .map(m => ManifestObject.fromJson(m));
const sysctlFindings = (findings: { ruleId: string; resource: { name?: string } }[]) =>
  findings.filter(f => f.ruleId === 'pss-sysctls').map(f => f.resource.name);

describe('an evaluation fed one object at a time', () => {
  const evaluator = new Evaluator({ packs: Packs.defaults() });

  test('judges a pod read before its Namespace at the version the Namespace pins, and follows the last Namespace of a name', () => {
    const session = evaluator._startSession();
    for (const o of objects()) session.add(o);
    // "old" pins v1.28 (after pod a was read); "new" is redefined with v1.28 at the end, after pod b.
    expect(sysctlFindings(session.finish().findings)).toEqual(['a', 'b', 'c']);
  });

  test('gives the report of a one-shot evaluation, in any order of the objects', () => {
    fc.assert(fc.property(fc.shuffledSubarray(objects(), { minLength: 1 }), shuffled => {
      const session = evaluator._startSession();
      for (const o of shuffled) session.add(o);
      expect(session.finish().toJson()).toEqual(evaluator.evaluate(shuffled).toJson());
    }), { numRuns: 60 });
  });

  test('runs again, once the Namespace is read, only the object-scope rules that read the Kubernetes version', () => {
    const calls = { reads: 0, ignores: 0 };
    const counting = (id: string, check: IRuleCheck) => new Rule({
      id, severity: Severity.WARNING, summary: 's', explanation: 'e', remediation: 'r', fields: [], check, scope: RuleScope.OBJECT,
    });
    const reads = counting('test-reads-version', { check: (o, context) => { calls.reads++; return o.kind === 'Pod' ? [{ message: `at ${context.kubernetesVersion}` }] : []; } });
    const ignores = counting('test-ignores-version', { check: o => { calls.ignores++; return o.kind === 'Pod' ? [{ message: 'a pod' }] : []; } });
    const session = new Evaluator({ packs: [new RulePack({ name: 't', description: 'd', rules: [reads, ignores] })] })._startSession();
    for (const o of [pod('a', 'old'), namespace('old', 'v1.28')].map(m => ManifestObject.fromJson(m))) session.add(o);
    const report = session.finish();
    expect(report.findings.map(f => f.message)).toEqual(['Pod old/a: at 1.28', 'Pod old/a: a pod']);
    expect(calls).toEqual({ reads: 3, ignores: 2 });
  });

  test('scan reads the files in order and reports as one evaluation of every object', () => {
    const stdin = [pod('a', 'old'), namespace('old', 'v1.28')].map(m => JSON.stringify(m)).join('\n');
    const scanned = scan(['-'], { stdin });
    expect(sysctlFindings(scanned.report.findings)).toEqual(['a']);
  });
});

describe('rule scope', () => {
  const readsOthers: IRuleCheck = { check: (_o, context) => (context.objects.length > 1 ? [{ message: 'not alone' }] : []) };
  const rule = (scope: RuleScope) => new Rule({
    id: 'test-reads-others', severity: Severity.ERROR, summary: 's', explanation: 'e', remediation: 'r', fields: [], check: readsOthers, scope,
  });
  const two = [namespace('x'), namespace('y')].map(m => ManifestObject.fromJson(m));

  test('an app-scope rule sees every object', () => {
    const report = new Evaluator({ packs: [new RulePack({ name: 't', description: 'd', rules: [rule(RuleScope.APP)] })] }).evaluate(two);
    expect(report.findings.map(f => f.message)).toEqual(['Namespace x: not alone', 'Namespace y: not alone']);
  });

  test('an object-scope rule that reads other objects is reported, not silently given an empty app', () => {
    const report = new Evaluator({ packs: [new RulePack({ name: 't', description: 'd', rules: [rule(RuleScope.OBJECT)] })] }).evaluate(two);
    expect(report.findings.map(f => f.message)).toEqual([
      'Namespace x: could not evaluate: the rule is declared with scope OBJECT but reads other objects through its context: declare it RuleScope.APP',
      'Namespace y: could not evaluate: the rule is declared with scope OBJECT but reads other objects through its context: declare it RuleScope.APP',
    ]);
  });

  test('rules are of scope APP unless they say otherwise, and keep their scope through withSeverity and withCheck', () => {
    const plain = new Rule({ id: 'test-plain', severity: Severity.INFO, summary: 's', explanation: 'e', remediation: 'r', fields: [], check: readsOthers });
    expect(plain.scope).toBe(RuleScope.APP);
    expect(rule(RuleScope.OBJECT).withSeverity(Severity.INFO).scope).toBe(RuleScope.OBJECT);
    expect(rule(RuleScope.OBJECT).withCheck(readsOthers).scope).toBe(RuleScope.OBJECT);
  });
});
