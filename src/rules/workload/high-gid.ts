import { idSettings, MIN_ID } from './private/ids';
import { containerIdsHold, podIdHolds } from './private/ids-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, WINDOWS_POD } from '../../private/cel-form';

/** 0 is the root group, which the root-group rule reports. */
const zeroOrHigh = (v: string) => `(${v} == 0 || ${v} >= ${MIN_ID})`;

/** The CEL form: every runAsGroup and fsGroup that is set is 0 or at least MIN_ID. */
export const HIGH_GID_CEL: CelForm = {
  target: CelTarget.POD,
  compliant: `${podIdHolds('runAsGroup', zeroOrHigh)} && ${podIdHolds('fsGroup', zeroOrHigh)} && ${containerIdsHold('runAsGroup', zeroOrHigh)}`,
  exempt: WINDOWS_POD,
  problem: `sets a runAsGroup or fsGroup below ${MIN_ID}`,
};

/**
 * Every `runAsGroup` (pod or container) and `fsGroup` that is set is at least 10000. Unset is fine. Group 0 is
 * left to the root-group rule, so one field never yields two findings.
 */
export class HighGidCheck implements IRuleCheck {
  public readonly celForm = HIGH_GID_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return idSettings(object, ['runAsGroup', 'fsGroup'])
      .filter(s => s.value !== 0 && s.value < MIN_ID)
      .map(s => ({ message: `${s.owner} sets securityContext.${s.field} to ${s.value}, below ${MIN_ID}`, path: s.path }));
  }
}
