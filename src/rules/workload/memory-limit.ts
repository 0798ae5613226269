import { missingResource, celResourceSet } from './private/resources';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, RESOURCE_CONTAINERS } from '../../private/cel-form';

/** The CEL form: every regular and init container sets a memory limit. */
export const MEMORY_LIMIT_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: celResourceSet('limits', 'memory'),
  containerLists: RESOURCE_CONTAINERS,
  problem: 'sets no memory limit (resources.limits.memory)',
};

/** Every regular and init container sets `resources.limits.memory`. */
export class MemoryLimitCheck implements IRuleCheck {
  public readonly celForm = MEMORY_LIMIT_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return missingResource(object, 'memory', 'limits', 'memory');
  }
}
