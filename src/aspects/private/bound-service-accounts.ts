import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isObject } from '../../private/json';

/** The ServiceAccounts that a RoleBinding or ClusterRoleBinding of the app grants a role, as `namespace/name`. */
export function boundServiceAccounts(root: IConstruct): Set<string> {
  const bound = new Set<string>();
  for (const node of root.node.findAll()) {
    if (!ApiObject.isApiObject(node) || (node.kind !== 'RoleBinding' && node.kind !== 'ClusterRoleBinding')) continue;
    if (!node.apiVersion.startsWith('rbac.authorization.k8s.io/')) continue;
    const json = node.toJson();
    const bindingNamespace = isObject(json.metadata) && typeof json.metadata.namespace === 'string' ? json.metadata.namespace : '';
    for (const subject of Array.isArray(json.subjects) ? json.subjects : []) {
      if (!isObject(subject) || subject.kind !== 'ServiceAccount' || typeof subject.name !== 'string') continue;
      const namespace = typeof subject.namespace === 'string' ? subject.namespace : bindingNamespace;
      bound.add(`${namespace}/${subject.name}`);
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
