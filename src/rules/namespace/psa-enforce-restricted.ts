import { celLabel, celLevelValid, NAMESPACES } from './private/namespace-labels-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget } from '../../private/cel-form';
import { isNamespaceObject } from '../network/private/namespaces';
import { PSA_LABEL_PREFIX, psaModeLabels } from '../network/private/psa-labels';

/** The CEL form: a valid enforce level is restricted (a missing or invalid one is namespace-psa-enforce's). */
export const PSA_ENFORCE_RESTRICTED_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: NAMESPACES,
  compliant: `!${celLevelValid('enforce')} || ${celLabel(`${PSA_LABEL_PREFIX}enforce`)} == 'restricted'`,
  problem: 'enforces a Pod Security level below restricted; set pod-security.kubernetes.io/enforce to restricted',
};

/** A Namespace enforces the restricted Pod Security level; baseline and privileged admit weaker pods. */
export class PsaEnforceRestricted implements IRuleCheck {
  public readonly celForm = PSA_ENFORCE_RESTRICTED_CEL;

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
