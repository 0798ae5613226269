import {
  bindingLabel, isAnyRole, isBinding, namespaceOf, ownRoleKey, referencedRoleKey, RoleRef, roleRefOf, Subject, subjectLabel, subjectsOf,
} from './rbac-objects';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleContext } from '../../../engine/rule-context';

/** One binding of the app, parsed once per evaluation. */
export interface BindingEntry {
  readonly object: ManifestObject;
  readonly roleRef: RoleRef;
  /** The key of the role it refers to (see rbac-objects.ts `roleKey`). */
  readonly roleKey: string;
  readonly subjects: Subject[];
  /** The namespace its permissions apply in; undefined for a ClusterRoleBinding (the whole cluster). */
  readonly namespace?: string;
}

/** Where a binding's permissions apply: `in the cluster` or `in namespace shop`. */
export function whereOf(binding: BindingEntry): string {
  return binding.namespace === undefined ? 'in the cluster' : `in namespace ${binding.namespace}`;
}

function parseBindings(context: RuleContext): BindingEntry[] {
  return context._memoize('rbac:bindings', () => {
    const entries: BindingEntry[] = [];
    for (const object of context.objects) {
      if (!isBinding(object)) continue;
      const roleRef = roleRefOf(object);
      if (!roleRef) continue;
      entries.push({
        object,
        roleRef,
        roleKey: referencedRoleKey(object, roleRef),
        subjects: subjectsOf(object),
        namespace: object.kind === 'RoleBinding' ? namespaceOf(object) : undefined,
      });
    }
    return entries;
  });
}

/** The bindings of the app by the key of the role they refer to, in object order. */
export function bindingsByRole(context: RuleContext): Map<string, BindingEntry[]> {
  return context._memoize('rbac:bindings-by-role', () => {
    const index = new Map<string, BindingEntry[]>();
    for (const entry of parseBindings(context)) {
      const list = index.get(entry.roleKey);
      if (list) list.push(entry); else index.set(entry.roleKey, [entry]);
    }
    return index;
  });
}

/** The Roles and ClusterRoles of the app by key; the last object of a key wins, as the last apply does. */
export function rolesByKey(context: RuleContext): Map<string, ManifestObject> {
  return context._memoize('rbac:roles-by-key', () => {
    const index = new Map<string, ManifestObject>();
    for (const object of context.objects) if (isAnyRole(object)) index.set(ownRoleKey(object), object);
    return index;
  });
}

/** The key under which a subject is indexed: `ServiceAccount:shop/api`, `Group:system:serviceaccounts`, `User:alice`. */
export function subjectKey(kind: string, name: string, namespace?: string): string {
  return kind === 'ServiceAccount' ? `ServiceAccount:${namespace ?? ''}/${name}` : `${kind}:${name}`;
}

/** One subject of one binding. */
export interface SubjectGrant {
  readonly binding: BindingEntry;
  readonly subject: Subject;
}

/** Every subject of every binding of the app by subject key, in object order. */
export function grantsBySubject(context: RuleContext): Map<string, SubjectGrant[]> {
  return context._memoize('rbac:grants-by-subject', () => {
    const index = new Map<string, SubjectGrant[]>();
    for (const binding of parseBindings(context)) {
      for (const subject of binding.subjects) {
        const key = subjectKey(subject.kind, subject.name, subject.namespace);
        const list = index.get(key);
        if (list) list.push({ binding, subject }); else index.set(key, [{ binding, subject }]);
      }
    }
    return index;
  });
}

/**
 * Every subject key a pod's ServiceAccount acts as: the account itself (also as the user
 * `system:serviceaccount:<ns>:<name>`), and the groups the API server puts every ServiceAccount token in.
 */
export function serviceAccountIdentities(namespace: string, name: string): string[] {
  return [
    subjectKey('ServiceAccount', name, namespace),
    subjectKey('User', `system:serviceaccount:${namespace}:${name}`),
    subjectKey('Group', `system:serviceaccounts:${namespace}`),
    subjectKey('Group', 'system:serviceaccounts'),
    subjectKey('Group', 'system:authenticated'),
  ];
}

/** Shows at most `max` items and counts the rest: `a; b; c and 2 more`. */
export function listSome(items: string[], max: number, separator = '; '): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)} and ${items.length - max} more`;
}

/** Names the subjects of a binding for a message: `ServiceAccount shop/api, Group ops`, or `no subject`. */
export function subjectsLabel(binding: BindingEntry): string {
  return binding.subjects.length ? listSome(binding.subjects.map(subjectLabel), 3, ', ') : 'no subject';
}

/** `ClusterRoleBinding x` for a binding entry. */
export function entryLabel(binding: BindingEntry): string {
  return bindingLabel(binding.object);
}
