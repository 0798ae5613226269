import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isPodBearing } from '../../private/pod-template';

/** A workload does not run in `kube-system`, the namespace of the cluster's own components. */
export class WorkloadNotInKubeSystem implements IRuleCheck {
  public readonly noCelForm = 'AdmissionGuardrails leaves kube-system to the cluster\'s own components (excludedNamespaces), and the rule reads '
    + 'metadata.namespace as written, which the API server has already replaced by the namespace of the request';

  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isPodBearing(object) || object.namespace !== 'kube-system') return [];
    return [{ message: 'runs in the kube-system namespace, next to the cluster\'s control-plane components: move it to a dedicated namespace', path: 'metadata.namespace' }];
  }
}
