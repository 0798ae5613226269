import { DOCKER_HUB_HOSTS, OFFICIAL_MIRRORS } from './image-reference';
import { celStrings } from '../../../private/cel-form';

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

/** CEL: `body` with `name` bound to `value` (a one-element list comprehension evaluates it once). */
function bind(name: string, value: string, body: string): string {
  return `[${value}].all(${name}, ${body})`;
}

/**
 * CEL: `body`, a predicate on container `c`, with the parts of its image bound as parseImageReference splits them:
 * `img_tag` (the tag, '' when none), `img_has_tag`, `img_has_digest`, `img_official` (the Docker Hub official
 * name, such as `python` for `python:3`, `docker.io/library/python` and the public mirrors; '' for any other image)
 * and `img_qualified` (the fully qualified name with its tag and digest, `docker.io/library/python:3` for `python:3`).
 * Each part is computed once: written out in full, the official name alone would repeat the parse a hundred times.
 */
export function celWithImageParts(body: string): string {
  const mirrored = OFFICIAL_MIRRORS.reduceRight(
    (otherwise, m) => `(img_full.startsWith('${m}') ? img_full.substring(${m.length}) : ${otherwise})`, "''");
  const steps: [string, string][] = [
    ['img_at', "c.image.indexOf('@')"],
    ['img_has_digest', "img_at >= 0 && c.image.substring(img_at + 1) != ''"],
    ['img_name', 'img_at >= 0 ? c.image.substring(0, img_at) : c.image'],
    ['img_colon', "img_name.lastIndexOf(':') > img_name.lastIndexOf('/') ? img_name.lastIndexOf(':') : -1"],
    ['img_tag', "img_colon >= 0 ? img_name.substring(img_colon + 1) : ''"],
    ['img_has_tag', "img_tag != ''"],
    ['img_repo', 'img_colon >= 0 ? img_name.substring(0, img_colon) : img_name'],
    ['img_slash', "img_repo.indexOf('/')"],
    ['img_first', "img_slash > 0 ? img_repo.substring(0, img_slash) : ''"],
    ['img_has_registry', "img_slash > 0 && (img_first.contains('.') || img_first.contains(':') || img_first == 'localhost')"],
    ['img_repository', 'img_has_registry ? img_repo.substring(img_slash + 1) : img_repo'],
    ['img_path', "img_repository.contains('/') ? img_repository : 'library/' + img_repository"],
    ['img_full', "img_first + '/' + img_repository"],
    ['img_candidate', `!img_has_registry || img_first.lowerAscii() in ${celStrings(DOCKER_HUB_HOSTS)}`
      + ` ? (img_path.startsWith('library/') ? img_path.substring(8) : '') : ${mirrored}`],
    ['img_official', "img_candidate.contains('/') ? '' : img_candidate"],
    ['img_qualified', `(!img_has_registry || img_first.lowerAscii() in ${celStrings(DOCKER_HUB_HOSTS)} ? 'docker.io/' + img_path : img_full)`
      + " + (img_has_tag ? ':' + img_tag : '') + (img_has_digest ? '@' + c.image.substring(img_at + 1) : '')"],
  ];
  return steps.reduceRight((inner, [name, value]) => bind(name, value, inner), body);
}
