import { missingResource, celResourceSet } from './private/resources';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, RESOURCE_CONTAINERS } from '../../private/cel-form';

/** The CEL form: every regular and init container sets a CPU limit. */
export const CPU_LIMIT_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: celResourceSet('limits', 'cpu'),
  containerLists: RESOURCE_CONTAINERS,
  problem: 'sets no CPU limit (resources.limits.cpu)',
};

/** Every regular and init container sets `resources.limits.cpu`. */
export class CpuLimitCheck implements IRuleCheck {
  public readonly celForm = CPU_LIMIT_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return missingResource(object, 'cpu', 'limits', 'CPU');
  }
}
