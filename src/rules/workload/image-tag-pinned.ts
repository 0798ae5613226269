import { podContainers } from './private/containers';
import { parseImageReference } from './private/image-reference';
import { CEL_IMAGE } from './private/image-reference-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget } from '../../private/cel-form';
import { describeContainer } from '../../private/pod-template';

/** The CEL form: the image has a digest, or a tag other than latest. */
export const IMAGE_TAG_PINNED_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: `${CEL_IMAGE.present} && (${CEL_IMAGE.hasDigest} || (${CEL_IMAGE.hasTag} && ${CEL_IMAGE.tag} != 'latest'))`,
  containerLists: ALL_CONTAINERS,
  problem: 'uses an image without a version tag (none, or :latest) and without a digest',
};

/**
 * Every container's image names a version: a tag other than `latest`, or a digest. An image without either
 * (or without any image at all) is a violation.
 */
export class ImageTagPinnedCheck implements IRuleCheck {
  public readonly celForm = IMAGE_TAG_PINNED_CEL;

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
