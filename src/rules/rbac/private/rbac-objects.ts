import { ManifestObject } from '../../../engine/manifest-object';
import { isObject } from '../../../private/pod-template';
import { DEFAULT_NAMESPACE } from '../../network/private/namespaces';

/** The API group of Roles, ClusterRoles and their bindings. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** True for a Role of rbac.authorization.k8s.io. */
export function isRole(object: ManifestObject): boolean {
  return object.kind === 'Role' && object.apiGroup === RBAC_GROUP;
}

/** True for a ClusterRole of rbac.authorization.k8s.io. */
export function isClusterRole(object: ManifestObject): boolean {
  return object.kind === 'ClusterRole' && object.apiGroup === RBAC_GROUP;
}

/** True for a Role or a ClusterRole. */
export function isAnyRole(object: ManifestObject): boolean {
  return isRole(object) || isClusterRole(object);
}

/** True for a RoleBinding or a ClusterRoleBinding. */
export function isBinding(object: ManifestObject): boolean {
  return (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') && object.apiGroup === RBAC_GROUP;
}

/**
 * True for a ClusterRole whose rules the controller manager fills from the ClusterRoles its aggregationRule
 * selects: what it grants is not written in the object, so it is not judged.
 */
export function isAggregated(object: ManifestObject): boolean {
  const rule = object.manifest?.aggregationRule;
  return isObject(rule) && Array.isArray(rule.clusterRoleSelectors) && rule.clusterRoleSelectors.length > 0;
}

/** The namespace of a namespaced RBAC object, `default` when unset. */
export function namespaceOf(object: ManifestObject): string {
  return object.namespace ?? DEFAULT_NAMESPACE;
}

/** How messages name a role: `ClusterRole ingress` or `Role shop/reader`. */
export function roleLabel(object: ManifestObject): string {
  return isClusterRole(object) ? `ClusterRole ${object.name}` : `Role ${namespaceOf(object)}/${object.name}`;
}

/** How messages name a binding: `ClusterRoleBinding ingress` or `RoleBinding shop/reader`. */
export function bindingLabel(object: ManifestObject): string {
  return object.kind === 'ClusterRoleBinding' ? `ClusterRoleBinding ${object.name}` : `RoleBinding ${namespaceOf(object)}/${object.name}`;
}

/** One subject of a binding, as the authorizer reads it. */
export interface Subject {
  /** `ServiceAccount`, `User` or `Group`. */
  readonly kind: string;
  readonly name: string;
  /** For a ServiceAccount: its namespace (the binding's own for a RoleBinding subject that sets none). */
  readonly namespace?: string;
  readonly index: number;
  /** Dotted path, e.g. `subjects[0]`. */
  readonly path: string;
}

/** What a binding refers to. */
export interface RoleRef {
  /** `Role` or `ClusterRole`. */
  readonly kind: string;
  readonly name: string;
}

/** The subjects of a binding, skipping malformed entries. */
export function subjectsOf(binding: ManifestObject): Subject[] {
  const list = binding.manifest?.subjects;
  if (!Array.isArray(list)) return [];
  const subjects: Subject[] = [];
  list.forEach((s, index) => {
    if (!isObject(s) || typeof s.kind !== 'string' || typeof s.name !== 'string' || !s.name) return;
    let namespace: string | undefined;
    if (s.kind === 'ServiceAccount') {
      namespace = typeof s.namespace === 'string' && s.namespace
        ? s.namespace
        : (binding.kind === 'RoleBinding' ? namespaceOf(binding) : undefined);
    }
    subjects.push({ kind: s.kind, name: s.name, namespace, index, path: `subjects[${index}]` });
  });
  return subjects;
}

/** How messages name a subject: `ServiceAccount shop/api`, `User alice`, `Group system:masters`. */
export function subjectLabel(subject: Subject): string {
  if (subject.kind === 'ServiceAccount') return `ServiceAccount ${subject.namespace ?? '<no namespace>'}/${subject.name}`;
  return `${subject.kind} ${subject.name}`;
}

/** The roleRef of a binding, or undefined when it is malformed. */
export function roleRefOf(binding: ManifestObject): RoleRef | undefined {
  const ref = binding.manifest?.roleRef;
  if (!isObject(ref) || typeof ref.name !== 'string' || !ref.name) return undefined;
  if (ref.kind !== 'Role' && ref.kind !== 'ClusterRole') return undefined;
  // A ClusterRoleBinding can only refer to a ClusterRole; the API server refuses anything else.
  if (binding.kind === 'ClusterRoleBinding' && ref.kind !== 'ClusterRole') return undefined;
  return { kind: ref.kind, name: ref.name };
}

/** The key of a role as bindings refer to it: `ClusterRole:name` or `Role:namespace/name`. */
export function roleKey(kind: string, name: string, namespace?: string): string {
  return kind === 'ClusterRole' ? `ClusterRole:${name}` : `Role:${namespace ?? DEFAULT_NAMESPACE}/${name}`;
}

/** The key of the role a binding refers to (a Role of a RoleBinding lives in the binding's namespace). */
export function referencedRoleKey(binding: ManifestObject, ref: RoleRef): string {
  return roleKey(ref.kind, ref.name, ref.kind === 'Role' ? namespaceOf(binding) : undefined);
}

/** The key of a Role or ClusterRole object. */
export function ownRoleKey(role: ManifestObject): string {
  return isClusterRole(role) ? roleKey('ClusterRole', role.name) : roleKey('Role', role.name, namespaceOf(role));
}
