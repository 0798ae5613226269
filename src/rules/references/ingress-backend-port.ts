import { definitionOf, Origin } from './private/defined-objects';
import { ingressBackends } from './private/ingress-backends';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/json';
import { DEFAULT_NAMESPACE, effectiveNamespace } from '../network/private/namespaces';

/**
 * Every Service backend of an Ingress names a port (by number or name) that its Service of the app exposes.
 * Backends to Services outside the app, and to ExternalName Services (which have no ports to match), are not judged.
 */
export class IngressBackendPortCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    const violations: RuleViolation[] = [];
    for (const b of ingressBackends(object)) {
      const definition = definitionOf(context, 'Service', ns, b.service);
      const service = definition?.origin === Origin.APP ? definition.object : undefined;
      if (!service || service.manifest?.spec?.type === 'ExternalName') continue;
      const ports = (Array.isArray(service.manifest?.spec?.ports) ? service.manifest.spec.ports : []).filter(isObject);
      const exposed = ports.map((p: any) => (typeof p.name === 'string' && p.name ? `${p.port} (${p.name})` : String(p.port)));
      if (b.port === undefined) {
        violations.push({ message: `${b.what} sends to Service "${b.service}" without a port; name one of its ports: ${exposed.join(', ') || 'it exposes none'}`, path: b.path });
        continue;
      }
      const found = typeof b.port === 'number' ? ports.some((p: any) => p.port === b.port) : ports.some((p: any) => p.name === b.port);
      if (found) continue;
      violations.push({
        message: `${b.what} sends to port ${typeof b.port === 'number' ? b.port : `"${b.port}"`} of Service "${b.service}", which exposes `
          + `${exposed.length ? `only ${exposed.join(', ')}` : 'no port'}: the ingress controller answers 503 there; name a port the Service exposes`,
        path: b.path,
      });
    }
    return violations;
  }
}
