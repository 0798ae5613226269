import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { LabelSelector } from '../network/private/label-selector';
import { DEFAULT_NAMESPACE, effectiveNamespace, selectsAnyWorkload } from '../network/private/namespaces';

/**
 * A PodDisruptionBudget selects the pods of at least one workload of its namespace in the app. In policy/v1 an
 * empty selector selects every pod of the namespace (not reported) and a missing one selects none; in
 * policy/v1beta1 both select none.
 */
export class PdbSelectsPodsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (object.kind !== 'PodDisruptionBudget' || object.apiGroup !== 'policy') return [];
    const raw = object.manifest?.spec?.selector;
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    if (raw === undefined || raw === null) {
      return [{ message: 'sets no spec.selector, so it protects no pod from eviction; select the labels of the pods it is meant for', path: 'spec' }];
    }
    const selector = LabelSelector.parse(raw);
    if (!selector.valid) return [{ message: `spec.selector ${selector.problem}: fix the selector`, path: 'spec.selector' }];
    if (selector.isEmpty) {
      if (object.apiVersion === 'policy/v1') return [];
      return [{ message: `spec.selector is empty, which selects no pod in ${object.apiVersion} (policy/v1 reads it as every pod of the namespace): select the pods' labels, or use policy/v1`, path: 'spec.selector' }];
    }
    if (selectsAnyWorkload(context, ns, selector)) return [];
    return [{
      message: `spec.selector (${selector}) selects no pod of namespace "${ns}": no workload of the app runs pods with these labels, so `
        + 'the budget protects nothing during node drains and upgrades; fix the selector or the pod template labels, or remove the budget',
      path: 'spec.selector',
    }];
  }
}
