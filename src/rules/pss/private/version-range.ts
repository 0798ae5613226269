import { ManifestObject } from '../../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../../engine/rule';
import { RuleContext } from '../../../engine/rule-context';

/**
 * Runs a check only at the Kubernetes minor versions where the admission code runs it at a level.
 *
 * The restricted profile replaces some baseline checks, but only from the version where the replacing check
 * exists (`OverrideCheckIDs` in the admission registry). So at the restricted level the baseline check runs below
 * that version and the restricted one from it on, each reported under its own check ID.
 */
export class VersionRangeCheck implements IRuleCheck {
  /**
   * @param inner the check to run
   * @param fromMinor the first minor version it runs at (inclusive); undefined for every earlier version
   * @param beforeMinor the first minor version it no longer runs at; undefined for every later version
   */
  constructor(
    private readonly inner: IRuleCheck,
    private readonly fromMinor: number | undefined,
    private readonly beforeMinor: number | undefined,
  ) {}

  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const minor = context.kubernetesMinor;
    if (this.fromMinor !== undefined && minor < this.fromMinor) return [];
    if (this.beforeMinor !== undefined && minor >= this.beforeMinor) return [];
    return this.inner.check(object, context);
  }
}
