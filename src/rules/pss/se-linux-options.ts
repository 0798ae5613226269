import { containerSecurityContext, objectAt, podSecurityContext, pssPodOf, show } from './private/pod';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer } from '../../private/pod-template';

/** `selinuxAllowedTypes1_0`; "" (or a missing type) means the runtime's default type. */
const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
/** `selinuxAllowedTypes1_31` adds the type that container engines running in pods need. */
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

/**
 * PSA `seLinuxOptions` (baseline, 1.0+, type list widened at 1.31): the SELinux type must be one of the container
 * types, and a custom SELinux user or role is forbidden, at pod and container level.
 */
export class SeLinuxOptionsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const allowedTypes = context.kubernetesMinor >= PSA_SINCE.seLinuxContainerEngine ? TYPES_1_31 : TYPES_1_0;
    const violations: RuleViolation[] = [];
    const inspect = (who: string, options: { [key: string]: any } | undefined, path: string) => {
      if (!options) return;
      const type = options.type === undefined || options.type === null ? '' : options.type;
      if (!allowedTypes.includes(type)) {
        violations.push({
          message: `${who} sets securityContext.seLinuxOptions.type to ${show(type)} (must be unset or one of ${allowedTypes.filter(t => t).map(t => show(t)).join(', ')})`,
          path: `${path}.type`,
        });
      }
      for (const field of ['user', 'role']) {
        const value = options[field];
        if (value === undefined || value === null || value === '') continue;
        violations.push({
          message: `${who} sets securityContext.seLinuxOptions.${field} to ${show(value)} (must be unset or empty)`,
          path: `${path}.${field}`,
        });
      }
    };
    inspect('pod', objectAt(podSecurityContext(pod), 'seLinuxOptions'), `${pod.template.specPath}.securityContext.seLinuxOptions`);
    for (const ref of pod.containers) {
      inspect(describeContainer(ref), objectAt(containerSecurityContext(ref), 'seLinuxOptions'), `${ref.path}.securityContext.seLinuxOptions`);
    }
    return violations;
  }
}
