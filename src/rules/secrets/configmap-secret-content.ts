import { configMapEntries } from './private/config-map';
import { secretContentKind } from './private/secret-content';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/**
 * No ConfigMap value, whatever its key, looks like a credential (the same recognizers as for env values: private
 * keys, cloud and SaaS tokens, JWTs, URLs with passwords, high-entropy strings).
 */
export class ConfigMapSecretContentCheck implements IRuleCheck {
  public readonly noCelForm = 'its detectors measure the Shannon entropy of each token of a value, which needs the frequency of every character: '
    + 'CEL has no way to count them within the cost limits of a policy, and a form without that detector would say less than the rule';

  public check(object: ManifestObject): RuleViolation[] {
    const violations: RuleViolation[] = [];
    for (const entry of configMapEntries(object)) {
      const kind = secretContentKind(entry.value);
      if (!kind) continue;
      violations.push({ message: `ConfigMap key "${entry.key}" holds a value that looks like ${kind}`, path: entry.path });
    }
    return violations;
  }
}
