import { containerSecurityContext, objectAt, podSecurityContext, pssPodOf } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/** PSA `windowsHostProcess` (baseline, 1.0+): neither the pod nor a container may run as a Windows HostProcess. */
export class WindowsHostProcessCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    if (objectAt(podSecurityContext(pod), 'windowsOptions')?.hostProcess === true) {
      violations.push({
        message: 'pod sets securityContext.windowsOptions.hostProcess to true (must be unset or false)',
        path: `${pod.template.specPath}.securityContext.windowsOptions.hostProcess`,
      });
    }
    for (const ref of pod.containers) {
      if (objectAt(containerSecurityContext(ref), 'windowsOptions')?.hostProcess !== true) continue;
      violations.push({
        message: `${describeContainer(ref)} sets securityContext.windowsOptions.hostProcess to true (must be unset or false)`,
        path: `${ref.path}.securityContext.windowsOptions.hostProcess`,
      });
    }
    return violations;
  }
}
