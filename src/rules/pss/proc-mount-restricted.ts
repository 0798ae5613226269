import { pssPodOf } from './private/pod';
import { procMountViolations } from './private/proc-mount';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * PSA `procMount_restricted` (restricted, 1.35+; overrides `procMount`): containers must keep the default /proc
 * masks even in a pod with `hostUsers: false`. Before 1.35 the check does not exist (the baseline `procMount`
 * check, which had no relaxation then, covers the restricted level).
 */
export class ProcMountRestrictedCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    if (context.kubernetesMinor < PSA_SINCE.procMountRestricted) return [];
    const pod = pssPodOf(object);
    if (!pod) return [];
    return procMountViolations(pod);
  }
}
