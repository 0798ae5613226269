import { definitionOf, defineOrDeclare } from './private/defined-objects';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/json';
import { DEFAULT_NAMESPACE, effectiveNamespace } from '../network/private/namespaces';

/** A HorizontalPodAutoscaler's scaleTargetRef names an object of the app (or one declared external) of that kind and API group. */
export class HpaTargetExistsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (object.kind !== 'HorizontalPodAutoscaler' || object.apiGroup !== 'autoscaling') return [];
    const ref = object.manifest?.spec?.scaleTargetRef;
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    if (!isObject(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string' || !ref.kind || !ref.name) {
      return [{ message: 'sets no spec.scaleTargetRef kind and name, so it scales nothing; name the Deployment or StatefulSet to scale', path: 'spec.scaleTargetRef' }];
    }
    const group = typeof ref.apiVersion === 'string' && ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
    const definition = definitionOf(context, ref.kind, ns, ref.name);
    if (definition && (!definition.object || definition.object.apiGroup === group)) return [];
    const wanted = `${ref.kind} "${ref.name}"${ref.apiVersion ? ` (${ref.apiVersion})` : ''}`;
    const other = definition?.object ? `; the app defines ${definition.object.kind} "${ref.name}" as ${definition.object.apiVersion}, fix scaleTargetRef.apiVersion` : '';
    return [{
      message: `spec.scaleTargetRef names ${wanted}, which nothing in the app defines in namespace "${ns}", so the autoscaler scales nothing${other}; `
        + defineOrDeclare(ref.kind, ns, ref.name),
      path: 'spec.scaleTargetRef',
    }];
  }
}
