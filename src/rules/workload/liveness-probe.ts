import { missingProbe } from './private/probes';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, SERVING_CONTAINERS } from '../../private/cel-form';

/** The CEL form: every regular container and sidecar that declares ports has a livenessProbe. */
export const LIVENESS_PROBE_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: '!has(c.ports) || size(c.ports) == 0 || has(c.livenessProbe)',
  containerLists: SERVING_CONTAINERS,
  problem: 'declares ports but has no livenessProbe',
};

/** Every container that declares ports (regular containers and sidecars) has a `livenessProbe`. */
export class LivenessProbeCheck implements IRuleCheck {
  public readonly celForm = LIVENESS_PROBE_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return missingProbe(object, 'livenessProbe');
  }
}
