import { missingProbe } from './private/probes';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

/** Every container that declares ports (regular containers and sidecars) has a `livenessProbe`. */
export class LivenessProbeCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return missingProbe(object, 'livenessProbe');
  }
}
