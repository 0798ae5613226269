import { CelResources } from '../../../private/cel-form';

/** What the CEL forms of the binding rules match. */
export const BINDINGS: CelResources[] = [
  { apiGroups: ['rbac.authorization.k8s.io'], apiVersions: ['v1'], resources: ['rolebindings', 'clusterrolebindings'] },
];

/** CEL: no subject of the binding satisfies `matches` (a predicate on subject `s`). */
export function noSubject(matches: string): string {
  return `!has(object.subjects) || object.subjects.all(s, !(${matches}))`;
}
