import { BindingEntry, bindingsByRole, entryLabel, listSome, whereOf } from './bindings';
import { grantOf, Permission, PolicyRule, policyRulesOf } from './policy-rules';
import { isAggregated, isAnyRole, isRole, namespaceOf, ownRoleKey, roleLabel, subjectLabel } from './rbac-objects';
import { ManifestObject } from '../../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../../engine/rule';
import { RuleContext } from '../../../engine/rule-context';

/**
 * Who may do `phrase` through a rule of a role: `ServiceAccount shop/api may read every Secret in the cluster
 * through ClusterRoleBinding x -> ClusterRole y (rules[0])`, for the bindings of the app that refer to the role.
 * `applies` tells whether a binding really grants it (a RoleBinding grants nothing cluster-scoped).
 */
export function whoMay(
  role: ManifestObject, rule: PolicyRule, phrase: string, context: RuleContext, applies: (binding: BindingEntry) => boolean,
): string {
  const bindings = (bindingsByRole(context).get(ownRoleKey(role)) ?? []).filter(applies);
  const through = (b: BindingEntry) => `through ${entryLabel(b)} -> ${roleLabel(role)} (${rule.path})`;
  if (bindings.length === 0) {
    const where = isRole(role) ? `in namespace ${namespaceOf(role)}` : 'wherever it is bound';
    return `whoever it is bound to may ${phrase} ${where} (no binding in the app refers to it)`;
  }
  const lines: string[] = [];
  for (const b of bindings) {
    if (b.subjects.length === 0) lines.push(`nobody yet may ${phrase} ${whereOf(b)} ${through(b)}, which names no subject`);
    for (const s of b.subjects) lines.push(`${subjectLabel(s)} may ${phrase} ${whereOf(b)} ${through(b)}`);
  }
  return listSome(lines, 3);
}

/** A role-level rule: which rules of a Role or ClusterRole explicitly grant a dangerous permission. */
export class RolePermissionCheck implements IRuleCheck {
  constructor(private readonly permission: Permission, private readonly fix: string) {}

  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (!isAnyRole(object) || isAggregated(object)) return [];
    const violations: RuleViolation[] = [];
    for (const rule of policyRulesOf(object)) {
      // A Role never grants cluster-scoped resources; a ClusterRole grants them through ClusterRoleBindings only.
      const grant = grantOf(rule, this.permission, { explicitOnly: true, namespaced: isRole(object) });
      if (!grant) continue;
      // A RoleBinding grants a ClusterRole's rules in its namespace only, without the cluster-scoped resources: when the
      // app binds the role through RoleBindings alone and the rule grants only cluster-scoped ones, it gives nobody anything.
      const namespacedGrant = grantOf(rule, this.permission, { explicitOnly: true, namespaced: true });
      const applies = (b: BindingEntry) => b.namespace === undefined || namespacedGrant !== undefined;
      const bound = bindingsByRole(context).get(ownRoleKey(object)) ?? [];
      if (bound.length > 0 && !bound.some(applies)) continue;
      violations.push({
        message: `${rule.path} grants ${grant.description}: ${whoMay(object, rule, this.permission.phrase, context, applies)}; ${this.fix}`,
        path: rule.path,
      });
    }
    return violations;
  }
}
