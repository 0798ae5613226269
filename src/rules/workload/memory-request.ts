import { celRequestSet, missingResource } from './private/resources';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, RESOURCE_CONTAINERS } from '../../private/cel-form';

/** The CEL form: every regular and init container has a memory request, or a limit the API server copies into it. */
export const MEMORY_REQUEST_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: celRequestSet('memory'),
  containerLists: RESOURCE_CONTAINERS,
  problem: 'sets no memory request (resources.requests.memory) and no limit to take it from (resources.limits.memory)',
};

/**
 * Every regular and init container has `resources.requests.memory`, set or copied by the API server from
 * `resources.limits.memory`.
 */
export class MemoryRequestCheck implements IRuleCheck {
  public readonly celForm = MEMORY_REQUEST_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return missingResource(object, 'memory', 'requests', 'memory');
  }
}
