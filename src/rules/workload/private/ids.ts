import { isWindowsPod, podContainers, podSecurityContextOf, securityContextOf } from './containers';
import { ManifestObject } from '../../../engine/manifest-object';
import { describeContainer } from '../../../private/pod-template';

/** The lowest UID or GID that cannot collide with a user or group of the host (most distributions stay below). */
export const MIN_ID = 10000;

/** One numeric ID set on the pod or a container. */
export interface IdSetting {
  /** `pod` or `container "api"`. */
  readonly owner: string;
  /** `runAsUser`, `runAsGroup`, `fsGroup` or `supplementalGroups[N]`. */
  readonly field: string;
  readonly value: number;
  /** Dotted path of the field. */
  readonly path: string;
}

/**
 * The numeric ID settings of a pod and its containers, among `fields`. Linux-only: Windows pods yield none.
 * Non-numeric values are malformed and ignored (the API server rejects them).
 */
export function idSettings(object: ManifestObject, fields: string[]): IdSetting[] {
  const found = podContainers(object);
  if (!found || isWindowsPod(found.pod)) return [];
  const result: IdSetting[] = [];
  const podContext = podSecurityContextOf(found.pod);
  const podPath = `${found.pod.specPath}.securityContext`;
  for (const field of fields) {
    if (field === 'supplementalGroups') {
      const groups = podContext.supplementalGroups;
      if (!Array.isArray(groups)) continue;
      groups.forEach((value, i) => {
        if (typeof value === 'number') result.push({ owner: 'pod', field: `supplementalGroups[${i}]`, value, path: `${podPath}.supplementalGroups[${i}]` });
      });
    } else if (typeof podContext[field] === 'number') {
      result.push({ owner: 'pod', field, value: podContext[field], path: `${podPath}.${field}` });
    }
  }
  for (const ref of found.containers) {
    const context = securityContextOf(ref);
    for (const field of fields) {
      // fsGroup and supplementalGroups exist only at pod level.
      if (field === 'fsGroup' || field === 'supplementalGroups') continue;
      if (typeof context[field] === 'number') {
        result.push({ owner: describeContainer(ref), field, value: context[field], path: `${ref.path}.securityContext.${field}` });
      }
    }
  }
  return result;
}
