import { containerSecurityContext, objectAt, podSecurityContext, PssPod, pssPodOf, show } from './private/pod';
import { isAllowedSeccompProfile } from './private/seccomp';
import { PSA_SINCE } from './private/versions';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { describeContainer, isObject } from '../../private/pod-template';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/**
 * PSA `seccompProfile_baseline` (baseline): a seccomp profile, when set, must not be `Unconfined`. From 1.19 it
 * reads the `seccompProfile` fields; before 1.19 (the 1.0 revision) it reads the alpha annotations instead.
 */
export class BaselineSeccompCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    return context.kubernetesMinor >= PSA_SINCE.seccompFields ? fieldViolations(pod) : annotationViolations(pod);
  }
}

function fieldViolations(pod: PssPod): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const podProfile = objectAt(podSecurityContext(pod), 'seccompProfile');
  if (podProfile && !isAllowedSeccompProfile(podProfile)) {
    violations.push({
      message: `pod sets securityContext.seccompProfile.type to ${show(podProfile.type)} (must be unset, "RuntimeDefault" or "Localhost")`,
      path: `${pod.template.specPath}.securityContext.seccompProfile.type`,
    });
  }
  for (const ref of pod.containers) {
    const profile = objectAt(containerSecurityContext(ref), 'seccompProfile');
    if (!profile || isAllowedSeccompProfile(profile)) continue;
    violations.push({
      message: `${describeContainer(ref)} sets securityContext.seccompProfile.type to ${show(profile.type)} (must be unset, "RuntimeDefault" or "Localhost")`,
      path: `${ref.path}.securityContext.seccompProfile.type`,
    });
  }
  return violations;
}

function annotationViolations(pod: PssPod): RuleViolation[] {
  const annotations = isObject(pod.template.metadata.annotations) ? pod.template.metadata.annotations : {};
  // Unlike AppArmor, an empty annotation value is not accepted here (validSeccompAnnotationValue).
  const valid = (v: unknown) => v === 'runtime/default' || v === 'docker/default' || (typeof v === 'string' && v.startsWith('localhost/'));
  const keys = [POD_ANNOTATION, ...pod.containers.map(ref => CONTAINER_ANNOTATION_PREFIX + (typeof ref.container.name === 'string' ? ref.container.name : ''))];
  const violations: RuleViolation[] = [];
  for (const key of [...new Set(keys)]) {
    if (!(key in annotations) || valid(annotations[key])) continue;
    violations.push({
      message: `annotation ${key} sets the seccomp profile to ${show(annotations[key])} (must be "runtime/default", "docker/default" or "localhost/<profile>")`,
      path: `${pod.template.metadataPath}.annotations.${key}`,
    });
  }
  return violations;
}
