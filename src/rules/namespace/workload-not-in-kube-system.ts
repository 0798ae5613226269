import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isPodBearing } from '../../private/pod-template';

/** A workload does not run in `kube-system`, the namespace of the cluster's own components. */
export class WorkloadNotInKubeSystem implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isPodBearing(object) || object.namespace !== 'kube-system') return [];
    return [{ message: 'runs in the kube-system namespace, next to the cluster\'s control-plane components: move it to a dedicated namespace', path: 'metadata.namespace' }];
  }
}
