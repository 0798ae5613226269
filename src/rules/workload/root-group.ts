import { idSettings } from './private/ids';
import { containerIdsHold, podIdHolds } from './private/ids-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, WINDOWS_POD } from '../../private/cel-form';

const notRoot = (v: string) => `${v} != 0`;

/** The CEL form: no runAsGroup, fsGroup or supplementalGroups entry is 0. */
export const ROOT_GROUP_CEL: CelForm = {
  target: CelTarget.POD,
  compliant: `${podIdHolds('runAsGroup', notRoot)} && ${podIdHolds('fsGroup', notRoot)} && ${containerIdsHold('runAsGroup', notRoot)}`
    + ` && ${podIdHolds('supplementalGroups', v => `${v}.all(g, g != 0)`)}`,
  exempt: WINDOWS_POD,
  problem: 'sets a group ID of 0, the root group',
};

/** No `runAsGroup` (pod or container), `fsGroup` or `supplementalGroups` entry is 0, the root group. */
export class RootGroupCheck implements IRuleCheck {
  public readonly celForm = ROOT_GROUP_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return idSettings(object, ['runAsGroup', 'fsGroup', 'supplementalGroups'])
      .filter(s => s.value === 0)
      .map(s => ({ message: `${s.owner} sets securityContext.${s.field} to 0, the root group`, path: s.path }));
  }
}
