import { podContainers } from './private/containers';
import { parseImageReference } from './private/image-reference';
import { celWithImageParts } from './private/image-reference-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget, celString } from '../../private/cel-form';
import { describeContainer } from '../../private/pod-template';

/**
 * Every container's image comes from one of the allowed registry prefixes.
 *
 * A prefix matches the image as written or its fully qualified name (`docker.io/library/nginx` for `nginx`). A
 * prefix that does not end in `/` matches only whole path components, so `ghcr.io/acme` allows
 * `ghcr.io/acme/app` and `ghcr.io/acme:1` but not `ghcr.io/acmecorp/app`, and `ghcr.io` does not allow
 * `ghcr.io.evil.example/app`.
 */
export class ImageRegistryAllowListCheck implements IRuleCheck {
  /** The CEL form, made from the allowed prefixes. */
  public readonly celForm: CelForm;

  /** The allowed prefixes, as given. */
  public readonly allowedPrefixes: string[];

  /**
   * @param allowedPrefixes registry prefixes such as `ghcr.io/acme/` or `registry.internal:5000`; at least one.
   */
  constructor(allowedPrefixes: string[]) {
    const prefixes = (allowedPrefixes ?? []).map(p => (typeof p === 'string' ? p.trim() : '')).filter(p => p !== '');
    if (prefixes.length === 0) {
      throw new Error('ImageRegistryAllowListCheck needs at least one registry prefix (e.g. "ghcr.io/acme/"); an empty allow-list would reject every image.');
    }
    this.allowedPrefixes = prefixes;
    this.celForm = {
      target: CelTarget.CONTAINERS,
      compliant: `!has(c.image) || c.image == '' || ${celWithImageParts(`(${
        ['c.image', 'img_qualified'].flatMap(candidate => prefixes.map(p => celMatchesPrefix(candidate, p))).join(' || ')})`)}`,
      containerLists: ALL_CONTAINERS,
      problem: `uses an image from a registry outside the allow-list (${prefixes.join(', ')})`,
    };
  }

  public check(object: ManifestObject): RuleViolation[] {
    const found = podContainers(object);
    if (!found) return [];
    const violations: RuleViolation[] = [];
    for (const ref of found.containers) {
      const image = parseImageReference(ref.container.image);
      if (!image) continue; // The tag rule reports a missing image.
      const qualified = `${image.fullName}${image.tag ? `:${image.tag}` : ''}${image.digest ? `@${image.digest}` : ''}`;
      const candidates = [image.raw, qualified];
      if (candidates.some(c => this.allowedPrefixes.some(p => matchesPrefix(c, p)))) continue;
      violations.push({
        message: `${describeContainer(ref)} uses image "${image.raw}" from a registry outside the allow-list (${this.allowedPrefixes.join(', ')})`,
        path: `${ref.path}.image`,
      });
    }
    return violations;
  }
}

/** CEL: matchesPrefix(`image`, `prefix`) for a CEL string expression and a prefix known now. */
function celMatchesPrefix(image: string, prefix: string): string {
  const starts = `${image}.startsWith(${celString(prefix)})`;
  if (/[/:@]$/.test(prefix)) return starts;
  // Counted in code points, as CEL counts: the character after the prefix is the same one JavaScript looks at.
  const n = [...prefix].length;
  return `(${starts} && (size(${image}) == ${n} || ${image}.substring(${n}, ${n + 1}) in ['/', ':', '@']))`;
}

function matchesPrefix(image: string, prefix: string): boolean {
  if (!image.startsWith(prefix)) return false;
  if (/[/:@]$/.test(prefix) || image.length === prefix.length) return true;
  return ['/', ':', '@'].includes(image[prefix.length]);
}
