import { containerSecurityContext, PssPod, show } from './pod';
import { RuleViolation } from '../../../engine/rule';
import { describeContainer } from '../../../private/pod-template';

/**
 * Containers whose `securityContext.procMount` is set to anything but `Default`. This is `procMount_1_0` of the
 * admission code, shared by the baseline check (before its user-namespace relaxation) and the restricted one.
 */
export function procMountViolations(pod: PssPod): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const ref of pod.containers) {
    const value = containerSecurityContext(ref)?.procMount;
    if (value === undefined || value === null || value === 'Default') continue;
    violations.push({
      message: `${describeContainer(ref)} sets securityContext.procMount to ${show(value)} (must be unset or "Default")`,
      path: `${ref.path}.securityContext.procMount`,
    });
  }
  return violations;
}
