import { containerSecurityContext, isWindowsPod, pssPodOf, show } from './private/pod';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/**
 * PSA `allowPrivilegeEscalation` (restricted, 1.8+): every container must set `allowPrivilegeEscalation: false`
 * explicitly, because the runtime allows escalation when the field is unset. From 1.25 Windows pods are exempt
 * (the field does not exist there).
 */
export class PrivilegeEscalationCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (context.kubernetesMinor < PSA_SINCE.allowPrivilegeEscalation) return [];
    const pod = pssPodOf(object);
    if (!pod) return [];
    if (context.kubernetesMinor >= PSA_SINCE.windowsExemption && isWindowsPod(pod)) return [];
    const violations: RuleViolation[] = [];
    for (const ref of pod.containers) {
      const value = containerSecurityContext(ref)?.allowPrivilegeEscalation;
      if (value === false) continue;
      violations.push({
        message: value === undefined || value === null
          ? `${describeContainer(ref)} does not set securityContext.allowPrivilegeEscalation (must be false)`
          : `${describeContainer(ref)} sets securityContext.allowPrivilegeEscalation to ${show(value)} (must be false)`,
        path: `${ref.path}.securityContext.allowPrivilegeEscalation`,
      });
    }
    return violations;
  }
}
