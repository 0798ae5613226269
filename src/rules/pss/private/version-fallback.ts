import { ManifestObject } from '../../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../../engine/rule';
import { RuleContext } from '../../../engine/rule-context';

/**
 * Runs a restricted check from the version it exists at, and the baseline check it overrides before that.
 *
 * The restricted profile drops a baseline check only at the versions where the overriding restricted check exists
 * (`OverrideCheckIDs` in the admission registry). Below that version PSA still runs the baseline check at the
 * restricted level, so the restricted pack, which leaves the overridden baseline rule out, falls back to it here.
 */
export class VersionFallbackCheck implements IRuleCheck {
  constructor(
    private readonly primary: IRuleCheck,
    private readonly sinceMinor: number,
    private readonly before: IRuleCheck,
  ) {}

  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    return context.kubernetesMinor >= this.sinceMinor
      ? this.primary.check(object, context)
      : this.before.check(object, context);
  }
}
