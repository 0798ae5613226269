import { Rule, RuleScope } from './rule';
import { DEFAULT_KUBERNETES_VERSION } from './rule-context';
import { RulePack } from './rule-pack';
import { Severity } from './severity';
import { DECODER_REFUSALS } from '../decode/refusals';
import { noCelFormReasonOf } from '../private/cel-form';

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
export function renderRulesMarkdown(packs: RulePack[], enforcedInCluster: string[] = []): string {
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
    'Each rule\'s **In the cluster** line says how the rule is enforced at admission: by the CEL ValidatingAdmissionPolicy',
    'that `AdmissionGuardrails` generates from it (held against the rule on a real API server by `npx projen cluster`), by',
    'Pod Security Admission through the namespace\'s labels, or not at all, and then why.',
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
    '## How manifests are read',
    '',
    'Every rule judges the objects exactly as kubectl sends them to the API server: files are split into documents',
    'as kubectl\'s reader splits them (at lines that start with `---`), values resolve as go-yaml v2 resolves them',
    '(`yes` and `on` are true, `0o17`, `0x1F`, `0b101`, `017` and `1_000` are integers, timestamps stay strings),',
    'merge keys apply in go-yaml\'s order, and lists are flattened as kubectl flattens them: `kind: List`, typed lists',
    'such as `PodList`, and any object with an `items` array (a ConfigMap carrying `items: [<Pod>]` is applied as that',
    'Pod). The same decoding serves `scan`, the cdk8s-cli plugin and the in-process guardrails, which judge the YAML',
    'cdk8s writes. Where readers could disagree, the input is refused with the file, the line and the plain way to',
    'write it:',
    '',
    '| Input | Why it is refused | Write instead |',
    '|---|---|---|',
    ...DECODER_REFUSALS.map(r => `| ${escape(r.input)} | ${escape(r.why)} | ${escape(r.instead)} |`),
    '',
  ];
  for (const { rule, packs: names } of rules.values()) {
    out.push(`### ${rule.id}`, '');
    out.push(`**${rule.severity}**. ${rule.summary}`, '');
    out.push(rule.explanation, '');
    out.push(`**Fix:** ${rule.remediation}`, '');
    out.push(`**Fields:** ${rule.fields.map(f => `\`${f}\``).join(', ')}`, '');
    const eq = TOOLS.filter(t => rule.equivalents[t.key]).map(t => `${t.title} \`${rule.equivalents[t.key]}\``);
    out.push(`**Same check elsewhere:** ${eq.length ? eq.join(', ') : 'none'}`, '');
    out.push(`**In the cluster:** ${inCluster(rule, names, enforcedInCluster)}`, '');
  }
  return out.join('\n');
}

/** How the rule is enforced at admission, if it is: a policy of AdmissionGuardrails, Pod Security Admission, or why neither. */
function inCluster(rule: Rule, packs: string[], enforced: string[]): string {
  if (enforced.includes(rule.id)) {
    const action = rule.severity === Severity.ERROR ? 'denies' : rule.severity === Severity.WARNING ? 'warns and audits' : 'audits';
    return `CEL policy: \`AdmissionGuardrails\` generates the ValidatingAdmissionPolicy \`cdk8s-hardened-${rule.id}\`, which ${action}.`;
  }
  if (rule.equivalents.pss) {
    const level = packs.includes('pss-baseline') ? 'baseline or restricted' : 'restricted';
    return `Pod Security Admission, when the namespace enforces ${level} (IsolatedNamespace labels it so); no CEL policy of ours.`;
  }
  if (rule.scope === RuleScope.APP) return 'none: the rule reads other objects of the app, and admission judges one object at a time.';
  const reason = noCelFormReasonOf(rule);
  return reason ? `none: ${reason}.` : 'not yet enforced by `AdmissionGuardrails` (no CEL form).';
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
