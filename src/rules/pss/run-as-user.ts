import { containerSecurityContext, podSecurityContext, pssPodOf, usesUserNamespace } from './private/pod';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/**
 * PSA `runAsUser` (restricted, 1.23+): neither the pod nor a container may set `runAsUser: 0`; unset is allowed
 * (`runAsNonRoot` covers it). From 1.35 a pod with `hostUsers: false` is exempt.
 */
export class RunAsUserCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (context.kubernetesMinor < PSA_SINCE.runAsUser) return [];
    const pod = pssPodOf(object);
    if (!pod) return [];
    if (context.kubernetesMinor >= PSA_SINCE.userNamespaceRelaxation && usesUserNamespace(pod)) return [];
    const violations: RuleViolation[] = [];
    if (podSecurityContext(pod)?.runAsUser === 0) {
      violations.push({
        message: 'pod sets securityContext.runAsUser to 0 (must be a non-zero user ID or unset)',
        path: `${pod.template.specPath}.securityContext.runAsUser`,
      });
    }
    for (const ref of pod.containers) {
      if (containerSecurityContext(ref)?.runAsUser !== 0) continue;
      violations.push({
        message: `${describeContainer(ref)} sets securityContext.runAsUser to 0 (must be a non-zero user ID or unset)`,
        path: `${ref.path}.securityContext.runAsUser`,
      });
    }
    return violations;
  }
}
