import { podContainers } from './private/containers';
import { parseImageReference } from './private/image-reference';
import { CEL_IMAGE } from './private/image-reference-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget } from '../../private/cel-form';
import { describeContainer } from '../../private/pod-template';

/** The CEL form: an image with a tag other than latest also has a digest. */
export const IMAGE_DIGEST_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: `!(${CEL_IMAGE.present}) || ${CEL_IMAGE.hasDigest} || !${CEL_IMAGE.hasTag} || ${CEL_IMAGE.tag} == 'latest'`,
  containerLists: ALL_CONTAINERS,
  problem: 'uses an image by tag only; a tag can be moved, a digest (@sha256:...) cannot',
};

/**
 * Every container's image that is pinned by a tag is also pinned by a digest (`@sha256:...`). Images without a
 * usable tag are left to the tag rule, so one image never yields two findings.
 */
export class ImageDigestCheck implements IRuleCheck {
  public readonly celForm = IMAGE_DIGEST_CEL;

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
