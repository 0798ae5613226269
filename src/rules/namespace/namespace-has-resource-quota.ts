import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { namespaceFindingOwner, namespacesHolding } from '../network/private/namespaces';

/**
 * Every namespace that holds workloads has a ResourceQuota in the app, capping what all its pods together may
 * consume. Reported once per namespace: on the Namespace object when the app defines it, else on the
 * namespace's workload that sorts first by kind and name.
 */
export class NamespaceHasResourceQuota implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const ns = namespaceFindingOwner(object, context);
    if (ns === undefined || namespacesHolding(context, 'ResourceQuota', '').has(ns)) return [];
    return [{ message: `namespace "${ns}" has no ResourceQuota: add one that caps the namespace's total CPU, memory and object counts` }];
  }
}
