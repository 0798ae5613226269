import { arrayAt, containerSecurityContext, isWindowsPod, objectAt, pssPodOf, showAll } from './private/pod';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/**
 * PSA `capabilities_restricted` (restricted, 1.22+; overrides `capabilities_baseline`): every container must drop
 * `ALL` capabilities and may add back only `NET_BIND_SERVICE`. Names are compared exactly (`all` is not `ALL`).
 * From 1.25 Windows pods are exempt.
 */
export class RestrictedCapabilitiesCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (context.kubernetesMinor < PSA_SINCE.capabilitiesRestricted) return [];
    const pod = pssPodOf(object);
    if (!pod) return [];
    if (context.kubernetesMinor >= PSA_SINCE.windowsExemption && isWindowsPod(pod)) return [];
    const violations: RuleViolation[] = [];
    for (const ref of pod.containers) {
      const capabilities = objectAt(containerSecurityContext(ref), 'capabilities');
      if (!arrayAt(capabilities, 'drop').includes('ALL')) {
        violations.push({
          message: `${describeContainer(ref)} does not drop ALL capabilities (securityContext.capabilities.drop must include "ALL")`,
          path: `${ref.path}.securityContext.capabilities.drop`,
        });
      }
      const forbidden = arrayAt(capabilities, 'add').filter(c => c !== 'NET_BIND_SERVICE');
      if (forbidden.length > 0) {
        violations.push({
          message: `${describeContainer(ref)} adds ${showAll(forbidden)} in securityContext.capabilities.add (only "NET_BIND_SERVICE" may be added)`,
          path: `${ref.path}.securityContext.capabilities.add`,
        });
      }
    }
    return violations;
  }
}
