import { containerSecurityContext, objectAt, podSecurityContext, pssPodOf, show } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer, isObject } from '../../private/pod-template';

const ALLOWED_TYPES = ['RuntimeDefault', 'Localhost'];
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * PSA `appArmorProfile` (baseline, 1.0+): the default AppArmor profile must not be disabled, either through the
 * `appArmorProfile` fields (pod and containers) or the deprecated per-container annotation on the pod's metadata.
 * Both channels are checked at every version: the admission code has one revision, amended in place.
 */
export class AppArmorProfileCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];

    const podProfile = objectAt(podSecurityContext(pod), 'appArmorProfile');
    if (podProfile && !ALLOWED_TYPES.includes(podProfile.type)) {
      violations.push({
        message: `pod sets securityContext.appArmorProfile.type to ${show(podProfile.type)} (must be "RuntimeDefault" or "Localhost")`,
        path: `${pod.template.specPath}.securityContext.appArmorProfile.type`,
      });
    }
    for (const ref of pod.containers) {
      const profile = objectAt(containerSecurityContext(ref), 'appArmorProfile');
      if (!profile || ALLOWED_TYPES.includes(profile.type)) continue;
      violations.push({
        message: `${describeContainer(ref)} sets securityContext.appArmorProfile.type to ${show(profile.type)} (must be "RuntimeDefault" or "Localhost")`,
        path: `${ref.path}.securityContext.appArmorProfile.type`,
      });
    }

    // Every annotation with the prefix counts, whether or not it names an existing container.
    const annotations = isObject(pod.template.metadata.annotations) ? pod.template.metadata.annotations : {};
    for (const key of Object.keys(annotations).sort()) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const raw = annotations[key];
      const value = raw === undefined || raw === null ? '' : String(raw);
      if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
      const container = key.slice(ANNOTATION_PREFIX.length);
      violations.push({
        message: `container ${show(container)} has AppArmor profile ${show(value)} from annotation ${key} (must be "runtime/default" or "localhost/<profile>")`,
        path: `${pod.template.metadataPath}.annotations.${key}`,
      });
    }
    return violations;
  }
}
