import { serviceAccountNameOf } from './private/service-account';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget } from '../../private/cel-form';
import { podTemplateOf } from '../../private/pod-template';

/**
 * The CEL form: serviceAccountName, else the deprecated serviceAccount, is set and is not "default". The
 * ServiceAccount admission plugin sets "default" on a Pod without one, which the form reports like the rule.
 */
export const DEDICATED_SERVICE_ACCOUNT_CEL: CelForm = {
  target: CelTarget.POD,
  compliant: "!((has(variables.podSpec.serviceAccountName) && variables.podSpec.serviceAccountName != '' ? variables.podSpec.serviceAccountName"
    + " : (has(variables.podSpec.serviceAccount) ? variables.podSpec.serviceAccount : '')) in ['', 'default'])",
  problem: 'runs as the namespace\'s "default" ServiceAccount',
};

/** The pod names a ServiceAccount of its own: `serviceAccountName` is set and is not `default`. */
export class DedicatedServiceAccountCheck implements IRuleCheck {
  public readonly celForm = DEDICATED_SERVICE_ACCOUNT_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const name = serviceAccountNameOf(pod);
    if (name !== undefined && name !== 'default') return [];
    return [{
      message: name === undefined
        ? 'pod sets no serviceAccountName, so it runs as the namespace\'s "default" ServiceAccount'
        : 'pod sets serviceAccountName to "default", the ServiceAccount shared by every pod of the namespace',
      path: `${pod.specPath}.serviceAccountName`,
    }];
  }
}
