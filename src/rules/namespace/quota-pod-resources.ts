import { exceeds, parseQuantity } from './private/quantity';
import { quotaName, quotasByNamespace } from './private/quotas';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { containersOf, podTemplateOf } from '../../private/pod-template';
import { effectiveNamespace } from '../network/private/namespaces';

/** Quota keys that make every container declare a request or limit, and what each one requires. */
const REQUIRED: { [key: string]: { kind: 'requests' | 'limits'; resource: string } } = {
  'cpu': { kind: 'requests', resource: 'cpu' },
  'memory': { kind: 'requests', resource: 'memory' },
  'requests.cpu': { kind: 'requests', resource: 'cpu' },
  'requests.memory': { kind: 'requests', resource: 'memory' },
  'limits.cpu': { kind: 'limits', resource: 'cpu' },
  'limits.memory': { kind: 'limits', resource: 'memory' },
  'ephemeral-storage': { kind: 'requests', resource: 'ephemeral-storage' },
  'requests.ephemeral-storage': { kind: 'requests', resource: 'ephemeral-storage' },
  'limits.ephemeral-storage': { kind: 'limits', resource: 'ephemeral-storage' },
};

/** The Container item of a LimitRange with the API server's defaulting applied (default from max, request from default or min). */
interface ContainerLimits {
  readonly object: ManifestObject;
  readonly default: { [r: string]: unknown };
  readonly defaultRequest: { [r: string]: unknown };
  readonly max: { [r: string]: unknown };
  readonly min: { [r: string]: unknown };
}

function limitRanges(context: RuleContext): Map<string, ContainerLimits[]> {
  return context._memoize('namespace:limit-ranges', () => {
    const index = new Map<string, ContainerLimits[]>();
    for (const object of context.objectsOfKind('LimitRange', '')) {
      const items: any[] = Array.isArray(object.manifest?.spec?.limits) ? object.manifest.spec.limits : [];
      for (const item of items.filter(i => i?.type === 'Container')) {
        const max = { ...(item.max ?? {}) };
        const min = { ...(item.min ?? {}) };
        const dflt = { ...max, ...(item.default ?? {}) };
        const defaultRequest = { ...min, ...dflt, ...(item.defaultRequest ?? {}) };
        const ns = effectiveNamespace(object)!;
        if (!index.has(ns)) index.set(ns, []);
        index.get(ns)!.push({ object, default: dflt, defaultRequest, max, min });
      }
    }
    return index;
  });
}

const lrName = (l: ContainerLimits) => `LimitRange ${l.object.namespace ?? 'default'}/${l.object.name}`;

/**
 * Every container of a pod in a namespace with a ResourceQuota or LimitRange is admitted by them: it declares (or
 * gets from the LimitRange) each request and limit the quota counts, and stays within the LimitRange's max and min.
 */
export class QuotaPodResources implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const template = podTemplateOf(object);
    if (!template) return [];
    const ns = effectiveNamespace(object);
    if (ns === undefined) return [];
    const quotas = quotasByNamespace(context).get(ns) ?? [];
    const ranges = limitRanges(context).get(ns) ?? [];
    if (quotas.length === 0 && ranges.length === 0) return [];
    // Pod-level resources (spec.resources) change how the quota is charged: no guess is made for those pods.
    if (template.spec?.resources) return [];
    const verb = object.kind === 'Pod' ? 'refuses this Pod' : 'will refuse its pods';
    const out: RuleViolation[] = [];
    for (const c of containersOf(template).filter(x => x.field !== 'ephemeralContainers')) {
      const resources = c.container?.resources ?? {};
      const limit = (r: string) => resources.limits?.[r] ?? ranges.map(l => l.default[r]).find(v => v !== undefined);
      // The API server defaults a missing request to the container's own limit, then LimitRanger to the default request.
      const request = (r: string) => resources.requests?.[r] ?? resources.limits?.[r]
        ?? ranges.map(l => l.defaultRequest[r]).find(v => v !== undefined);
      const value = (kind: 'requests' | 'limits', r: string) => (kind === 'requests' ? request(r) : limit(r));
      for (const q of quotas) {
        const missing = Object.keys(q.written).filter(k => REQUIRED[k] && value(REQUIRED[k].kind, REQUIRED[k].resource) === undefined);
        if (missing.length === 0) continue;
        out.push({
          message: `${c.field === 'initContainers' ? 'init container' : 'container'} "${c.name}" sets no ${missing.map(k => `${REQUIRED[k].kind}.${REQUIRED[k].resource}`).join(', ')}, `
            + `which ${quotaName(q)} counts (${missing.join(', ')}), and no LimitRange of namespace "${ns}" gives a default: the API server `
            + `${verb} ("must specify ${missing.join(', ')}"). Set resources.${missing.map(k => `${REQUIRED[k].kind}.${REQUIRED[k].resource}`).join(' and resources.')} `
            + 'on the container, or give the namespace a LimitRange with defaults.',
          path: `${c.path}.resources`,
        });
      }
      for (const l of ranges) {
        for (const [r, max] of Object.entries(l.max)) {
          const lim = parseQuantity(limit(r));
          const m = parseQuantity(max);
          if (lim !== undefined && m !== undefined && exceeds(lim, m)) {
            out.push({
              message: `container "${c.name}" has a ${r} limit of ${limit(r)}, above the max ${String(max)} per container of ${lrName(l)}: the API server `
                + `${verb} ("maximum ${r} usage per Container is ${String(max)}"). Lower resources.limits.${r} to at most ${String(max)} or raise the LimitRange's max.`,
              path: `${c.path}.resources.limits`,
            });
          }
        }
        for (const [r, min] of Object.entries(l.min)) {
          const req = parseQuantity(request(r));
          const m = parseQuantity(min);
          if (req !== undefined && m !== undefined && exceeds(m, req)) {
            out.push({
              message: `container "${c.name}" has a ${r} request of ${request(r)}, below the min ${String(min)} per container of ${lrName(l)}: the API server `
                + `${verb} ("minimum ${r} usage per Container is ${String(min)}"). Raise resources.requests.${r} to at least ${String(min)} or lower the LimitRange's min.`,
              path: `${c.path}.resources.requests`,
            });
          }
        }
      }
    }
    return out;
  }
}
