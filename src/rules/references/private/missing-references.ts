import { defineOrDeclare, definitionOf, Origin } from './defined-objects';
import { podReferences, ReferencedKind } from './pod-references';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleViolation } from '../../../engine/rule';
import { RuleContext } from '../../../engine/rule-context';
import { isObject } from '../../../private/json';
import { DEFAULT_NAMESPACE, effectiveNamespace } from '../../network/private/namespaces';

/** The keys a ConfigMap or Secret of the app holds (`data`, `binaryData`, `stringData`). */
function keysOf(object: ManifestObject): Set<string> {
  const keys = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData']) {
    const map = object.manifest?.[field];
    if (isObject(map)) for (const k of Object.keys(map)) keys.add(k);
  }
  return keys;
}

/**
 * The references of a pod spec to objects of `kind` that nothing defines (see definitionOf), and, for a ConfigMap
 * or Secret the app writes itself, the keys it is asked for and does not hold. Optional references are left out:
 * the pod runs without them.
 */
export function missingReferences(object: ManifestObject, context: RuleContext, kind: ReferencedKind): RuleViolation[] {
  const refs = podReferences(object).filter(r => r.kind === kind && !r.optional);
  if (refs.length === 0) return [];
  const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
  const violations: RuleViolation[] = [];
  for (const ref of refs) {
    const definition = definitionOf(context, kind, ns, ref.name);
    if (!definition) {
      violations.push({
        message: `${ref.what} refers to ${kind} "${ref.name}", which nothing in the app defines in namespace "${ns}": `
          + defineOrDeclare(kind, ns, ref.name),
        path: ref.path,
      });
      continue;
    }
    // Keys are known only for a ConfigMap or Secret written out in the app; an operator's Secret has the keys its source lists.
    if (definition.origin !== Origin.APP || !definition.object || ref.keys.length === 0) continue;
    const held = keysOf(definition.object);
    for (const k of ref.keys.filter(x => !held.has(x))) {
      violations.push({
        message: `${ref.what} reads key "${k}" of ${kind} "${ref.name}", which holds no such key (${held.size ? `its keys: ${[...held].sort().join(', ')}` : 'it holds no keys'}): `
          + 'the container does not start; add the key to the object or fix the reference',
        path: ref.path,
      });
    }
  }
  return violations;
}
