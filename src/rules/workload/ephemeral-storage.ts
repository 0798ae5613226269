import { missingResource } from './private/resources';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/** Every regular and init container sets both `resources.requests` and `resources.limits` for `ephemeral-storage`. */
export class EphemeralStorageCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return [
      ...missingResource(object, 'ephemeral-storage', 'requests', 'ephemeral-storage'),
      ...missingResource(object, 'ephemeral-storage', 'limits', 'ephemeral-storage'),
    ];
  }
}
