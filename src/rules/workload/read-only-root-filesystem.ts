import { isWindowsPod, podContainers, securityContextOf } from './private/containers';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget, WINDOWS_POD } from '../../private/cel-form';
import { describeContainer } from '../../private/pod-template';

/** The CEL form: every container sets readOnlyRootFilesystem to true. */
export const READ_ONLY_ROOT_FILESYSTEM_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: 'has(c.securityContext) && has(c.securityContext.readOnlyRootFilesystem) && c.securityContext.readOnlyRootFilesystem == true',
  containerLists: ALL_CONTAINERS,
  exempt: WINDOWS_POD,
  problem: 'does not set securityContext.readOnlyRootFilesystem to true',
};

/**
 * Every container (regular, init and ephemeral) sets `securityContext.readOnlyRootFilesystem: true`.
 * Windows pods are skipped: the field is not supported there.
 */
export class ReadOnlyRootFilesystemCheck implements IRuleCheck {
  public readonly celForm = READ_ONLY_ROOT_FILESYSTEM_CEL;

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
