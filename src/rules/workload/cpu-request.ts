import { celRequestSet, missingResource } from './private/resources';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, RESOURCE_CONTAINERS } from '../../private/cel-form';

/** The CEL form: every regular and init container has a CPU request, or a limit the API server copies into it. */
export const CPU_REQUEST_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: celRequestSet('cpu'),
  containerLists: RESOURCE_CONTAINERS,
  problem: 'sets no CPU request (resources.requests.cpu) and no limit to take it from (resources.limits.cpu)',
};

/**
 * Every regular and init container has `resources.requests.cpu`, set or copied by the API server from
 * `resources.limits.cpu`.
 */
export class CpuRequestCheck implements IRuleCheck {
  public readonly celForm = CPU_REQUEST_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return missingResource(object, 'cpu', 'requests', 'CPU');
  }
}
