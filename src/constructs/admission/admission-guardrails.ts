import { ApiObject, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { POD_SPEC, WORKLOAD_RESOURCES } from './private/workloads';
import { Rule } from '../../engine/rule';
import { RulePack } from '../../engine/rule-pack';
import { Severity } from '../../engine/severity';
import { MIN_REASON_LENGTH, SUPPRESS_ANNOTATION_PREFIX } from '../../engine/suppression';
import { Packs } from '../../packs/packs';
import { CelForm, celFormOf, CelResources, celString, CelTarget, containersExpression } from '../../private/cel-form';
import { packageInfo } from '../../private/package-info';

/** Props of AdmissionGuardrails. */
export interface AdmissionGuardrailsProps extends ChartProps {
  /**
   * The packs whose rules are enforced, with their severities: an error is denied, a warning is returned to the
   * client as a warning and audited, an info is audited only (an info is advice that never fails a scan, so it
   * neither refuses nor warns; the audit log keeps its verdict, and raising its severity enforces it). Rules
   * without a CEL form (those that read other objects, the PSS rules, which Pod Security Admission enforces, and the
   * few that RULES.md names with the reason) are left out.
   * @default - every shipped pack (Packs.defaults())
   */
  readonly packs?: RulePack[];
  /**
   * Whether an object's own `cdk8s-hardened.io/suppress.<ruleId>` annotation (with a reason of at least 10
   * characters) exempts it from that rule's policy. Only the cluster owner can decide that anyone who may create
   * objects may also exempt them. Note that a Deployment's pods are judged on their own annotations (the pod
   * template's), not the Deployment's.
   * @default false
   */
  readonly honourSuppressionAnnotations?: boolean;
  /**
   * Namespaces the policies do not apply to.
   * @default ['kube-system']
   */
  readonly excludedNamespaces?: string[];
}

const MANAGED_BY = 'cdk8s-hardened';
const POLICY_PREFIX = 'cdk8s-hardened-';

/**
 * The rules of the packs, in the cluster: one ValidatingAdmissionPolicy and one binding per rule that has a CEL
 * form, so that what `kubectl apply` sends is held to the same checks as the code (Kubernetes 1.30 or later; no
 * webhook, nothing to run). Policy names carry the rule ID and labels carry the library version, so an upgrade
 * replaces them in place.
 *
 * The policies are cluster-scoped: put this chart in an app of its own, applied by the cluster's owner. The API
 * server keeps at most 4096 characters of warnings per response (cutting each to 256 past that), so an object that
 * fails many warning rules shows only some of them; `scan` shows them all.
 */
export class AdmissionGuardrails extends Chart {
  /**
   * The IDs of the rules of the packs that have a CEL form, i.e. that AdmissionGuardrails can enforce.
   * @param packs the packs to look in; every shipped pack (Packs.defaults()) when omitted
   */
  public static enforceableRuleIds(packs?: RulePack[]): string[] {
    const ids = (packs ?? Packs.defaults()).flatMap(p => p.rules).filter(r => celFormOf(r)).map(r => r.id);
    return [...new Set(ids)].sort();
  }

  /** The IDs of the rules this chart enforces, in pack order. */
  public readonly ruleIds: string[];

  constructor(scope: Construct, id: string, props: AdmissionGuardrailsProps = {}) {
    super(scope, id, props);
    const packs = props.packs ?? Packs.defaults();
    const seen = new Set<string>();
    const rules: Rule[] = [];
    for (const pack of packs) {
      for (const rule of pack.rules) {
        if (seen.has(rule.id) || !celFormOf(rule)) continue;
        seen.add(rule.id);
        rules.push(rule);
      }
    }
    this.ruleIds = rules.map(r => r.id);
    const version = packageInfo().version;
    for (const rule of rules) {
      const name = `${POLICY_PREFIX}${rule.id}`;
      const labels = { 'app.kubernetes.io/managed-by': MANAGED_BY, 'cdk8s-hardened.io/rule': rule.id, 'cdk8s-hardened.io/version': version };
      new ApiObject(this, `${rule.id}-policy`, {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name, labels },
        spec: policySpec(rule, props.honourSuppressionAnnotations === true),
      });
      new ApiObject(this, `${rule.id}-binding`, {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name, labels },
        spec: {
          policyName: name,
          validationActions: actionsFor(rule.severity),
          matchResources: {
            namespaceSelector: {
              matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: props.excludedNamespaces ?? ['kube-system'] }],
            },
          },
        },
      });
    }
  }
}

function actionsFor(severity: Severity): string[] {
  switch (severity) {
    case Severity.ERROR: return ['Deny'];
    case Severity.WARNING: return ['Warn', 'Audit'];
    default: return ['Audit'];
  }
}

function policySpec(rule: Rule, honourSuppressions: boolean): any {
  const check: CelForm = celFormOf(rule)!;
  const annotation = `${SUPPRESS_ANNOTATION_PREFIX}${rule.id}`;
  const matchConditions = honourSuppressions ? [{
    name: 'not-suppressed-with-a-reason',
    expression: `!has(object.metadata.annotations) || !(${celString(annotation)} in object.metadata.annotations)`
      + ` || size(object.metadata.annotations[${celString(annotation)}].trim()) < ${MIN_REASON_LENGTH}`,
  }] : undefined;
  const who = "object.kind + ' ' + (has(object.metadata.namespace) ? object.metadata.namespace + '/' : '') + (has(object.metadata.name) ? object.metadata.name : '')";
  const fix = celString(`; fix: ${rule.remediation}`);
  // What every policy shares: fail closed, on create and update of the kinds the check reads.
  const base = (resources: CelResources[]) => ({
    failurePolicy: 'Fail',
    matchConstraints: { resourceRules: resources.map(r => ({ ...r, operations: ['CREATE', 'UPDATE'] })) },
    ...(matchConditions ? { matchConditions } : {}),
  });
  if (check.target === CelTarget.OBJECT) {
    return {
      ...base(check.resources ?? []),
      validations: [{
        expression: check.compliant,
        message: `${rule.id}: ${check.problem}`,
        messageExpression: `${celString(`${rule.id}: `)} + ${who} + ${celString(` ${check.problem}`)} + ${fix}`,
      }],
    };
  }
  if (check.target === CelTarget.POD) {
    return {
      ...base(WORKLOAD_RESOURCES),
      variables: [{ name: 'podSpec', expression: POD_SPEC }],
      validations: [{
        // An object without a pod template (a ReplicationController may have none) has no pod to judge.
        expression: `variables.podSpec == {} || ${check.exempt ? `(${check.exempt}) || ` : ''}(${check.compliant})`,
        message: `${rule.id}: ${check.problem}`,
        messageExpression: `${celString(`${rule.id}: `)} + ${who} + ${celString(`: the pod ${check.problem}`)} + ${fix}`,
      }],
    };
  }
  const variables = [
    { name: 'podSpec', expression: POD_SPEC },
    { name: 'containers', expression: containersExpression(check.containerLists ?? ['containers']) },
    { name: 'offending', expression: `variables.containers.filter(c, !(${check.compliant}))` },
  ];
  return {
    ...base(WORKLOAD_RESOURCES),
    variables,
    validations: [{
      expression: check.exempt ? `(${check.exempt}) || size(variables.offending) == 0` : 'size(variables.offending) == 0',
      message: `${rule.id}: a container does not comply`,
      messageExpression: `${celString(`${rule.id}: `)} + ${who} + ${celString(': container ')}`
        + ` + variables.offending.map(c, '"' + c.name + '"').join(', ') + ${celString(` ${check.problem}`)} + ${fix}`,
    }],
  };
}
