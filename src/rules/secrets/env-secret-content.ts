import { literalEnvs } from './private/env';
import { secretContentKind } from './private/secret-content';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer } from '../../private/pod-template';

/**
 * No env var, whatever its name, has a literal `value` that looks like a credential: a private key, an AWS access
 * key ID, a JWT, a GitHub, GitLab, Slack, Google, Stripe or npm token, a URL with a password, or a long
 * high-entropy string (see `secret-content.ts` for the threshold).
 */
export class EnvSecretContentCheck implements IRuleCheck {
  public readonly noCelForm = 'its detectors measure the Shannon entropy of each token of a value, which needs the frequency of every character: '
    + 'CEL has no way to count them within the cost limits of a policy, and a form without that detector would say less than the rule';

  public check(object: ManifestObject): RuleViolation[] {
    const violations: RuleViolation[] = [];
    for (const e of literalEnvs(object)) {
      const kind = secretContentKind(e.value);
      if (!kind) continue;
      violations.push({
        message: `${describeContainer(e.container)} sets env ${e.name} to a literal value that looks like ${kind} (${e.field})`,
        path: e.path,
      });
    }
    return violations;
  }
}
