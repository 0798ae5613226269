import { Packs, Severity } from '../../src';
import { WorkloadRules } from '../../src/packs/workload';
import { describeFindings, runRule } from '../helpers/rule-harness';
import { withImage } from './fixtures/workload';

describe('workload-image-registry-allowed: WorkloadRules.registryAllowList', () => {
  const rule = WorkloadRules.registryAllowList(['ghcr.io/acme/', 'registry.internal:5000', 'docker.io/library/']);

  test('is an error-level rule with full metadata', () => {
    expect(rule.id).toBe(WorkloadRules.REGISTRY_ALLOW_LIST_ID);
    expect(rule.severity).toBe(Severity.ERROR);
    expect(rule.summary).toContain('ghcr.io/acme/');
    expect(rule.equivalents).toEqual({ trivy: 'KSV-0125' });
  });

  test('is not in the default workload pack, and composes into it', () => {
    expect(Packs.workload().findRule(rule.id)).toBeUndefined();
    expect(Packs.workload().withRules(rule).findRule(rule.id)).toBe(rule);
  });

  test.each([
    'ghcr.io/acme/api:1.0',
    'registry.internal:5000/team/app:2@sha256:abc',
    'registry.internal:5000:1',
    'nginx:1.25',
    'library/nginx:1.25',
    'docker.io/library/nginx:1.25',
  ])('allows %s', image => {
    const findings = runRule(rule, [withImage(image)]);
    expect(describeFindings(findings)).toBe('(none)');
  });

  test.each([
    'ghcr.io/evil/api:1.0',
    'ghcr.io/acmecorp/api:1.0',
    'registry.internal:50001/app:1',
    'registry.internal.evil.example:5000/app:1',
    'bitnami/nginx:1.25',
    'quay.io/acme/api:1.0',
  ])('rejects %s', image => {
    const findings = runRule(rule, [withImage(image)]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(`container "api" uses image "${image}" from a registry outside the allow-list`);
    expect(findings[0].path).toBe('spec.template.spec.containers[0].image');
  });

  test('a prefix without a trailing slash matches whole components only', () => {
    const bare = WorkloadRules.registryAllowList(['ghcr.io']);
    expect(runRule(bare, [withImage('ghcr.io/anyone/app:1')])).toHaveLength(0);
    expect(runRule(bare, [withImage('ghcr.io.evil.example/app:1')])).toHaveLength(1);
  });

  test('refuses an empty allow-list, which would reject every image', () => {
    expect(() => WorkloadRules.registryAllowList([])).toThrow(/at least one registry prefix/);
    expect(() => WorkloadRules.registryAllowList(['  '])).toThrow(/at least one registry prefix/);
  });
});
