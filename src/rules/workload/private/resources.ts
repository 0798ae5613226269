import { podContainers, RESOURCE_CONTAINER_FIELDS } from './containers';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleViolation } from '../../../engine/rule';
import { describeContainer, isObject } from '../../../private/pod-template';

/** `requests` or `limits`. */
export type ResourceSection = 'requests' | 'limits';

/**
 * One violation per regular or init container that leaves `resources.<section>.<resource>` unset. A request left
 * unset while the limit is set is not missing: the API server sets it to the limit (SetDefaults_Pod, on every Pod,
 * including those a controller creates from a template), so the scheduler reserves the whole limit for it.
 */
export function missingResource(object: ManifestObject, resource: string, section: ResourceSection, label: string): RuleViolation[] {
  const found = podContainers(object, RESOURCE_CONTAINER_FIELDS);
  if (!found) return [];
  const violations: RuleViolation[] = [];
  for (const ref of found.containers) {
    const resources = isObject(ref.container.resources) ? ref.container.resources : {};
    const values = isObject(resources[section]) ? resources[section] : {};
    const limits = isObject(resources.limits) ? resources.limits : {};
    if (isSet(values[resource]) || (section === 'requests' && isSet(limits[resource]))) continue;
    const noun = section === 'limits' ? 'limit' : 'request';
    const why = section === 'requests' ? ` and no ${label} limit for the API server to copy into it (resources.limits.${resource})` : '';
    violations.push({
      message: `${describeContainer(ref)} has no ${label} ${noun} (resources.${section}.${resource})${why}`,
      path: `${ref.path}.resources.${section}`,
    });
  }
  return violations;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** CEL: container `c` sets `resources.<section>.<resource>` (the API server refuses empty quantities). */
export function celResourceSet(section: ResourceSection, resource: string): string {
  return `has(c.resources) && has(c.resources.${section}) && '${resource}' in c.resources.${section}`;
}

/**
 * CEL: container `c` has a request for `resource`, set or copied from its limit. On a Pod the API server has
 * already copied the limit into the request when admission runs; on a template it has not, so both count.
 */
export function celRequestSet(resource: string): string {
  return `(${celResourceSet('requests', resource)}) || (${celResourceSet('limits', resource)})`;
}
