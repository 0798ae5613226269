import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isPodBearing } from '../../private/pod-template';
import { DEFAULT_NAMESPACE } from '../network/private/namespaces';

/**
 * A workload runs in a dedicated namespace, not in `default`. An unset `metadata.namespace` counts as `default`:
 * that is where the object lands unless the deploy tool says otherwise.
 */
export class WorkloadNotInDefault implements IRuleCheck {
  public readonly noCelForm = 'the rule reads metadata.namespace as written, where unset means default, but at admission the API server has '
    + 'already put the object in the namespace of the request, so an unset namespace cannot be told apart';

  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isPodBearing(object)) return [];
    if (object.namespace === undefined) {
      return [{ message: 'sets no metadata.namespace, so it runs in the default namespace: set metadata.namespace to a dedicated namespace', path: 'metadata' }];
    }
    if (object.namespace !== DEFAULT_NAMESPACE) return [];
    return [{ message: 'runs in the default namespace: set metadata.namespace to a dedicated namespace', path: 'metadata.namespace' }];
  }
}
