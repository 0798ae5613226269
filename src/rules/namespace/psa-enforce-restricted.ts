import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isNamespaceObject } from '../network/private/namespaces';
import { psaModeLabels } from '../network/private/psa-labels';

/** A Namespace enforces the restricted Pod Security level; baseline and privileged admit weaker pods. */
export class PsaEnforceRestricted implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isNamespaceObject(object)) return [];
    const labels = psaModeLabels(object, 'enforce');
    // A missing or invalid level is reported by namespace-psa-enforce.
    if (!labels.levelValid || labels.level === 'restricted') return [];
    return [{
      message: `sets ${labels.levelKey} to "${labels.level}", below restricted: set it to restricted and fix the pods it would reject`,
      path: 'metadata.labels',
    }];
  }
}
