import { missingResource } from './private/resources';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/** Every regular and init container sets `resources.requests.memory`. */
export class MemoryRequestCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return missingResource(object, 'memory', 'requests', 'memory');
  }
}
