import { arrayAt, pssPodOf, show } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/pod-template';

/** PSA `hostPathVolumes` (baseline, 1.0+): the pod must not mount directories of the node. */
export class HostPathVolumesCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    arrayAt(pod.template.spec, 'volumes').forEach((volume, index) => {
      if (!isObject(volume) || volume.hostPath === undefined || volume.hostPath === null) return;
      const hostPath = isObject(volume.hostPath) && typeof volume.hostPath.path === 'string' ? ` (path ${show(volume.hostPath.path)})` : '';
      violations.push({
        message: `volume ${show(volume.name ?? `#${index}`)} is a hostPath volume${hostPath} (hostPath must be unset)`,
        path: `${pod.template.specPath}.volumes[${index}].hostPath`,
      });
    });
    return violations;
  }
}
