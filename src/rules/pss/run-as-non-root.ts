import { containerSecurityContext, podSecurityContext, pssPodOf, usesUserNamespace } from './private/pod';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/**
 * PSA `runAsNonRoot` (restricted, 1.0+): every container must run with `runAsNonRoot: true`, set on the container
 * or inherited from the pod. A pod-level `false` fails even when every container sets `true`, as in the admission
 * code. From 1.35 a pod with `hostUsers: false` is exempt: its root is unprivileged on the node.
 * A non-zero `runAsUser` does not satisfy this check.
 */
export class RunAsNonRootCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    if (context.kubernetesMinor >= PSA_SINCE.userNamespaceRelaxation && usesUserNamespace(pod)) return [];
    const violations: RuleViolation[] = [];
    const podValue = podSecurityContext(pod)?.runAsNonRoot;
    if (podValue === false) {
      violations.push({
        message: 'pod sets securityContext.runAsNonRoot to false (must be true)',
        path: `${pod.template.specPath}.securityContext.runAsNonRoot`,
      });
    }
    for (const ref of pod.containers) {
      const value = containerSecurityContext(ref)?.runAsNonRoot;
      if (value === true) continue;
      if (value === false) {
        violations.push({
          message: `${describeContainer(ref)} sets securityContext.runAsNonRoot to false (must be true)`,
          path: `${ref.path}.securityContext.runAsNonRoot`,
        });
      } else if (typeof podValue !== 'boolean') {
        // A pod-level false is reported once above; an unset pod level leaves each unset container failing.
        violations.push({
          message: `${describeContainer(ref)} does not set securityContext.runAsNonRoot and the pod does not set it to true (one of them must be true)`,
          path: `${ref.path}.securityContext.runAsNonRoot`,
        });
      }
    }
    return violations;
  }
}
