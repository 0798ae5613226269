import { portsOf, servingContainers } from './private/container-ports';
import { serviceSelector } from './service-selects-pods';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/json';
import { isPodBearing, podTemplateOf } from '../../private/pod-template';
import { LabelSelector, labelsOf } from '../network/private/label-selector';
import { DEFAULT_NAMESPACE, effectiveNamespace } from '../network/private/namespaces';

interface SelectingService {
  readonly service: ManifestObject;
  readonly selector: LabelSelector;
}

function servicesByNamespace(context: RuleContext): Map<string, SelectingService[]> {
  return context._memoize('references:services-by-namespace', () => {
    const index = new Map<string, SelectingService[]>();
    for (const service of context.objectsOfKind('Service', '')) {
      const selector = serviceSelector(service);
      if (!selector) continue;
      const ns = effectiveNamespace(service) ?? DEFAULT_NAMESPACE;
      index.set(ns, [...(index.get(ns) ?? []), { service, selector }]);
    }
    return index;
  });
}

/** The ports a Service sends to, as the pods see them: targetPort, or port when targetPort is unset. */
function targetPorts(service: ManifestObject): string[] {
  const ports = Array.isArray(service.manifest?.spec?.ports) ? service.manifest.spec.ports.filter(isObject) : [];
  return ports.map((p: any) => String(p.targetPort ?? p.port));
}

/**
 * A workload that a Service of the app sends traffic to says where it serves: some serving container declares a
 * containerPort or has a readiness probe. `containerPort` is optional in Kubernetes, so such a pod runs, but nothing
 * then tells which container serves the Service, and the workload-readiness-probe rule, which asks for probes on
 * containers that declare ports, finds none to ask about: the pods get traffic as soon as they start.
 */
export class ServiceTargetPortDeclaredCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (!isPodBearing(object)) return [];
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const containers = servingContainers(pod);
    if (containers.some(c => portsOf(c.container).length > 0 || isObject(c.container.readinessProbe))) return [];
    const labels = labelsOf(pod.metadata);
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    const services = (servicesByNamespace(context).get(ns) ?? []).filter(s => s.selector.matches(labels));
    if (services.length === 0) return [];
    const described = services.map(s => `Service ${s.service.name} (port ${targetPorts(s.service).join(', ') || 'none'})`).join(', ');
    return [{
      message: `${described} sends traffic to these pods, but no container declares a containerPort and none has a readinessProbe: nothing says `
        + 'which container serves it, and the pods get connections as soon as they start, before they listen; declare the containerPort on '
        + 'the container that serves it and give that container a readinessProbe',
      path: `${pod.specPath}.containers`,
    }];
  }
}
