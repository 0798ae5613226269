import { celRequestSet, celResourceSet, missingResource } from './private/resources';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, RESOURCE_CONTAINERS } from '../../private/cel-form';

/** The CEL form: every regular and init container has an ephemeral-storage limit and request. */
export const EPHEMERAL_STORAGE_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: `(${celRequestSet('ephemeral-storage')}) && (${celResourceSet('limits', 'ephemeral-storage')})`,
  containerLists: RESOURCE_CONTAINERS,
  problem: 'sets no ephemeral-storage limit, or neither a request nor a limit (resources.limits["ephemeral-storage"])',
};

/**
 * Every regular and init container sets `resources.limits` for `ephemeral-storage`, and has a request for it, set
 * or copied by the API server from the limit.
 */
export class EphemeralStorageCheck implements IRuleCheck {
  public readonly celForm = EPHEMERAL_STORAGE_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return [
      ...missingResource(object, 'ephemeral-storage', 'requests', 'ephemeral-storage'),
      ...missingResource(object, 'ephemeral-storage', 'limits', 'ephemeral-storage'),
    ];
  }
}
