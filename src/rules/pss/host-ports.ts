import { arrayAt, pssPodOf } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer, isObject } from '../../private/pod-template';

/**
 * PSA `hostPorts` (baseline, 1.0+): no container port may be bound on the node. `0` means unset; the "known list"
 * that the PSS page mentions is not supported by the admission code, so every other value fails.
 */
export class HostPortsCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    for (const ref of pod.containers) {
      arrayAt(ref.container, 'ports').forEach((port, index) => {
        if (!isObject(port) || typeof port.hostPort !== 'number' || port.hostPort === 0) return;
        violations.push({
          message: `${describeContainer(ref)} sets ports[${index}].hostPort to ${port.hostPort} (must be unset or 0)`,
          path: `${ref.path}.ports[${index}].hostPort`,
        });
      });
    }
    return violations;
  }
}
