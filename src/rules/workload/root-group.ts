import { idSettings } from './private/ids';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/** No `runAsGroup` (pod or container), `fsGroup` or `supplementalGroups` entry is 0, the root group. */
export class RootGroupCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return idSettings(object, ['runAsGroup', 'fsGroup', 'supplementalGroups'])
      .filter(s => s.value === 0)
      .map(s => ({ message: `${s.owner} sets securityContext.${s.field} to 0, the root group`, path: s.path }));
  }
}
