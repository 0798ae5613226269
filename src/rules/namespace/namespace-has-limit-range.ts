import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { namespaceFindingOwner, namespacesHolding } from '../network/private/namespaces';

/**
 * Every namespace that holds workloads has a LimitRange in the app, so containers without resources get
 * default requests and limits. Reported once per namespace: on the Namespace object when the app defines it,
 * else on the namespace's workload that sorts first by kind and name.
 */
export class NamespaceHasLimitRange implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const ns = namespaceFindingOwner(object, context);
    if (ns === undefined || namespacesHolding(context, 'LimitRange', '').has(ns)) return [];
    return [{ message: `namespace "${ns}" has no LimitRange: add one that sets default and maximum container requests and limits` }];
  }
}
