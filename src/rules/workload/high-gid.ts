import { idSettings, MIN_ID } from './private/ids';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/**
 * Every `runAsGroup` (pod or container) and `fsGroup` that is set is at least 10000. Unset is fine. Group 0 is
 * left to the root-group rule, so one field never yields two findings.
 */
export class HighGidCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return idSettings(object, ['runAsGroup', 'fsGroup'])
      .filter(s => s.value !== 0 && s.value < MIN_ID)
      .map(s => ({ message: `${s.owner} sets securityContext.${s.field} to ${s.value}, below ${MIN_ID}`, path: s.path }));
  }
}
