import { Packs } from '../../src';
import { deployment, runPacks } from '../helpers/rule-harness';

const NAMESPACE_WIDE = ['network-namespace-default-deny', 'namespace-limit-range', 'namespace-resource-quota'];
const workload = (name: string, namespace?: string) =>
  deployment({ containers: [{ name: 'c', image: 'c:1' }] }, { name, namespace });

function placements(objects: any[]): string[] {
  return runPacks([Packs.network(), Packs.namespace()], objects).findings
    .filter(f => NAMESPACE_WIDE.includes(f.ruleId))
    .map(f => `${f.ruleId} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name}`);
}

describe('namespace-wide findings: one per namespace, on a deterministic object', () => {
  test('are reported once, on the workload of the namespace that sorts first by kind and name, whatever the object order', () => {
    const objects = [workload('b', 'shop'), workload('a', 'shop'), workload('c', 'other')];
    const expected = [
      'network-namespace-default-deny Deployment shop/a',
      'namespace-limit-range Deployment shop/a',
      'namespace-resource-quota Deployment shop/a',
      'network-namespace-default-deny Deployment other/c',
      'namespace-limit-range Deployment other/c',
      'namespace-resource-quota Deployment other/c',
    ];
    expect(placements(objects).sort()).toEqual([...expected].sort());
    expect(placements([...objects].reverse()).sort()).toEqual([...expected].sort());
  });

  test('are reported on the Namespace object when the app defines it, wherever it appears', () => {
    const objects = [workload('b', 'shop'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }];
    expect(placements(objects)).toEqual([
      'network-namespace-default-deny Namespace /shop',
      'namespace-limit-range Namespace /shop',
      'namespace-resource-quota Namespace /shop',
    ]);
  });

  test('treat an unset namespace as default', () => {
    expect(placements([workload('a'), workload('b', 'default')])).toEqual([
      'network-namespace-default-deny Deployment /a',
      'namespace-limit-range Deployment /a',
      'namespace-resource-quota Deployment /a',
    ]);
  });

  test('a duplicated Namespace object carries the findings once', () => {
    const nsObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    expect(placements([nsObject, { ...nsObject }, workload('a', 'shop')])).toHaveLength(3);
  });
});

describe('namespace and network packs: metadata', () => {
  for (const pack of [Packs.network(), Packs.namespace()]) {
    test(`${pack.name}: IDs carry the pack prefix and texts are full sentences`, () => {
      for (const rule of pack.rules) {
        expect(rule.id.startsWith(`${pack.name}-`)).toBe(true);
        for (const text of [rule.summary, rule.explanation, rule.remediation]) {
          expect(text).toMatch(/^[A-Z].*\.$/s);
        }
        expect(rule.fields.length).toBeGreaterThan(0);
      }
    });
  }
});
