import { podContainers } from './private/containers';
import { parseImageReference } from './private/image-reference';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer } from '../../private/pod-template';

/**
 * Every container's image that is pinned by a tag is also pinned by a digest (`@sha256:...`). Images without a
 * usable tag are left to the tag rule, so one image never yields two findings.
 */
export class ImageDigestCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    const found = podContainers(object);
    if (!found) return [];
    const violations: RuleViolation[] = [];
    for (const ref of found.containers) {
      const image = parseImageReference(ref.container.image);
      if (!image || image.digest || !image.tag || image.tag === 'latest') continue;
      violations.push({
        message: `${describeContainer(ref)} uses image "${image.raw}" by tag only; a tag can be moved, a digest (@sha256:...) cannot`,
        path: `${ref.path}.image`,
      });
    }
    return violations;
  }
}
