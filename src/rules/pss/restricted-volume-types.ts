import { arrayAt, pssPodOf, show } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { isObject } from '../../private/pod-template';

/**
 * The volume sources the restricted profile accepts (`restrictedVolumes_1_0`). `image` was patched into the 1.0
 * revision of the admission code, so it is accepted at every version.
 */
const ALLOWED_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

/**
 * PSA `restrictedVolumes` (restricted, 1.0+; overrides `hostPathVolumes`): every volume must use one of the
 * ephemeral or PersistentVolume-backed sources; any other source, known or not, fails. A volume that names no source
 * fails too, as in the admission code, which sees no allowed source on it: an API server would default it to
 * `emptyDir` before admission, but a manifest checked before it reaches one should say `emptyDir: {}` explicitly.
 */
export class RestrictedVolumeTypesCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    arrayAt(pod.template.spec, 'volumes').forEach((volume, index) => {
      if (!isObject(volume)) return;
      const sources = Object.keys(volume).filter(k => k !== 'name' && volume[k] !== undefined && volume[k] !== null);
      if (sources.some(s => ALLOWED_SOURCES.includes(s))) return;
      const name = show(volume.name ?? `#${index}`);
      violations.push(sources.length === 0
        ? {
          message: `volume ${name} names no volume source (set one of ${ALLOWED_SOURCES.join(', ')}; write emptyDir: {} explicitly)`,
          path: `${pod.template.specPath}.volumes[${index}]`,
        }
        : {
          message: `volume ${name} uses the ${sources.join(', ')} volume type (allowed types: ${ALLOWED_SOURCES.join(', ')})`,
          path: `${pod.template.specPath}.volumes[${index}].${sources[0]}`,
        });
    });
    return violations;
  }
}
