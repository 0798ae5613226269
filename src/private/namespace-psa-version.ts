import { ManifestObject } from '../engine/manifest-object';
import { DEFAULT_NAMESPACE, effectiveNamespace, isNamespaceObject } from '../rules/network/private/namespaces';
import { PSA_LABEL_PREFIX } from '../rules/network/private/psa-labels';

/** The label that pins the version of the enforced Pod Security level. */
export const ENFORCE_VERSION_LABEL = `${PSA_LABEL_PREFIX}enforce-version`;

/**
 * The Pod Security version (Kubernetes minor) each namespace defined among `objects` enforces, as the admission
 * controller of a cluster at `targetMinor` reads it: `v1.NN` pins NN (a version newer than the cluster means the
 * cluster's own), and `latest`, a missing label or a value it cannot parse mean the cluster's version.
 */
export function enforcedVersions(objects: ManifestObject[], targetMinor: number): Map<string, number> {
  const versions = new Map<string, number>();
  for (const object of objects) {
    if (!isNamespaceObject(object) || !object.name) continue;
    versions.set(object.name, enforcedVersionOf(object, targetMinor));
  }
  return versions;
}

/** The Pod Security version (Kubernetes minor) one Namespace object enforces on a cluster at `targetMinor`. */
export function enforcedVersionOf(namespace: ManifestObject, targetMinor: number): number {
  const value = namespace.labels[ENFORCE_VERSION_LABEL];
  const match = typeof value === 'string' ? /^v1\.(\d{1,3})$/.exec(value) : null;
  return match ? Math.min(Number(match[1]), targetMinor) : targetMinor;
}

/** The namespace whose Pod Security labels govern an object's pods. */
export function podNamespaceOf(object: ManifestObject): string {
  return effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
}
