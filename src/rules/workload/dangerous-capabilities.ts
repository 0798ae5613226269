import { DANGEROUS_CAPABILITIES, normalizeCapability } from './private/capabilities';
import { podContainers, securityContextOf } from './private/containers';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget, celStrings } from '../../private/cel-form';
import { describeContainer, isObject } from '../../private/pod-template';

/** The capability as normalizeCapability reads it: trimmed, upper case, without a CAP_ prefix. */
const NORMALIZED = "(x.trim().upperAscii().startsWith('CAP_') ? x.trim().upperAscii().substring(4) : x.trim().upperAscii())";

/** The CEL form: no added capability is one of DANGEROUS_CAPABILITIES. */
export const DANGEROUS_CAPABILITIES_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: '!has(c.securityContext) || !has(c.securityContext.capabilities) || !has(c.securityContext.capabilities.add)'
    + ` || c.securityContext.capabilities.add.all(x, !(${NORMALIZED} in ${celStrings(Object.keys(DANGEROUS_CAPABILITIES))}))`,
  containerLists: ALL_CONTAINERS,
  problem: 'adds a capability that gives power over the node or other workloads',
};

/** No container adds a dangerous capability (`DANGEROUS_CAPABILITIES`) in `securityContext.capabilities.add`. */
export class DangerousCapabilitiesCheck implements IRuleCheck {
  public readonly celForm = DANGEROUS_CAPABILITIES_CEL;

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
