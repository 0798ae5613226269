import { configLines, configMapEntries } from './private/config-map';
import { mayHoldSecretName } from './private/secret-name-marks';
import { isLiteralSecretCandidate, looksLikeSecretName } from './private/secret-names';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/**
 * No ConfigMap holds a value under a secret-looking name: neither a `data` key such as `password` or
 * `DB_PASSWORD`, nor a `password=...` line of a configuration file held in a `data` value.
 */
export class ConfigMapSecretKeyCheck implements IRuleCheck {
  public readonly noCelForm = 'besides the keys, it reads the key/value lines of configuration files held in the values, taking the key and '
    + 'the value apart with capture groups and a back-reference, which the regex functions of CEL (matches, find, findAll) do not offer';

  public check(object: ManifestObject): RuleViolation[] {
    const violations: RuleViolation[] = [];
    for (const entry of configMapEntries(object)) {
      if (looksLikeSecretName(entry.key) && isLiteralSecretCandidate(entry.value) && !entry.value.includes('\n')) {
        violations.push({ message: `ConfigMap key "${entry.key}" is named like a secret and holds a literal value`, path: entry.path });
        continue;
      }
      // A line's key is a run of the value's characters: a value with no mark holds no secret-looking key.
      if (!mayHoldSecretName(entry.value)) continue;
      for (const line of configLines(entry.value)) {
        if (!looksLikeSecretName(line.key) || !isLiteralSecretCandidate(line.value)) continue;
        violations.push({
          message: `ConfigMap key "${entry.key}" sets ${line.key} (line ${line.line}), which is named like a secret, to a literal value`,
          path: entry.path,
        });
      }
    }
    return violations;
  }
}
