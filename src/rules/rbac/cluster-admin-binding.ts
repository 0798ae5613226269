import { grantedLabel } from './private/binding-subjects';
import { BINDINGS } from './private/bindings-cel';
import { bindingLabel, isBinding, roleRefOf, subjectLabel, subjectsOf } from './private/rbac-objects';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget } from '../../private/cel-form';

/** The CEL form: the roleRef is not the ClusterRole cluster-admin. */
export const CLUSTER_ADMIN_BINDING_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: BINDINGS,
  compliant: "!(object.roleRef.kind == 'ClusterRole' && object.roleRef.name == 'cluster-admin')",
  problem: 'binds the cluster-admin ClusterRole (roleRef), every verb on every resource; bind a role that grants only what its subjects need',
};

/** No RoleBinding or ClusterRoleBinding refers to the cluster-admin ClusterRole. */
export class ClusterAdminBindingCheck implements IRuleCheck {
  public readonly celForm = CLUSTER_ADMIN_BINDING_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    if (!isBinding(object)) return [];
    const ref = roleRefOf(object);
    if (!ref || ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') return [];
    const subjects = subjectsOf(object).map(subjectLabel);
    const who = subjects.length ? subjects.join(', ') : 'no subject yet';
    return [{
      message: `roleRef binds cluster-admin, every verb on every resource ${grantedLabel(object, ref).replace(/^ClusterRole cluster-admin /, '')}, `
        + `for ${who} through ${bindingLabel(object)}; bind a role that grants only what ${subjects.length === 1 ? 'it needs' : 'they need'}`,
      path: 'roleRef',
    }];
  }
}
