import { definitionOf, defineOrDeclare } from './private/defined-objects';
import { ingressBackends } from './private/ingress-backends';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { DEFAULT_NAMESPACE, effectiveNamespace } from '../network/private/namespaces';

/** Every Service backend of an Ingress names a Service of its namespace that the app defines (or that is declared external). */
export class IngressBackendServiceCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    return ingressBackends(object)
      .filter(b => !definitionOf(context, 'Service', ns, b.service))
      .map(b => ({
        message: `${b.what} sends to Service "${b.service}", which nothing in the app defines in namespace "${ns}": the ingress controller `
          + `answers 503 there; ${defineOrDeclare('Service', ns, b.service)}`,
        path: b.path,
      }));
  }
}
