import { Testing } from 'cdk8s';
import { AdmissionGuardrails, Packs, RulePack, Severity, WorkloadRules } from '../../../src';

const synth = (props = {}) => Testing.synth(new AdmissionGuardrails(Testing.app(), 'admission', props));
const byKind = (manifests: any[], kind: string) => manifests.filter(m => m.kind === kind);

describe('AdmissionGuardrails', () => {
  test('writes one policy and one binding per rule with a CEL form, named after the rule', () => {
    const manifests = synth();
    const enforced = AdmissionGuardrails.enforceableRuleIds();
    expect(byKind(manifests, 'ValidatingAdmissionPolicy').map(m => m.metadata.name).sort()).toEqual(enforced.map(id => `cdk8s-hardened-${id}`));
    expect(byKind(manifests, 'ValidatingAdmissionPolicyBinding').map(m => m.spec.policyName).sort()).toEqual(enforced.map(id => `cdk8s-hardened-${id}`));
    for (const m of manifests) expect(m.metadata.labels['cdk8s-hardened.io/rule']).toEqual(m.metadata.name.replace('cdk8s-hardened-', ''));
  });

  test('denies errors, warns and audits warnings, following severity overrides of the packs', () => {
    const actions = (manifests: any[]) => Object.fromEntries(byKind(manifests, 'ValidatingAdmissionPolicyBinding')
      .map(m => [m.spec.policyName.replace('cdk8s-hardened-', ''), m.spec.validationActions]));
    expect(actions(synth())).toMatchObject({ 'workload-memory-limit': ['Deny'], 'workload-cpu-limit': ['Warn', 'Audit'], 'network-service-not-exposed': ['Warn', 'Audit'] });
    const lowered = Packs.defaults().map(p => (p.findRule('workload-memory-limit') ? p.withSeverity('workload-memory-limit', Severity.INFO) : p));
    expect(actions(synth({ packs: lowered }))['workload-memory-limit']).toEqual(['Audit']);
  });

  test('audits infos only: a tag without a digest is recorded, never refused or warned about', () => {
    const binding = byKind(synth(), 'ValidatingAdmissionPolicyBinding').find(m => m.spec.policyName === 'cdk8s-hardened-workload-image-digest');
    expect(binding.spec.validationActions).toEqual(['Audit']);
  });

  test('matches the kinds each form reads: Secrets, RBAC bindings, Services, and the pod-bearing kinds', () => {
    const resources = (id: string) => byKind(synth(), 'ValidatingAdmissionPolicy').find(m => m.metadata.name === `cdk8s-hardened-${id}`)
      .spec.matchConstraints.resourceRules.flatMap((r: any) => r.resources);
    expect(resources('secrets-secret-inline-data')).toEqual(['secrets']);
    expect(resources('rbac-cluster-admin-binding')).toEqual(['rolebindings', 'clusterrolebindings']);
    expect(resources('workload-sensitive-host-path')).toEqual(expect.arrayContaining(['pods', 'deployments', 'cronjobs', 'podtemplates']));
  });

  test('takes the forms from the rules: a rule whose check is replaced has no form, so no policy', () => {
    const rule = Packs.workload().findRule('workload-memory-limit')!;
    const replaced = new RulePack({ name: 'custom', description: 'A memory-limit rule with other logic.', rules: [rule.withCheck({ check: () => [] })] });
    expect(AdmissionGuardrails.enforceableRuleIds([Packs.workload()])).toContain('workload-memory-limit');
    expect(AdmissionGuardrails.enforceableRuleIds([replaced])).toEqual([]);
    expect(new AdmissionGuardrails(Testing.app(), 'custom', { packs: [replaced] }).ruleIds).toEqual([]);
  });

  test('enforces a configured rule with its own configuration: the registry allow-list carries its prefixes', () => {
    const pack = Packs.workload().withRules(WorkloadRules.registryAllowList(['ghcr.io/acme/', 'registry.internal:5000']));
    const policy = byKind(synth({ packs: [pack] }), 'ValidatingAdmissionPolicy').find(m => m.metadata.name === `cdk8s-hardened-${WorkloadRules.REGISTRY_ALLOW_LIST_ID}`);
    const expression = policy.spec.variables.find((v: any) => v.name === 'offending').expression;
    expect(expression).toContain("c.image.startsWith('ghcr.io/acme/')");
    expect(expression).toContain("img_qualified.startsWith('registry.internal:5000')");
    expect(policy.spec.validations[0].messageExpression).toContain('outside the allow-list (ghcr.io/acme/, registry.internal:5000)');
  });

  test('enforces only the rules of the packs given', () => {
    const manifests = synth({ packs: [Packs.network()] });
    expect(byKind(manifests, 'ValidatingAdmissionPolicy').map(m => m.metadata.name))
      .toEqual([
        'cdk8s-hardened-network-policy-allows-all',
        'cdk8s-hardened-network-policy-allows-any-peer',
        'cdk8s-hardened-network-service-not-exposed',
        'cdk8s-hardened-network-service-no-external-ips',
      ]);
  });

  test('honours the suppression annotation only when the cluster owner allows it, and leaves kube-system alone by default', () => {
    const policy = (manifests: any[]) => byKind(manifests, 'ValidatingAdmissionPolicy').find(m => m.metadata.name === 'cdk8s-hardened-workload-memory-limit');
    expect(policy(synth()).spec.matchConditions).toBeUndefined();
    const honoured = policy(synth({ honourSuppressionAnnotations: true })).spec.matchConditions;
    expect(honoured).toHaveLength(1);
    expect(honoured[0].expression).toContain("'cdk8s-hardened.io/suppress.workload-memory-limit' in object.metadata.annotations");
    const binding = byKind(synth({ excludedNamespaces: ['kube-system', 'monitoring'] }), 'ValidatingAdmissionPolicyBinding')[0];
    expect(binding.spec.matchResources.namespaceSelector.matchExpressions[0]).toEqual({ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'monitoring'] });
  });

  test('says the rule ID and the fix in its messages', () => {
    const policy = byKind(synth(), 'ValidatingAdmissionPolicy').find(m => m.metadata.name === 'cdk8s-hardened-workload-read-only-root-filesystem');
    const validation = policy.spec.validations[0];
    expect(validation.messageExpression).toContain("'workload-read-only-root-filesystem: '");
    expect(validation.messageExpression).toContain('fix: ');
    expect(policy.spec.failurePolicy).toBe('Fail');
  });

  test('synthesizes to the same manifests', () => {
    expect(synth()).toMatchSnapshot();
  });
});
