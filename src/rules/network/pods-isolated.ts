import { describeLabels } from './private/label-selector';
import { DEFAULT_NAMESPACE, effectiveNamespace, workloadOf } from './private/namespaces';
import { policiesSelecting } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * The pods of every pod-bearing object are selected by NetworkPolicies of their namespace that, together, list
 * both Ingress and Egress in their (defaulted) policyTypes. A pod no policy isolates for a direction accepts or
 * opens any connection in that direction.
 */
export class PodsIsolated implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const workload = workloadOf(context, object);
    if (!workload || !workload.hasTemplate) return [];
    const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;

    const selecting = policiesSelecting(context, ns, workload.podLabels);
    const ingress = selecting.some(p => p.types.ingress);
    const egress = selecting.some(p => p.types.egress);
    if (ingress && egress) return [];

    const pods = `pods (${describeLabels(workload.podLabels)})`;
    if (selecting.length === 0) {
      return [{
        message: `${pods} are not isolated for ingress or egress: no NetworkPolicy in namespace "${ns}" selects them; `
          + 'add a default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress, Egress]) and policies allowing only the traffic they need',
        path: workload.labelsPath,
      }];
    }
    const missing = [ingress ? undefined : 'Ingress', egress ? undefined : 'Egress'].filter((d): d is string => d !== undefined);
    const names = selecting.map(p => p.object.name || '<unnamed>').join(', ');
    return [{
      message: `${pods} are not isolated for ${missing.map(d => d.toLowerCase()).join(' or ')}: no NetworkPolicy in namespace "${ns}" `
        + `selecting them lists ${missing.join(' or ')} in policyTypes (selected by: ${names}); add ${missing.join(' and ')} to the `
        + 'policyTypes of a policy that selects them, or add a default-deny policy for the namespace',
      path: workload.labelsPath,
    }];
  }
}
