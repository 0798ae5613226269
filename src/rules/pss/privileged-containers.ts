import { containerSecurityContext, pssPodOf } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/** PSA `privileged` (baseline, 1.0+): no container may run privileged. */
export class PrivilegedContainersCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    return pod.containers
      .filter(ref => containerSecurityContext(ref)?.privileged === true)
      .map(ref => ({
        message: `${describeContainer(ref)} sets securityContext.privileged to true (must be unset or false)`,
        path: `${ref.path}.securityContext.privileged`,
      }));
  }
}
