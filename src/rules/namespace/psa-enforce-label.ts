import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isNamespaceObject } from '../network/private/namespaces';
import { levelProblem, psaModeLabels } from '../network/private/psa-labels';

/** A Namespace carries a valid `pod-security.kubernetes.io/enforce` level, so Pod Security Admission rejects non-compliant pods. */
export class PsaEnforceLabel implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isNamespaceObject(object)) return [];
    const problem = levelProblem(psaModeLabels(object, 'enforce'));
    return problem ? [{ message: problem, path: 'metadata.labels' }] : [];
  }
}
