/**
 * The parts of container `c`'s image in CEL, split as parseImageReference splits them: the digest is after the
 * first `@`, the tag after a `:` that follows the last `/`. The API server refuses images with leading or trailing
 * whitespace, so the parser's trimming has nothing to do here.
 */
const IMAGE = 'c.image';
const AT = `${IMAGE}.indexOf('@')`;
const NAME = `(${AT} >= 0 ? ${IMAGE}.substring(0, ${AT}) : ${IMAGE})`;

export const CEL_IMAGE = {
  /** The container has a non-empty image. */
  present: `has(c.image) && ${IMAGE} != ''`,
  /** The image has a non-empty digest. */
  hasDigest: `(${AT} >= 0 && ${IMAGE}.substring(${AT} + 1) != '')`,
  /** The image has a non-empty tag. */
  hasTag: `(${NAME}.lastIndexOf(':') > ${NAME}.lastIndexOf('/') && ${NAME}.substring(${NAME}.lastIndexOf(':') + 1) != '')`,
  /** The tag (meaningful only when hasTag holds). */
  tag: `${NAME}.substring(${NAME}.lastIndexOf(':') + 1)`,
};
