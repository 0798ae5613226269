import { pssPodOf, usesUserNamespace } from './private/pod';
import { procMountViolations } from './private/proc-mount';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * PSA `procMount` (baseline, 1.0+): containers must keep the default /proc masks. From 1.35 a pod in its own user
 * namespace (`hostUsers: false`) may set any procMount, since unmasked /proc then exposes only the namespace's view.
 */
export class ProcMountCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    if (context.kubernetesMinor >= PSA_SINCE.userNamespaceRelaxation && usesUserNamespace(pod)) return [];
    return procMountViolations(pod);
  }
}
