/**
 * A general-purpose base image that ships a full distribution (shell, package manager, compilers) although a
 * smaller variant exists.
 */
export interface FullBaseImage {
  /** The Docker Hub official image name, e.g. `python`. */
  readonly name: string;
  /**
   * Substrings of a tag that mark a small variant (`slim`, `alpine`). Empty when every tag of the image is a full
   * distribution.
   */
  readonly smallVariants: string[];
  /** What to use instead, as a phrase that completes "use ...". */
  readonly instead: string;
}

/**
 * The full-distribution images the rule knows. Data, not logic: add an entry to cover another image.
 * Only Docker Hub official images (and their public mirrors) are matched, so `ghcr.io/acme/python` is not.
 */
export const FULL_BASE_IMAGES: FullBaseImage[] = [
  { name: 'ubuntu', smallVariants: [], instead: 'a distroless image (gcr.io/distroless/base-debian12) or debian:<version>-slim' },
  { name: 'debian', smallVariants: ['slim'], instead: 'debian:<version>-slim or a distroless image' },
  { name: 'centos', smallVariants: [], instead: 'a minimal image such as registry.access.redhat.com/ubi9/ubi-minimal or a distroless image' },
  { name: 'fedora', smallVariants: ['minimal'], instead: 'fedora-minimal, ubi-minimal or a distroless image' },
  { name: 'rockylinux', smallVariants: ['minimal'], instead: 'rockylinux:<version>-minimal' },
  { name: 'almalinux', smallVariants: ['minimal', 'micro'], instead: 'almalinux:<version>-minimal or -micro' },
  { name: 'oraclelinux', smallVariants: ['slim'], instead: 'oraclelinux:<version>-slim' },
  { name: 'amazonlinux', smallVariants: ['minimal'], instead: 'amazonlinux:<version>-minimal' },
  { name: 'python', smallVariants: ['slim', 'alpine'], instead: 'python:<version>-slim, python:<version>-alpine or gcr.io/distroless/python3' },
  { name: 'node', smallVariants: ['slim', 'alpine'], instead: 'node:<version>-slim, node:<version>-alpine or gcr.io/distroless/nodejs' },
  { name: 'golang', smallVariants: [], instead: 'a multi-stage build that ships the binary on gcr.io/distroless/static or scratch' },
  { name: 'rust', smallVariants: [], instead: 'a multi-stage build that ships the binary on gcr.io/distroless/cc or static' },
  { name: 'gcc', smallVariants: [], instead: 'a multi-stage build that ships the binary on gcr.io/distroless/cc' },
  { name: 'maven', smallVariants: [], instead: 'a multi-stage build that ships the jar on a JRE image such as eclipse-temurin:<version>-jre-alpine' },
  { name: 'gradle', smallVariants: [], instead: 'a multi-stage build that ships the jar on a JRE image such as eclipse-temurin:<version>-jre-alpine' },
  { name: 'openjdk', smallVariants: ['slim', 'alpine'], instead: 'eclipse-temurin:<version>-jre-alpine or gcr.io/distroless/java' },
  { name: 'ruby', smallVariants: ['slim', 'alpine'], instead: 'ruby:<version>-slim or ruby:<version>-alpine' },
  { name: 'perl', smallVariants: ['slim'], instead: 'perl:<version>-slim' },
  { name: 'php', smallVariants: ['alpine'], instead: 'php:<version>-alpine' },
  { name: 'buildpack-deps', smallVariants: [], instead: 'a slim or distroless runtime image' },
];

/** The entry for an official image whose tag is a full distribution, or undefined. */
export function fullBaseImageFor(officialName: string, tag: string | undefined): FullBaseImage | undefined {
  const entry = FULL_BASE_IMAGES.find(e => e.name === officialName);
  if (!entry) return undefined;
  // Only A-Z is folded, as CEL's lowerAscii does in the rule's CEL form.
  const t = (tag ?? '').replace(/[A-Z]/g, ch => ch.toLowerCase());
  return entry.smallVariants.some(v => t.includes(v)) ? undefined : entry;
}
