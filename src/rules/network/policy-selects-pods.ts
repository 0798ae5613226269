import { LabelSelector } from './private/label-selector';
import { DEFAULT_NAMESPACE, effectiveNamespace, selectsAnyWorkload } from './private/namespaces';
import { isNetworkPolicy } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * A NetworkPolicy's own podSelector selects the pods of at least one workload of its namespace in the app.
 *
 * An empty podSelector (`{}`) is never reported: it is meant for every pod of the namespace, present or future,
 * as in a default-deny policy.
 */
export class PolicySelectsPods implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (!isNetworkPolicy(object)) return [];
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    const selector = LabelSelector.parse(object.manifest?.spec?.podSelector);
    if (selector.isEmpty) return [];
    if (!selector.valid) {
      return [{ message: `spec.podSelector ${selector.problem}, so the policy selects no pod: fix the selector`, path: 'spec.podSelector' }];
    }
    if (selectsAnyWorkload(context, ns, selector)) return [];
    return [{
      message: `spec.podSelector (${selector}) selects no pod of namespace "${ns}": no workload of the app runs pods with `
        + 'these labels; fix the selector or the pod template labels, or remove the policy',
      path: 'spec.podSelector',
    }];
  }
}
