import { DANGEROUS_CAPABILITIES, normalizeCapability } from './private/capabilities';
import { podContainers, securityContextOf } from './private/containers';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer, isObject } from '../../private/pod-template';

/** No container adds a dangerous capability (`DANGEROUS_CAPABILITIES`) in `securityContext.capabilities.add`. */
export class DangerousCapabilitiesCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    const found = podContainers(object);
    if (!found) return [];
    const violations: RuleViolation[] = [];
    for (const ref of found.containers) {
      const capabilities = securityContextOf(ref).capabilities;
      const added = isObject(capabilities) && Array.isArray(capabilities.add) ? capabilities.add : [];
      added.forEach((value: unknown, i: number) => {
        const capability = normalizeCapability(value);
        if (capability === undefined || !Object.prototype.hasOwnProperty.call(DANGEROUS_CAPABILITIES, capability)) return;
        violations.push({
          message: `${describeContainer(ref)} adds capability ${capability} (${DANGEROUS_CAPABILITIES[capability]})`,
          path: `${ref.path}.securityContext.capabilities.add[${i}]`,
        });
      });
    }
    return violations;
  }
}
