import { Rule } from './rule';
import { DEFAULT_KUBERNETES_VERSION } from './rule-context';
import { RulePack } from './rule-pack';

const TOOLS: { key: keyof Rule['equivalents']; title: string }[] = [
  { key: 'pss', title: 'PSA check' },
  { key: 'kubeLinter', title: 'kube-linter' },
  { key: 'polaris', title: 'Polaris' },
  { key: 'kubesec', title: 'kubesec' },
  { key: 'kubeScore', title: 'kube-score' },
  { key: 'checkov', title: 'checkov' },
  { key: 'trivy', title: 'Trivy' },
];

/**
 * Renders RULES.md: one table of every rule of the packs (ID, severity, summary, PSS control, packs), then each
 * rule's explanation, remediation, fields and equivalents. Generated, never edited by hand.
 */
export function renderRulesMarkdown(packs: RulePack[]): string {
  const rules = new Map<string, { rule: Rule; packs: string[] }>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const entry = rules.get(rule.id) ?? { rule, packs: [] };
      entry.packs.push(pack.name);
      rules.set(rule.id, entry);
    }
  }
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata by `npx projen rules-md`; a test fails when this file is stale. -->',
    '',
    `${rules.size} rules in ${packs.length} packs. Suppress a finding with a reason: on a construct with`,
    '`Suppressions.add(scope, { ruleId, reason })`, or on a manifest with the annotation',
    '`cdk8s-hardened.io/suppress.<rule-id>: <reason>` (a quoted string: any other value is never a reason).',
    'Annotations are ignored on objects brought in with Include or Helm unless the guardrails set',
    '`trustIncludedSuppressions: true`, and everywhere with `scan --no-manifest-suppressions` (plugin property',
    '`manifestSuppressions: false`). With `allowErrorSuppression: false` an error can be neither suppressed nor',
    'lowered by `severityOverrides`.',
    '',
    'Version-dependent PSS rules judge each pod at the Pod Security version its namespace enforces',
    '(`pod-security.kubernetes.io/enforce-version`) when the input defines the namespace, else at the target',
    `version (default: ${DEFAULT_KUBERNETES_VERSION}, the newest the packs know). Pod specs are read in every workload kind,`,
    '`PodTemplate`, and the custom resources Argo Rollout, OpenShift DeploymentConfig, Knative Service and',
    'Configuration and KEDA ScaledJob; objects no rule reads are counted and listed as skipped.',
    '',
    '## Packs',
    '',
    '| Pack | Rules | Description |',
    '|---|---|---|',
    ...packs.map(p => `| \`${p.name}\` | ${p.rules.length} | ${escape(p.description)} |`),
    '',
    '## All rules',
    '',
    '| Rule | Severity | Summary | PSS control | Packs |',
    '|---|---|---|---|---|',
    ...[...rules.values()].map(({ rule, packs: names }) =>
      `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${escape(rule.summary)} | ${rule.equivalents.pss ? `\`${rule.equivalents.pss}\`` : ''} | ${names.join(', ')} |`),
    '',
  ];
  for (const { rule } of rules.values()) {
    out.push(`### ${rule.id}`, '');
    out.push(`**${rule.severity}**. ${rule.summary}`, '');
    out.push(rule.explanation, '');
    out.push(`**Fix:** ${rule.remediation}`, '');
    out.push(`**Fields:** ${rule.fields.map(f => `\`${f}\``).join(', ')}`, '');
    const eq = TOOLS.filter(t => rule.equivalents[t.key]).map(t => `${t.title} \`${rule.equivalents[t.key]}\``);
    out.push(`**Same check elsewhere:** ${eq.length ? eq.join(', ') : 'none'}`, '');
  }
  return out.join('\n');
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
