import { containersOf, ContainerRef, podTemplateOf } from './pod-template';
import { ManifestObject } from '../engine/manifest-object';
import { parseImageReference } from '../rules/workload/private/image-reference';

/** The version of the JSON shape, as in the scan report. */
export const IMAGE_LIST_VERSION = 1;

/** A container that runs an image: the object that declares it and where. */
export interface ImageUser {
  readonly kind: string;
  /** `metadata.namespace` as written; null when the object sets none. */
  readonly namespace: string | null;
  readonly name: string;
  /** The container's name (`#<index>` when unnamed). */
  readonly container: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly containerField: ContainerRef['field'];
  /** The reference exactly as this container writes it. */
  readonly reference: string;
  /** File and line the object was read from (`images` and `scan`); null in a cdk8s synthesis. */
  readonly file: string | null;
  readonly line: number | null;
  /** The construct that rendered the object (a cdk8s synthesis); null for files. */
  readonly constructPath: string | null;
}

/** One image of the app, with every container that runs it. */
export interface InventoryImage {
  /**
   * The reference to pull, exactly as the manifests write it; when containers write the same image in several
   * forms (`nginx:1.27` and `docker.io/library/nginx:1.27`), the first of them in sorted order.
   */
  readonly reference: string;
  /** Every form the manifests write this image in, sorted (usually just `reference`). */
  readonly references: string[];
  /**
   * The image in full, as the container runtime resolves it: registry, repository, tag (`latest` when the
   * reference names neither a tag nor a digest) and digest, e.g. `docker.io/library/nginx:1.27`.
   */
  readonly image: string;
  /** The registry host, `docker.io` for Docker Hub. */
  readonly registry: string;
  /** The repository within the registry, e.g. `library/nginx` or `acme/web`. */
  readonly repository: string;
  /** The tag as resolved, or null when only a digest is given. */
  readonly tag: string | null;
  /** The digest (`sha256:...`), or null when the reference has none: the tag may then point at other bytes tomorrow. */
  readonly digest: string | null;
  /** The containers that run the image, sorted by namespace, kind, name, then container. */
  readonly usedBy: ImageUser[];
}

/** An image as the runtime resolves it, before the spellings and containers of the app are gathered. */
type ResolvedImage = Pick<InventoryImage, 'image' | 'registry' | 'repository' | 'tag' | 'digest'>;

/** A container whose image cannot be listed (unset, not a string, or with white space in it): the list misses it. */
export interface UnlistedContainer {
  readonly user: Omit<ImageUser, 'reference'>;
  /** The image value as written (undefined when unset). */
  readonly value: unknown;
  /** Why it is not listed, as a phrase: `has no image`, ... */
  readonly reason: string;
}

/** The images of a set of objects: the list that `cdk8s-hardened images` prints and `images.json` holds. */
export class ImageInventory {
  /** Every container image of the pod-bearing objects (workloads, Pods, PodTemplates, pod-bearing custom resources). */
  public static of(objects: Iterable<ManifestObject>): ImageInventory {
    const inventory = new ImageInventory();
    for (const object of objects) inventory.add(object);
    return inventory;
  }

  private readonly byImage = new Map<string, { image: ResolvedImage; users: ImageUser[] }>();
  private readonly unlisted: UnlistedContainer[] = [];

  /** Adds the containers of one object (objects without a pod template add nothing). */
  public add(object: ManifestObject): void {
    const pod = podTemplateOf(object);
    if (!pod) return;
    for (const ref of containersOf(pod)) {
      const where = {
        kind: object.kind,
        namespace: object.namespace ?? null,
        name: object.name,
        container: ref.name,
        containerField: ref.field,
        file: object.file ?? null,
        line: object.lineOf(`${ref.path}.image`) ?? null,
        constructPath: object.constructPath ?? null,
      };
      const value: unknown = ref.container.image;
      const reason = whyUnlisted(value);
      if (reason !== undefined) {
        this.unlisted.push({ user: where, value, reason });
        continue;
      }
      const reference = value as string;
      const resolved = resolve(parseImageReference(reference)!);
      const entry = this.byImage.get(resolved.image) ?? { image: resolved, users: [] };
      const { file, line, constructPath, ...who } = where;
      entry.users.push({ ...who, reference, file, line, constructPath });
      this.byImage.set(resolved.image, entry);
    }
  }

  /** The images, sorted by their full name. */
  public get images(): InventoryImage[] {
    return [...this.byImage.values()]
      .map(({ image, users }) => {
        const references = [...new Set(users.map(u => u.reference))].sort(compareText);
        return { reference: references[0], references, ...image, usedBy: [...users].sort(compareUsers) };
      })
      .sort((a, b) => compareText(a.image, b.image));
  }

  /** Containers whose image cannot be listed, in the order they were read. */
  public get unlistedContainers(): UnlistedContainer[] {
    return [...this.unlisted];
  }

  /**
   * One reference per line and nothing else, each image once: the input of
   * `while read -r img; do trivy image "$img"; done`.
   */
  public toText(): string {
    return this.images.map(i => `${i.reference}\n`).join('');
  }

  /**
   * The JSON document `images --format json` prints and `images.json` holds (its shape is documented in the README);
   * `version` changes only if a field changes meaning or goes away.
   */
  public toJson(): { version: number; images: InventoryImage[] } {
    return { version: IMAGE_LIST_VERSION, images: this.images };
  }
}

/**
 * Why an image value cannot go into the list, or undefined when it can. A reference never holds white space (the
 * API server refuses leading and trailing spaces, the runtime any other), and one with a line break would split
 * its line of the text list in two.
 */
function whyUnlisted(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return 'has no image';
  if (typeof value !== 'string') return `has an image that is not a string (${JSON.stringify(value)})`;
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return `has an image with white space or a control character in it (${JSON.stringify(value)}), which no registry serves`;
  return undefined;
}

/** Registry, repository, tag and digest as the container runtime resolves a parsed reference. */
function resolve(parsed: NonNullable<ReturnType<typeof parseImageReference>>): ResolvedImage {
  // fullName is docker.io/<repository> for every Docker Hub host and spelling; host names are case-insensitive.
  const slash = parsed.fullName.indexOf('/');
  const registry = parsed.fullName.slice(0, slash).toLowerCase();
  const repository = parsed.fullName.slice(slash + 1);
  // No tag and no digest pulls :latest; with a digest alone there is no tag to speak of.
  const tag = parsed.tag ?? (parsed.digest === undefined ? 'latest' : undefined);
  const image = `${registry}/${repository}${tag !== undefined ? `:${tag}` : ''}${parsed.digest !== undefined ? `@${parsed.digest}` : ''}`;
  return { image, registry, repository, tag: tag ?? null, digest: parsed.digest ?? null };
}

const FIELD_ORDER: Array<ImageUser['containerField']> = ['containers', 'initContainers', 'ephemeralContainers'];

function compareUsers(a: ImageUser, b: ImageUser): number {
  return compareText(a.namespace ?? '', b.namespace ?? '')
    || compareText(a.kind, b.kind)
    || compareText(a.name, b.name)
    || FIELD_ORDER.indexOf(a.containerField) - FIELD_ORDER.indexOf(b.containerField)
    || compareText(a.container, b.container)
    || compareText(a.file ?? a.constructPath ?? '', b.file ?? b.constructPath ?? '')
    || (a.line ?? 0) - (b.line ?? 0);
}

/** Code-unit order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
