import { podContainers } from './private/containers';
import { parseImageReference } from './private/image-reference';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer } from '../../private/pod-template';

/**
 * Every container's image names a version: a tag other than `latest`, or a digest. An image without either
 * (or without any image at all) is a violation.
 */
export class ImageTagPinnedCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    const found = podContainers(object);
    if (!found) return [];
    const violations: RuleViolation[] = [];
    for (const ref of found.containers) {
      const path = `${ref.path}.image`;
      const image = parseImageReference(ref.container.image);
      if (!image) {
        violations.push({ message: `${describeContainer(ref)} has no image`, path });
      } else if (image.digest) {
        continue; // A digest pins the content whatever the tag says.
      } else if (!image.tag) {
        violations.push({ message: `${describeContainer(ref)} uses image "${image.raw}" without a tag, which means :latest`, path });
      } else if (image.tag === 'latest') {
        violations.push({ message: `${describeContainer(ref)} uses image "${image.raw}" with the mutable tag :latest`, path });
      }
    }
    return violations;
  }
}
