import { podContainers } from './private/containers';
import { fullBaseImageFor } from './private/full-base-images';
import { parseImageReference } from './private/image-reference';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { describeContainer } from '../../private/pod-template';

/**
 * No container runs a full-distribution official image (`ubuntu`, `debian` without `-slim`, `python` without
 * `-slim`/`-alpine`, ...) where a smaller variant exists. The list is data: see `FULL_BASE_IMAGES`.
 * An image given by digest only is skipped, since its variant cannot be told from the reference.
 */
export class SlimBaseImageCheck implements IRuleCheck {
  public readonly noCelForm = 'it resolves an image to its Docker Hub official name (registry hosts, library/ and the public mirrors) before '
    + 'looking it up; that is not yet written in CEL';

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
