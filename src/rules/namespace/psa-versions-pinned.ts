import { celHasLabel, celLabel, NAMESPACES } from './private/namespace-labels-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget, celString } from '../../private/cel-form';
import { isNamespaceObject } from '../network/private/namespaces';
import { PINNED_VERSION, PSA_LABEL_PREFIX, psaModeLabels } from '../network/private/psa-labels';

/** The CEL form: every mode whose level is set has its version label set to v1.NN (psaModeLabels' versionPinned). */
export const PSA_VERSIONS_PINNED_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: NAMESPACES,
  compliant: ['enforce', 'audit', 'warn'].map(mode => {
    const level = `${PSA_LABEL_PREFIX}${mode}`;
    const version = `${level}-version`;
    return `(!${celHasLabel(level)} || (${celHasLabel(version)} && ${celLabel(version)}.matches(${celString(PINNED_VERSION.source)})))`;
  }).join(' && '),
  problem: 'sets a Pod Security level without pinning its version; add pod-security.kubernetes.io/<mode>-version: v1.NN',
};

/**
 * Every Pod Security Admission level a Namespace sets is pinned to a version (`<mode>-version: v1.NN`). Unpinned
 * (missing or `latest`), the meaning of the level changes with each cluster upgrade, and a workload that passed
 * yesterday can be rejected after the upgrade.
 */
export class PsaVersionsPinned implements IRuleCheck {
  public readonly celForm = PSA_VERSIONS_PINNED_CEL;

  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (!isNamespaceObject(object)) return [];
    const suggested = `v${context.kubernetesVersion}`;
    const violations: RuleViolation[] = [];
    for (const mode of ['enforce', 'audit', 'warn']) {
      const labels = psaModeLabels(object, mode);
      if (labels.level === undefined || labels.versionPinned) continue;
      const message = labels.version === undefined
        ? `has no label ${labels.versionKey}, so the ${mode} level follows the cluster's latest version: add ${labels.versionKey}: ${suggested}`
        : `sets ${labels.versionKey} to "${labels.version}", so the ${mode} level is not pinned: set it to a version of the form v1.NN, e.g. ${suggested}`;
      violations.push({ message, path: 'metadata.labels' });
    }
    return violations;
  }
}
