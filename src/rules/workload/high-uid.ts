import { idSettings, MIN_ID } from './private/ids';
import { containerIdsHold, podIdHolds } from './private/ids-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, WINDOWS_POD } from '../../private/cel-form';

/** The CEL form: every runAsUser that is set, on the pod or a container, is at least MIN_ID. */
export const HIGH_UID_CEL: CelForm = {
  target: CelTarget.POD,
  compliant: `${podIdHolds('runAsUser', v => `${v} >= ${MIN_ID}`)} && ${containerIdsHold('runAsUser', v => `${v} >= ${MIN_ID}`)}`,
  exempt: WINDOWS_POD,
  problem: `sets a runAsUser below ${MIN_ID}`,
};

/** Every `runAsUser` that is set, on the pod or a container, is at least 10000. Unset is fine. */
export class HighUidCheck implements IRuleCheck {
  public readonly celForm = HIGH_UID_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return idSettings(object, ['runAsUser'])
      .filter(s => s.value < MIN_ID)
      .map(s => ({ message: `${s.owner} sets securityContext.${s.field} to ${s.value}, below ${MIN_ID}`, path: s.path }));
  }
}
