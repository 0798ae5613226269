import { podContainers, RESOURCE_CONTAINER_FIELDS } from './containers';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleViolation } from '../../../engine/rule';
import { describeContainer, isObject } from '../../../private/pod-template';

/** `requests` or `limits`. */
export type ResourceSection = 'requests' | 'limits';

/**
 * One violation per regular or init container that leaves `resources.<section>.<resource>` unset.
 * A request left unset while the limit is set defaults to the limit in Kubernetes; it is still reported, because
 * the scheduler should see an explicit, reviewed value (and every other scanner reports it too).
 */
export function missingResource(object: ManifestObject, resource: string, section: ResourceSection, label: string): RuleViolation[] {
  const found = podContainers(object, RESOURCE_CONTAINER_FIELDS);
  if (!found) return [];
  const violations: RuleViolation[] = [];
  for (const ref of found.containers) {
    const resources = isObject(ref.container.resources) ? ref.container.resources : {};
    const values = isObject(resources[section]) ? resources[section] : {};
    const value = values[resource];
    if (value === undefined || value === null || value === '') {
      const noun = section === 'limits' ? 'limit' : 'request';
      violations.push({
        message: `${describeContainer(ref)} has no ${label} ${noun} (resources.${section}.${resource})`,
        path: `${ref.path}.resources.${section}`,
      });
    }
  }
  return violations;
}

/** CEL: container `c` sets `resources.<section>.<resource>` (the API server refuses empty quantities). */
export function celResourceSet(section: ResourceSection, resource: string): string {
  return `has(c.resources) && has(c.resources.${section}) && '${resource}' in c.resources.${section}`;
}
