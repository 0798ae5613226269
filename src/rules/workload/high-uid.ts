import { idSettings, MIN_ID } from './private/ids';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/** Every `runAsUser` that is set, on the pod or a container, is at least 10000. Unset is fine. */
export class HighUidCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return idSettings(object, ['runAsUser'])
      .filter(s => s.value < MIN_ID)
      .map(s => ({ message: `${s.owner} sets securityContext.${s.field} to ${s.value}, below ${MIN_ID}`, path: s.path }));
  }
}
