import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isNamespaceObject } from '../network/private/namespaces';
import { levelProblem, psaModeLabels } from '../network/private/psa-labels';

/**
 * A Namespace carries valid `pod-security.kubernetes.io/audit` and `.../warn` levels: enforce applies to Pods
 * only, so audit and warn are what report violations of workload templates (Deployments and the like).
 */
export class PsaAuditWarnLabels implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isNamespaceObject(object)) return [];
    const violations: RuleViolation[] = [];
    for (const mode of ['audit', 'warn']) {
      const problem = levelProblem(psaModeLabels(object, mode));
      if (problem) violations.push({ message: problem, path: 'metadata.labels' });
    }
    return violations;
  }
}
