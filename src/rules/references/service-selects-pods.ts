import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/json';
import { LabelSelector } from '../network/private/label-selector';
import { DEFAULT_NAMESPACE, effectiveNamespace, selectsAnyWorkload } from '../network/private/namespaces';

/** The pod selector of a Service that selects pods (not ExternalName, not one whose endpoints are managed by hand). */
export function serviceSelector(object: ManifestObject): LabelSelector | undefined {
  if (object.kind !== 'Service' || object.apiGroup !== '') return undefined;
  const spec = isObject(object.manifest?.spec) ? object.manifest.spec : {};
  if (spec.type === 'ExternalName' || !isObject(spec.selector) || Object.keys(spec.selector).length === 0) return undefined;
  return LabelSelector.parse({ matchLabels: spec.selector });
}

/**
 * A Service's selector selects the pods of at least one workload of its namespace in the app. Services without a
 * selector (ExternalName, endpoints written by hand or by a controller) are not judged.
 */
export class ServiceSelectsPodsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const selector = serviceSelector(object);
    if (!selector) return [];
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    if (selectsAnyWorkload(context, ns, selector)) return [];
    return [{
      message: `spec.selector (${selector}) selects no pod of namespace "${ns}": no workload of the app runs pods with these labels, so the `
        + 'Service has no endpoints and every connection to it fails; fix the selector or the pod template labels, or remove the Service',
      path: 'spec.selector',
    }];
  }
}
