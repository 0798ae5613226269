import { HardeningCheck } from '../hardening';
import { ResolvedHardening } from './options';
import { refusal } from './refusal';

/** The parts of an image reference that pinning cares about. */
export interface ImageReference {
  readonly tag?: string;
  readonly digest?: string;
}

/** Splits `registry:5000/team/app:1.2@sha256:...` into its tag and digest (a registry port is not a tag). */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
  return { tag: tag || undefined, digest: digest || undefined };
}

/** Refuses untagged, `latest` and (with requireDigest) undigested images, unless IMAGE_TAG is overridden. */
export function checkImage(image: string, prop: string, o: ResolvedHardening): void {
  if (o.overrides.has(HardeningCheck.IMAGE_TAG)) return;
  const { tag, digest } = parseImage(image);
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw refusal(o.subject, prop, image, HardeningCheck.IMAGE_TAG, 'write the digest as @sha256: followed by 64 lower-case hex digits');
  }
  if (tag !== undefined && tag.toLowerCase() === 'latest') {
    throw refusal(o.subject, prop, image, HardeningCheck.IMAGE_TAG, 'replace :latest with a version tag (e.g. :1.27.3) or a digest (@sha256:...)');
  }
  if (tag === undefined && digest === undefined) {
    throw refusal(o.subject, prop, image, HardeningCheck.IMAGE_TAG, 'add a version tag (e.g. :1.27.3) or a digest (@sha256:...); an untagged image means :latest');
  }
  if (o.requireDigest && digest === undefined) {
    throw refusal(o.subject, prop, image, HardeningCheck.IMAGE_TAG, 'requireDigest is set: append the image digest (@sha256:...), e.g. from `docker buildx imagetools inspect`');
  }
}
