import { literalEnvs } from './private/env';
import { isLiteralSecretCandidate, looksLikeSecretName } from './private/secret-names';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer } from '../../private/pod-template';

/**
 * No env var whose name looks like a secret (`DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN`, ...) has a literal
 * `value`. `valueFrom`, empty values, booleans, `$(OTHER_VAR)` references and file paths are fine.
 */
export class EnvSecretNameLiteralCheck implements IRuleCheck {
  public readonly noCelForm = 'its name test splits camelCase and separators into words and its value test trims JavaScript whitespace; RE2 '
    + 'classes and CEL\'s trim() draw whitespace differently, so a CEL form would not say exactly what the rule says';

  public check(object: ManifestObject): RuleViolation[] {
    return literalEnvs(object)
      .filter(e => looksLikeSecretName(e.name) && isLiteralSecretCandidate(e.value))
      .map(e => ({
        message: `${describeContainer(e.container)} sets env ${e.name}, which is named like a secret, to a literal value (${e.field})`,
        path: e.path,
      }));
  }
}
