import { objectAt, pssPodOf, show } from './private/pod';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const LIFECYCLE_HANDLERS = ['postStart', 'preStop'];
const ACTIONS = ['httpGet', 'tcpSocket'];

/**
 * PSA `hostProbesAndHostLifecycle` (baseline, 1.34+): probes and lifecycle hooks must not target another host,
 * which would let the kubelet reach addresses the pod itself cannot. Before 1.34 the check does not exist.
 */
export class ProbeAndLifecycleHostsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (context.kubernetesMinor < PSA_SINCE.hostProbes) return [];
    const pod = pssPodOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    for (const ref of pod.containers) {
      const handlers: Array<[string, { [key: string]: any } | undefined]> = [
        ...PROBES.map(p => [p, objectAt(ref.container, p)] as [string, { [key: string]: any } | undefined]),
        ...LIFECYCLE_HANDLERS.map(h => [`lifecycle.${h}`, objectAt(objectAt(ref.container, 'lifecycle'), h)] as [string, { [key: string]: any } | undefined]),
      ];
      for (const [field, handler] of handlers) {
        for (const action of ACTIONS) {
          const host = objectAt(handler, action)?.host;
          // The admission code reads a Go string: unset and "" are the same and allowed.
          if (host === undefined || host === null || host === '') continue;
          violations.push({
            message: `${describeContainer(ref)} sets ${field}.${action}.host to ${show(host)} (must be unset or empty)`,
            path: `${ref.path}.${field}.${action}.host`,
          });
        }
      }
    }
    return violations;
  }
}
