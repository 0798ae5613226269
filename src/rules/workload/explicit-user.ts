import { isWindowsPod, podContainers, podSecurityContextOf, securityContextOf } from './private/containers';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer } from '../../private/pod-template';

/**
 * Every container runs as an explicit user: `runAsUser` set on the container or inherited from the pod.
 * Without it the image's USER decides, and a rebuilt image can change the user without any manifest changing.
 * Windows pods are exempt (they use `windowsOptions.runAsUserName`).
 */
export class ExplicitUserCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    const found = podContainers(object);
    if (!found || isWindowsPod(found.pod)) return [];
    if (podSecurityContextOf(found.pod).runAsUser !== undefined) return [];
    return found.containers
      .filter(ref => securityContextOf(ref).runAsUser === undefined)
      .map(ref => ({
        message: `${describeContainer(ref)} sets no securityContext.runAsUser and the pod does not either, so the image decides which user runs`,
        path: `${ref.path}.securityContext.runAsUser`,
      }));
  }
}
