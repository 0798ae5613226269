import { namespaceFindingOwner } from './private/namespaces';
import { policiesByNamespace } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * Every namespace that holds workloads has a default-deny NetworkPolicy: an empty podSelector that isolates
 * ingress and egress and allows nothing. Two policies, one denying each direction, count as well.
 *
 * The finding is reported once per namespace: on the Namespace object when the app defines it, else on the
 * namespace's workload that sorts first by kind and name.
 */
export class NamespaceDefaultDeny implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const ns = namespaceFindingOwner(object, context);
    if (ns === undefined) return [];
    const policies = policiesByNamespace(context).get(ns);
    const ingress = policies?.deniesAllIngress ?? false;
    const egress = policies?.deniesAllEgress ?? false;
    if (ingress && egress) return [];
    const missing = [ingress ? undefined : 'ingress', egress ? undefined : 'egress'].filter(d => d !== undefined).join(' or ');
    return [{
      message: `namespace "${ns}" has no default-deny NetworkPolicy for ${missing}: add one with podSelector {}, `
        + 'policyTypes [Ingress, Egress] and no ingress or egress rules, so pods not covered by another policy are isolated',
    }];
  }
}
