import { missingProbe } from './private/probes';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, SERVING_CONTAINERS } from '../../private/cel-form';

/** The CEL form: every regular container and sidecar that declares ports has a readinessProbe. */
export const READINESS_PROBE_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: '!has(c.ports) || size(c.ports) == 0 || has(c.readinessProbe)',
  containerLists: SERVING_CONTAINERS,
  problem: 'declares ports but has no readinessProbe',
};

/** Every container that declares ports (regular containers and sidecars) has a `readinessProbe`. */
export class ReadinessProbeCheck implements IRuleCheck {
  public readonly celForm = READINESS_PROBE_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return missingProbe(object, 'readinessProbe');
  }
}
