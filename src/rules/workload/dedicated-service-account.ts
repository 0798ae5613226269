import { serviceAccountNameOf } from './private/service-account';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { podTemplateOf } from '../../private/pod-template';

/** The pod names a ServiceAccount of its own: `serviceAccountName` is set and is not `default`. */
export class DedicatedServiceAccountCheck implements IRuleCheck {
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
