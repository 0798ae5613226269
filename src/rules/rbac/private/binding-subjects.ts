import { bindingLabel, isBinding, namespaceOf, RoleRef, roleRefOf, Subject, subjectLabel, subjectsOf } from './rbac-objects';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleViolation } from '../../../engine/rule';

/** How a binding message names what it grants: `ClusterRole view in the cluster`, `Role shop/reader in namespace shop`. */
export function grantedLabel(binding: ManifestObject, ref: RoleRef): string {
  const role = ref.kind === 'ClusterRole' ? `ClusterRole ${ref.name}` : `Role ${namespaceOf(binding)}/${ref.name}`;
  const where = binding.kind === 'ClusterRoleBinding' ? 'in the cluster' : `in namespace ${namespaceOf(binding)}`;
  return `${role} ${where}`;
}

/**
 * One violation per subject that `who` describes (undefined for the subjects it lets pass), reported at the
 * subject: `subjects[0] grants ClusterRole x in the cluster to <who>, through ClusterRoleBinding y; <fix>`.
 */
export function subjectViolations(object: ManifestObject, who: (subject: Subject) => string | undefined, fix: string): RuleViolation[] {
  if (!isBinding(object)) return [];
  const ref = roleRefOf(object);
  if (!ref) return [];
  const violations: RuleViolation[] = [];
  for (const subject of subjectsOf(object)) {
    const description = who(subject);
    if (description === undefined) continue;
    violations.push({
      message: `${subject.path} grants ${grantedLabel(object, ref)} to ${subjectLabel(subject)}, ${description}, through ${bindingLabel(object)}; ${fix}`,
      path: subject.path,
    });
  }
  return violations;
}
