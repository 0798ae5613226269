import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ManifestObject } from '../../engine/manifest-object';
import { isBinding, subjectsOf } from '../../rules/rbac/private/rbac-objects';

/**
 * The ServiceAccounts that a RoleBinding or ClusterRoleBinding of the app grants a role, as `namespace/name`, read
 * as the rbac pack reads bindings (a RoleBinding subject without a namespace is in the binding's).
 */
export function boundServiceAccounts(root: IConstruct): Set<string> {
  const bound = new Set<string>();
  for (const node of root.node.findAll()) {
    if (!ApiObject.isApiObject(node) || (node.kind !== 'RoleBinding' && node.kind !== 'ClusterRoleBinding')) continue;
    const binding = ManifestObject.fromJson(node.toJson());
    if (!isBinding(binding)) continue;
    for (const subject of subjectsOf(binding)) {
      if (subject.kind === 'ServiceAccount' && subject.namespace !== undefined) bound.add(`${subject.namespace}/${subject.name}`);
    }
  }
  return bound;
}

/**
 * True when the pod's account is among the bound ones. A pod whose namespace is not known yet (the chart or the
 * cluster decides) matches an account of that name in any namespace: keeping a token that was needed wins over
 * removing one that was not.
 */
export function isBound(bound: Set<string>, namespace: string | undefined, account: string): boolean {
  if (namespace !== undefined) return bound.has(`${namespace}/${account}`);
  return [...bound].some(key => key.slice(key.indexOf('/') + 1) === account);
}
