import { celLevelValid, NAMESPACES } from './private/namespace-labels-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget } from '../../private/cel-form';
import { isNamespaceObject } from '../network/private/namespaces';
import { levelProblem, psaModeLabels } from '../network/private/psa-labels';

/** The CEL form: the enforce label is set to a Pod Security level. */
export const PSA_ENFORCE_LABEL_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: NAMESPACES,
  compliant: celLevelValid('enforce'),
  problem: 'has no valid pod-security.kubernetes.io/enforce level; add pod-security.kubernetes.io/enforce: restricted',
};

/** A Namespace carries a valid `pod-security.kubernetes.io/enforce` level, so Pod Security Admission rejects non-compliant pods. */
export class PsaEnforceLabel implements IRuleCheck {
  public readonly celForm = PSA_ENFORCE_LABEL_CEL;

  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isNamespaceObject(object)) return [];
    const problem = levelProblem(psaModeLabels(object, 'enforce'));
    return problem ? [{ message: problem, path: 'metadata.labels' }] : [];
  }
}
