import { serviceAccountNameOf } from './private/service-account';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { podTemplateOf } from '../../private/pod-template';

/**
 * The pod does not mount a ServiceAccount token: `automountServiceAccountToken: false` on the pod, or left unset
 * on the pod while the pod's ServiceAccount (among the evaluated objects, in the same namespace) sets it to false.
 */
export class AutomountServiceAccountTokenCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const path = `${pod.specPath}.automountServiceAccountToken`;
    const value = pod.spec.automountServiceAccountToken;
    if (value === false) return [];
    if (value === true) {
      return [{ message: 'pod sets automountServiceAccountToken to true, so every container gets an API token', path }];
    }
    const name = serviceAccountNameOf(pod) ?? 'default';
    const account = serviceAccounts(context).get(accountKey(object.namespace, name));
    if (account && account.manifest.automountServiceAccountToken === false) return [];
    return [{
      message: account
        ? `pod does not set automountServiceAccountToken to false, and neither does its ServiceAccount "${name}"`
        : `pod does not set automountServiceAccountToken to false (its ServiceAccount "${name}" is not among the evaluated objects)`,
      path,
    }];
  }
}

function accountKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}\u0000${name}`;
}

/** The app's ServiceAccounts by namespace and name (the first of each), built once per evaluation. */
function serviceAccounts(context: RuleContext): Map<string, ManifestObject> {
  return context._memoize('workload:service-accounts', () => {
    const index = new Map<string, ManifestObject>();
    for (const sa of context.objectsOfKind('ServiceAccount', '')) {
      const key = accountKey(sa.namespace, sa.name);
      if (!index.has(key)) index.set(key, sa);
    }
    return index;
  });
}
