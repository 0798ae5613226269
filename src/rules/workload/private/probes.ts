import { isSidecar, podContainers } from './containers';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleViolation } from '../../../engine/rule';
import { describeContainer, isObject } from '../../../private/pod-template';

/**
 * One violation per serving container without the probe. A container serves when it declares `ports`; probes
 * only exist on regular containers and on sidecars (init containers with `restartPolicy: Always`).
 */
export function missingProbe(object: ManifestObject, probe: 'readinessProbe' | 'livenessProbe'): RuleViolation[] {
  const found = podContainers(object, ['containers', 'initContainers']);
  if (!found) return [];
  const violations: RuleViolation[] = [];
  for (const ref of found.containers) {
    if (ref.field === 'initContainers' && !isSidecar(ref)) continue;
    const ports = ref.container.ports;
    if (!Array.isArray(ports) || ports.length === 0) continue;
    if (isObject(ref.container[probe])) continue;
    violations.push({
      message: `${describeContainer(ref)} declares ports but has no ${probe}`,
      path: `${ref.path}.${probe}`,
    });
  }
  return violations;
}
