import { BindingEntry } from './bindings';
import { policyRulesOf, wildcardPhrase, wildcardsOf } from './policy-rules';
import { isAggregated, isClusterRole, isRole } from './rbac-objects';
import { whoMay } from './role-findings';
import { ManifestObject } from '../../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../../engine/rule';
import { RuleContext } from '../../../engine/rule-context';

/** Rules of a Role (or of a ClusterRole) with `*` in verbs, resources or apiGroups. */
export class WildcardCheck implements IRuleCheck {
  constructor(private readonly clusterRoles: boolean) {}

  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (this.clusterRoles ? !isClusterRole(object) || isAggregated(object) : !isRole(object)) return [];
    const violations: RuleViolation[] = [];
    for (const rule of policyRulesOf(object)) {
      const wildcards = wildcardsOf(rule);
      if (wildcards.length === 0) continue;
      const who = whoMay(object, rule, wildcardPhrase(rule), context, (_: BindingEntry) => true);
      violations.push({
        message: `${rule.path} uses a wildcard in ${wildcards.join(' and ')}, which also grants every resource and verb added later: ${who}; `
          + 'list the verbs, resources and API groups it needs',
        path: rule.path,
      });
    }
    return violations;
  }
}
