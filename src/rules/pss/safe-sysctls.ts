import { arrayAt, podSecurityContext, pssPodOf, show } from './private/pod';
import { safeSysctls } from './private/sysctls';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/pod-template';

/**
 * PSA `sysctls` (baseline, 1.0+, list grown at 1.27, 1.29, 1.32 and 1.37): the pod may set only sysctls that are
 * namespaced and isolated from other pods on the node.
 */
export class SafeSysctlsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const sysctls = arrayAt(podSecurityContext(pod), 'sysctls');
    // A pod without sysctls passes at every version: the version is read (and the pod judged again when its
    // namespace pins another) only for a pod that sets some.
    if (sysctls.length === 0) return [];
    const allowed = safeSysctls(context.kubernetesMinor);
    const violations: RuleViolation[] = [];
    sysctls.forEach((sysctl, index) => {
      // A sysctl without a string name decodes to the empty name, which is not allowed either.
      const name = isObject(sysctl) && typeof sysctl.name === 'string' ? sysctl.name : '';
      if (allowed.includes(name)) return;
      violations.push({
        message: `pod sets sysctl ${show(name)} in securityContext.sysctls, which is not a safe sysctl for Kubernetes ${context.kubernetesVersion}`,
        path: `${pod.template.specPath}.securityContext.sysctls[${index}].name`,
      });
    });
    return violations;
  }
}
