import { celLevelValid, NAMESPACES } from './private/namespace-labels-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget } from '../../private/cel-form';
import { isNamespaceObject } from '../network/private/namespaces';
import { levelProblem, psaModeLabels } from '../network/private/psa-labels';

/** The CEL form: the audit and warn labels are set to Pod Security levels. */
export const PSA_AUDIT_WARN_LABELS_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: NAMESPACES,
  compliant: `${celLevelValid('audit')} && ${celLevelValid('warn')}`,
  problem: 'lacks a valid pod-security.kubernetes.io/audit or .../warn level; add both, set to restricted',
};

/**
 * A Namespace carries valid `pod-security.kubernetes.io/audit` and `.../warn` levels: enforce applies to Pods
 * only, so audit and warn are what report violations of workload templates (Deployments and the like).
 */
export class PsaAuditWarnLabels implements IRuleCheck {
  public readonly celForm = PSA_AUDIT_WARN_LABELS_CEL;

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
