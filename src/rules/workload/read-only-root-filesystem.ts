import { isWindowsPod, podContainers, securityContextOf } from './private/containers';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer } from '../../private/pod-template';

/**
 * Every container (regular, init and ephemeral) sets `securityContext.readOnlyRootFilesystem: true`.
 * Windows pods are skipped: the field is not supported there.
 */
export class ReadOnlyRootFilesystemCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    const found = podContainers(object);
    if (!found || isWindowsPod(found.pod)) return [];
    const violations: RuleViolation[] = [];
    for (const ref of found.containers) {
      const value = securityContextOf(ref).readOnlyRootFilesystem;
      if (value === true) continue;
      violations.push({
        message: value === false
          ? `${describeContainer(ref)} sets securityContext.readOnlyRootFilesystem to false`
          : `${describeContainer(ref)} does not set securityContext.readOnlyRootFilesystem to true`,
        path: `${ref.path}.securityContext.readOnlyRootFilesystem`,
      });
    }
    return violations;
  }
}
