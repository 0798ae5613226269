import { podContainers } from './private/containers';
import { FULL_BASE_IMAGES, fullBaseImageFor } from './private/full-base-images';
import { parseImageReference } from './private/image-reference';
import { celWithImageParts } from './private/image-reference-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget, celString, celStrings } from '../../private/cel-form';
import { describeContainer } from '../../private/pod-template';

/** FULL_BASE_IMAGES in CEL: each official name with the tag substrings of its small variants. */
const SMALL_VARIANTS = `{${FULL_BASE_IMAGES.map(e => `${celString(e.name)}: ${celStrings(e.smallVariants)}`).join(', ')}}`;

/**
 * The CEL form: an official image of FULL_BASE_IMAGES (not given by digest alone) has a tag naming one of its small
 * variants, in any case.
 */
export const SLIM_BASE_IMAGE_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: `!has(c.image) || c.image == '' || ${celWithImageParts(`(img_has_digest && !img_has_tag) || !(img_official in ${SMALL_VARIANTS})`
    + ` || ${SMALL_VARIANTS}[img_official].exists(v, img_tag.lowerAscii().contains(v))`)}`,
  containerLists: ALL_CONTAINERS,
  problem: 'uses a full-distribution official image where a slim, alpine or distroless variant exists',
};

/**
 * No container runs a full-distribution official image (`ubuntu`, `debian` without `-slim`, `python` without
 * `-slim`/`-alpine`, ...) where a smaller variant exists. The list is data: see `FULL_BASE_IMAGES`.
 * An image given by digest only is skipped, since its variant cannot be told from the reference.
 */
export class SlimBaseImageCheck implements IRuleCheck {
  public readonly celForm = SLIM_BASE_IMAGE_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    const found = podContainers(object);
    if (!found) return [];
    const violations: RuleViolation[] = [];
    for (const ref of found.containers) {
      const image = parseImageReference(ref.container.image);
      if (!image || image.officialName === undefined) continue;
      if (image.digest && !image.tag) continue;
      const entry = fullBaseImageFor(image.officialName, image.tag);
      if (!entry) continue;
      violations.push({
        message: `${describeContainer(ref)} uses the full-distribution image "${image.raw}"; use ${entry.instead}`,
        path: `${ref.path}.image`,
      });
    }
    return violations;
  }
}
