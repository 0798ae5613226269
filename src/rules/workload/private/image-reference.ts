/** A container image reference split into its parts, following the Docker reference grammar. */
export interface ImageReference {
  /** The reference as written. */
  readonly raw: string;
  /** The registry host (and port) as written, e.g. `registry:5000`; undefined when implicit (Docker Hub). */
  readonly registry?: string;
  /** The repository path without registry, e.g. `acme/app` or `python`. */
  readonly repository: string;
  /** The tag, e.g. `1.25`; undefined when the reference has none. */
  readonly tag?: string;
  /** The digest, e.g. `sha256:...`; undefined when the reference has none. */
  readonly digest?: string;
  /**
   * The fully qualified name without tag or digest: `docker.io/library/python` for `python`,
   * `registry:5000/app` for `registry:5000/app:1`.
   */
  readonly fullName: string;
  /**
   * The name of a Docker Hub official image (`python` for `python`, `library/python`, `docker.io/library/python`
   * and the `public.ecr.aws/docker/library/python` mirror); undefined for every other image.
   */
  readonly officialName?: string;
}

export const DOCKER_HUB_HOSTS = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];
export const OFFICIAL_MIRRORS = ['public.ecr.aws/docker/library/', 'mirror.gcr.io/library/'];

/**
 * Parses an image reference. Never throws: a malformed reference yields its best-effort parts, and an empty or
 * non-string input yields undefined.
 */
export function parseImageReference(image: unknown): ImageReference | undefined {
  if (typeof image !== 'string') return undefined;
  const raw = image.trim();
  if (!raw) return undefined;

  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1) || undefined;
    rest = rest.slice(0, at);
  }

  // The tag is after the last colon that follows the last slash; a colon before a slash is a registry port.
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1) || undefined;
    rest = rest.slice(0, lastColon);
  }

  // The first component is a registry when it looks like a host: it has a dot or a port, or is localhost.
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  const repository = rest;

  // Host names are ASCII: only A-Z is folded (as CEL's lowerAscii does), so no other letter can spell docker.io.
  const isDockerHub = registry === undefined || DOCKER_HUB_HOSTS.includes(registry.replace(/[A-Z]/g, ch => ch.toLowerCase()));
  let fullName: string;
  let officialName: string | undefined;
  if (isDockerHub) {
    const path = repository.includes('/') ? repository : `library/${repository}`;
    fullName = `docker.io/${path}`;
    if (path.startsWith('library/')) officialName = path.slice('library/'.length);
  } else {
    fullName = `${registry}/${repository}`;
    const mirror = OFFICIAL_MIRRORS.find(m => fullName.startsWith(m));
    if (mirror) officialName = fullName.slice(mirror.length);
  }
  if (officialName !== undefined && (officialName === '' || officialName.includes('/'))) officialName = undefined;

  return { raw, registry, repository, tag, digest, fullName, officialName };
}
