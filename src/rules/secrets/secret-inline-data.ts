import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget } from '../../private/cel-form';
import { isObject } from '../../private/pod-template';

/**
 * The CEL form: no data value is non-empty. The API server has merged stringData into data when admission runs,
 * so data alone says it.
 */
export const SECRET_INLINE_DATA_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['secrets'] }],
  compliant: '(!has(object.data) || object.data.all(k, size(object.data[k]) == 0))'
    + ' && (!has(object.stringData) || object.stringData.all(k, size(object.stringData[k]) == 0))',
  problem: 'holds inline values in data or stringData; use an ExternalSecret or a secret store',
};

/**
 * No Secret carries its values in the manifest (`data` or `stringData` with a non-empty value). A Secret without
 * data (a placeholder, or a `kubernetes.io/service-account-token` Secret the control plane fills) is fine.
 */
export class SecretInlineDataCheck implements IRuleCheck {
  public readonly celForm = SECRET_INLINE_DATA_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    if (object.kind !== 'Secret' || object.apiGroup !== '' || !isObject(object.manifest)) return [];
    const violations: RuleViolation[] = [];
    for (const field of ['data', 'stringData']) {
      const entries = object.manifest[field];
      if (!isObject(entries)) continue;
      const keys = Object.keys(entries).filter(k => entries[k] !== undefined && entries[k] !== null && entries[k] !== '');
      if (keys.length === 0) continue;
      const shown = keys.slice(0, 5).map(k => `"${k}"`).join(', ') + (keys.length > 5 ? ` and ${keys.length - 5} more` : '');
      violations.push({
        message: `Secret holds inline values in ${field} (${keys.length === 1 ? 'key' : 'keys'} ${shown}); use an ExternalSecret or a secret store`,
        path: field,
      });
    }
    return violations;
  }
}
