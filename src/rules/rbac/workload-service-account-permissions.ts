import { entryLabel, grantsBySubject, listSome, rolesByKey, serviceAccountIdentities, SubjectGrant, whereOf } from './private/bindings';
import { DANGEROUS_PERMISSIONS } from './private/permissions';
import { grantOf, policyRulesOf } from './private/policy-rules';
import { isAggregated, isRole, roleLabel, subjectLabel } from './private/rbac-objects';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { podTemplateOf } from '../../private/pod-template';
import { effectiveNamespace } from '../network/private/namespaces';
import { serviceAccountNameOf } from '../workload/private/service-account';

/** What one grant lets its subject do, as message parts: `read every Secret in namespace shop through ... (rules[0])`. */
function dangerousThrough(grant: SubjectGrant, context: RuleContext): string[] {
  const { binding, subject } = grant;
  const via = subject.kind === 'ServiceAccount' ? '' : ` (as ${subjectLabel(subject)})`;
  const role = rolesByKey(context).get(binding.roleKey);
  if (!role) {
    // cluster-admin is built in: its rules are known without the object.
    if (binding.roleRef.kind === 'ClusterRole' && binding.roleRef.name === 'cluster-admin') {
      return [`do anything ${whereOf(binding)} through ${entryLabel(binding)} -> ClusterRole cluster-admin${via}`];
    }
    return [];
  }
  if (isAggregated(role)) return [];
  const namespaced = binding.namespace !== undefined || isRole(role);
  const parts: string[] = [];
  for (const permission of DANGEROUS_PERMISSIONS) {
    const rules = policyRulesOf(role).filter(rule => grantOf(rule, permission, { explicitOnly: false, namespaced }));
    if (rules.length === 0) continue;
    parts.push(`${permission.phrase} ${whereOf(binding)} through ${entryLabel(binding)} -> ${roleLabel(role)} (${rules.map(r => r.path).join(', ')})${via}`);
  }
  return parts;
}

/**
 * A pod-bearing object whose ServiceAccount (`serviceAccountName`, `default` when unset) is bound, in the app, to a
 * dangerous permission (the permissions of the rbac role rules, wildcards included) says so on the workload.
 * Bindings to roles the app does not define (other than cluster-admin) and to aggregated ClusterRoles are not judged.
 */
export class WorkloadServiceAccountPermissionsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const namespace = effectiveNamespace(object) ?? 'default';
    const name = serviceAccountNameOf(pod) ?? 'default';
    const bySubject = grantsBySubject(context);
    if (bySubject.size === 0) return [];
    // Many pods share a ServiceAccount: compute what it may do once per evaluation.
    const memo = context._memoize('rbac:service-account-permissions', () => new Map<string, string[]>());
    const key = `${namespace}/${name}`;
    let parts = memo.get(key);
    if (!parts) {
      parts = [];
      for (const identity of serviceAccountIdentities(namespace, name)) {
        for (const grant of bySubject.get(identity) ?? []) parts.push(...dangerousThrough(grant, context));
      }
      memo.set(key, parts);
    }
    if (parts.length === 0) return [];
    return [{
      message: `its ServiceAccount ${namespace}/${name} may ${listSome(parts, 3, '; and may ')}; `
        + 'give the workload a ServiceAccount of its own, bound to a role that grants only the API access it needs',
      path: `${pod.specPath}.serviceAccountName`,
    }];
  }
}
