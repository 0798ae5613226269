import { definitionOf, defineOrDeclare, Origin } from './private/defined-objects';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { podTemplateOf } from '../../private/pod-template';
import { labelsOf, LabelSelector } from '../network/private/label-selector';
import { DEFAULT_NAMESPACE, effectiveNamespace } from '../network/private/namespaces';

/**
 * A StatefulSet's serviceName names a headless Service of the app (clusterIP: None) that selects its pods: the
 * governing Service that gives each pod its stable DNS name. A Service declared external is not judged further.
 */
export class StatefulSetServiceExistsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (object.kind !== 'StatefulSet' || object.apiGroup !== 'apps') return [];
    const name = object.manifest?.spec?.serviceName;
    if (typeof name !== 'string' || name === '') return [];
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    const definition = definitionOf(context, 'Service', ns, name);
    if (!definition) {
      return [{
        message: `spec.serviceName is "${name}", a Service that nothing in the app defines in namespace "${ns}": the pods get no stable DNS names `
          + `(<pod>.${name}.${ns}.svc); ${defineOrDeclare('Service', ns, name)}`,
        path: 'spec.serviceName',
      }];
    }
    const service = definition.origin === Origin.APP ? definition.object : undefined;
    if (!service) return [];
    const spec = service.manifest?.spec ?? {};
    const problems: string[] = [];
    if (spec.clusterIP !== 'None') problems.push('is not headless (spec.clusterIP is not None), so the pods get no DNS names of their own');
    const template = podTemplateOf(object);
    const selector = spec.selector && typeof spec.selector === 'object' ? LabelSelector.parse({ matchLabels: spec.selector }) : undefined;
    if (template && !(selector && !selector.isEmpty && selector.matches(labelsOf(template.metadata)))) {
      problems.push(`does not select the StatefulSet's pods (spec.selector ${selector ? selector.toString() : 'unset'}), so no DNS record names them`);
    }
    if (problems.length === 0) return [];
    return [{
      message: `spec.serviceName is "${name}", whose Service ${problems.join(', and ')}: give the StatefulSet a Service with clusterIP: None that selects its pods`,
      path: 'spec.serviceName',
    }];
  }
}
