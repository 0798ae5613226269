import { isWindowsPod, podContainers, podSecurityContextOf, securityContextOf } from './private/containers';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget, WINDOWS_POD } from '../../private/cel-form';
import { describeContainer } from '../../private/pod-template';

/** The CEL form: a pod without a pod-level runAsUser has one on every container. */
export const EXPLICIT_USER_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: 'has(c.securityContext) && has(c.securityContext.runAsUser)',
  containerLists: ALL_CONTAINERS,
  exempt: `(${WINDOWS_POD}) || (has(variables.podSpec.securityContext) && has(variables.podSpec.securityContext.runAsUser))`,
  problem: 'sets no securityContext.runAsUser and the pod does not either, so the image decides which user runs',
};

/**
 * Every container runs as an explicit user: `runAsUser` set on the container or inherited from the pod.
 * Without it the image's USER decides, and a rebuilt image can change the user without any manifest changing.
 * Windows pods are exempt (they use `windowsOptions.runAsUserName`).
 */
export class ExplicitUserCheck implements IRuleCheck {
  public readonly celForm = EXPLICIT_USER_CEL;

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
