import { arrayAt, containerSecurityContext, objectAt, pssPodOf, showAll } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/** `capabilities_allowed_1_0` of the admission code: the container runtime's default set. NET_RAW is not in it. */
const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP',
  'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/**
 * PSA `capabilities_baseline` (baseline, 1.0+): containers may add only capabilities of the runtime's default set.
 * Names are compared exactly, as the admission code does: `CAP_SYS_ADMIN` or `net_raw` are not in the set.
 */
export class BaselineCapabilitiesCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    for (const ref of pod.containers) {
      const added = arrayAt(objectAt(containerSecurityContext(ref), 'capabilities'), 'add');
      const forbidden = added.filter(c => typeof c !== 'string' || !BASELINE_CAPABILITIES.includes(c));
      if (forbidden.length === 0) continue;
      violations.push({
        message: `${describeContainer(ref)} adds ${showAll(forbidden)} in securityContext.capabilities.add, outside the baseline set (${BASELINE_CAPABILITIES.join(', ')})`,
        path: `${ref.path}.securityContext.capabilities.add`,
      });
    }
    return violations;
  }
}
