import { configMapEntries } from './private/config-map';
import { secretContentKind } from './private/secret-content';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/**
 * No ConfigMap value, whatever its key, looks like a credential (the same recognizers as for env values: private
 * keys, cloud and SaaS tokens, JWTs, URLs with passwords, high-entropy strings).
 */
export class ConfigMapSecretContentCheck implements IRuleCheck {
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
