import { containerSecurityContext, isWindowsPod, objectAt, podSecurityContext, pssPodOf, show } from './private/pod';
import { isAllowedSeccompProfile } from './private/seccomp';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/**
 * PSA `seccompProfile_restricted` (restricted, 1.19+; overrides `seccompProfile_baseline`): every container must
 * run with a `RuntimeDefault` or `Localhost` seccomp profile, set on the container or inherited from the pod.
 * From 1.25 Windows pods are exempt.
 */
export class RestrictedSeccompCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (context.kubernetesMinor < PSA_SINCE.seccompFields) return [];
    const pod = pssPodOf(object);
    if (!pod) return [];
    if (context.kubernetesMinor >= PSA_SINCE.windowsExemption && isWindowsPod(pod)) return [];
    const violations: RuleViolation[] = [];
    const podProfile = objectAt(podSecurityContext(pod), 'seccompProfile');
    if (podProfile && !isAllowedSeccompProfile(podProfile)) {
      violations.push({
        message: `pod sets securityContext.seccompProfile.type to ${show(podProfile.type)} (must be "RuntimeDefault" or "Localhost")`,
        path: `${pod.template.specPath}.securityContext.seccompProfile.type`,
      });
    }
    for (const ref of pod.containers) {
      const profile = objectAt(containerSecurityContext(ref), 'seccompProfile');
      if (profile) {
        if (isAllowedSeccompProfile(profile)) continue;
        violations.push({
          message: `${describeContainer(ref)} sets securityContext.seccompProfile.type to ${show(profile.type)} (must be "RuntimeDefault" or "Localhost")`,
          path: `${ref.path}.securityContext.seccompProfile.type`,
        });
      } else if (!podProfile) {
        // A forbidden pod-level profile is reported once above; an unset one leaves each unset container failing.
        violations.push({
          message: `${describeContainer(ref)} does not set securityContext.seccompProfile and the pod does not either (one of them must set type "RuntimeDefault" or "Localhost")`,
          path: `${ref.path}.securityContext.seccompProfile`,
        });
      }
    }
    return violations;
  }
}
