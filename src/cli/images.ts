import { InputProblem } from './input-problem';
import { readManifests, ReadManifestsOptions } from './read-manifests';
import { whySkipped } from './understood';
import { ManifestObject } from '../engine/manifest-object';
import { ImageInventory, UnlistedContainer } from '../private/image-inventory';

/** What `images` found. */
export interface ListImagesResult {
  /** The images of every object that could be read. */
  readonly inventory: ImageInventory;
  /** Inputs that could not be read; their images are not in the list. */
  readonly problems: InputProblem[];
  /** Files read (standard input counts as one). */
  readonly files: number;
}

/**
 * Lists the container images of the manifests under `paths`: the same files, decoding and objects as `scan` (a
 * custom resource `scan` passes over is passed over here too, so its images are not listed).
 */
export function listImages(paths: string[], options: ReadManifestsOptions = {}): ListImagesResult {
  const inventory = new ImageInventory();
  const { problems, files } = readManifests(paths, options, {
    object: (object, file) => {
      if (whySkipped(object.value) !== undefined) return;
      inventory.add(ManifestObject.fromJson(object.value, { file, line: object.line, locator: object.locator }));
    },
    refused: () => {},
  });
  return { inventory, problems, files };
}

/** `file:line: Deployment shop/web: container "web" has no image`, for standard error. */
export function describeUnlisted(u: UnlistedContainer): string {
  const where = [u.user.file ?? u.user.constructPath, u.user.line].filter(x => x !== null && x !== undefined).join(':');
  const what = `${u.user.kind} ${u.user.namespace ? `${u.user.namespace}/` : ''}${u.user.name || '<unnamed>'}`;
  const container = u.user.containerField === 'initContainers' ? 'init container' : u.user.containerField === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return `${where ? `${where}: ` : ''}${what}: ${container} "${u.user.container}" ${u.reason}; it is not in the list`;
}
