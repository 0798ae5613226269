import { podPortNames } from './private/container-ports';
import { serviceSelector } from './service-selects-pods';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/json';
import { podTemplateOf } from '../../private/pod-template';
import { LabelSelector } from '../network/private/label-selector';
import { DEFAULT_NAMESPACE, effectiveNamespace, Workload, workloadsSelected } from '../network/private/namespaces';
import { isNetworkPolicy } from '../network/private/policies';

/** The selected workloads whose pods declare no port of this name. */
function lacking(workloads: Workload[], name: string): Workload[] {
  return workloads.filter(w => {
    const pod = podTemplateOf(w.object);
    return pod !== undefined && !podPortNames(pod).has(name);
  });
}

const names = (workloads: Workload[]) => workloads.map(w => w.object.displayName).join(', ');

/**
 * A port name in a Service's targetPort, or in a NetworkPolicy's ingress ports, is declared by a container of the
 * pods it selects. The endpoints controller leaves out a pod that does not declare the name, and a policy's named
 * port allows nothing on pods that do not declare it. Only pods the object selects in the app are judged; egress
 * ports name ports of the destination, which may be outside the app, and are not judged.
 */
export class NamedPortDeclaredCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
    const violations: RuleViolation[] = [];
    const selectorOfService = serviceSelector(object);
    if (selectorOfService) {
      const selected = workloadsSelected(context, ns, selectorOfService);
      (Array.isArray(object.manifest.spec.ports) ? object.manifest.spec.ports : []).forEach((p: any, i: number) => {
        if (!isObject(p) || typeof p.targetPort !== 'string' || /^\d+$/.test(p.targetPort)) return;
        const missing = lacking(selected, p.targetPort);
        if (missing.length === 0) return;
        violations.push({
          message: `spec.ports[${i}].targetPort is "${p.targetPort}", a port name that no container of ${names(missing)} declares: the `
            + 'Service sends no traffic to those pods on this port; declare the port under that name in the serving container, or give the number',
          path: `spec.ports[${i}].targetPort`,
        });
      });
    }
    if (isNetworkPolicy(object)) {
      const selected = workloadsSelected(context, ns, LabelSelector.parse(object.manifest?.spec?.podSelector));
      (Array.isArray(object.manifest?.spec?.ingress) ? object.manifest.spec.ingress : []).forEach((rule: any, i: number) => {
        (isObject(rule) && Array.isArray(rule.ports) ? rule.ports : []).forEach((p: any, j: number) => {
          if (!isObject(p) || typeof p.port !== 'string' || /^\d+$/.test(p.port)) return;
          const missing = lacking(selected, p.port);
          if (missing.length === 0) return;
          violations.push({
            message: `spec.ingress[${i}].ports[${j}].port is "${p.port}", a port name that no container of ${names(missing)} declares: the `
              + 'rule allows nothing to those pods on it; declare the port under that name in the serving container, or give the number',
            path: `spec.ingress[${i}].ports[${j}].port`,
          });
        });
      });
    }
    return violations;
  }
}
