import { literalEnvs } from './private/env';
import { isLiteralSecretCandidate, looksLikeSecretName } from './private/secret-names';
import { celIsLiteralSecretCandidate, celLooksLikeSecretName } from './private/secret-names-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget } from '../../private/cel-form';
import { describeContainer } from '../../private/pod-template';

/** The CEL form: no env entry with a literal value is named like a secret and holds a candidate value. */
export const ENV_SECRET_NAME_LITERAL_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: `!has(c.env) || c.env.all(e, !has(e.value) || !(${celLooksLikeSecretName('e.name')}) || !(${celIsLiteralSecretCandidate('e.value')}))`,
  containerLists: ALL_CONTAINERS,
  problem: 'sets an env var named like a secret (PASSWORD, TOKEN, API_KEY, ...) to a literal value; take it from a Secret with valueFrom.secretKeyRef',
};

/**
 * No env var whose name looks like a secret (`DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN`, ...) has a literal
 * `value`. `valueFrom`, empty values, booleans, `$(OTHER_VAR)` references and file paths are fine.
 */
export class EnvSecretNameLiteralCheck implements IRuleCheck {
  public readonly celForm = ENV_SECRET_NAME_LITERAL_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return literalEnvs(object)
      .filter(e => looksLikeSecretName(e.name) && isLiteralSecretCandidate(e.value))
      .map(e => ({
        message: `${describeContainer(e.container)} sets env ${e.name}, which is named like a secret, to a literal value (${e.field})`,
        path: e.path,
      }));
  }
}
