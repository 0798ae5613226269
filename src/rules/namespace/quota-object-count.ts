import { exceeds, parseQuantity } from './private/quantity';
import { NamespaceQuota, quotaName, quotasByNamespace } from './private/quotas';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { effectiveNamespace } from '../network/private/namespaces';

/** Quota keys that count core objects under a name of their own (besides `count/<resource>`). */
const LEGACY_COUNTS: { [kind: string]: string } = {
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers',
  ResourceQuota: 'resourcequotas',
};

/** The REST resource of a kind, as `count/<resource>.<group>` names it: `Ingress` -> `ingresses`. */
function resourceOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** What creating the object adds to each object-count key of a quota, as the API server's quota evaluators count. */
export function objectCountUsage(object: ManifestObject): Map<string, number> {
  const usage = new Map<string, number>();
  const core = object.apiGroup === '';
  usage.set(`count/${resourceOf(object.kind)}${core ? '' : `.${object.apiGroup}`}`, 1);
  if (core && LEGACY_COUNTS[object.kind]) usage.set(LEGACY_COUNTS[object.kind], 1);
  if (core && object.kind === 'PersistentVolumeClaim') {
    // The PVC quota evaluator: storage requested, in all and per storage class (a claim without a class gets the
    // cluster's default class, which the manifests do not say: only the total is counted then).
    const spec = object.manifest?.spec ?? {};
    const storage = parseQuantity(spec.resources?.requests?.storage);
    if (storage !== undefined) usage.set('requests.storage', storage);
    const storageClass = typeof spec.storageClassName === 'string' && spec.storageClassName !== '' ? spec.storageClassName : undefined;
    if (storageClass) {
      usage.set(`${storageClass}.storageclass.storage.k8s.io/persistentvolumeclaims`, 1);
      if (storage !== undefined) usage.set(`${storageClass}.storageclass.storage.k8s.io/requests.storage`, storage);
    }
  }
  if (core && object.kind === 'Service') {
    const spec = object.manifest?.spec ?? {};
    const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
    if (spec.type === 'LoadBalancer') {
      usage.set('services.loadbalancers', 1);
      // Without node ports for load balancers, only ports that name one explicitly take one.
      const nodePorts = spec.allocateLoadBalancerNodePorts === false ? ports.filter(p => p?.nodePort !== undefined).length : ports.length;
      usage.set('services.nodeports', nodePorts);
    } else if (spec.type === 'NodePort') {
      usage.set('services.nodeports', ports.length);
    }
  }
  return usage;
}

interface Excess { readonly quota: NamespaceQuota; readonly key: string; readonly needs: number; readonly total: number }

/**
 * For every object of a namespace with a quota, the object counts it takes beyond the quota's `spec.hard`, counting
 * the namespace's objects in the order the app applies them.
 */
function excesses(context: RuleContext): Map<ManifestObject, Excess[]> {
  return context._memoize('namespace:quota-object-count', () => {
    const quotas = quotasByNamespace(context);
    const used = new Map<string, number>(); // namespace|quota|key -> running total
    const out = new Map<ManifestObject, Excess[]>();
    for (const object of context.objects) {
      const ns = effectiveNamespace(object);
      const nsQuotas = ns === undefined ? undefined : quotas.get(ns);
      if (!nsQuotas) continue;
      for (const [key, needs] of objectCountUsage(object)) {
        if (needs === 0) continue;
        for (const quota of nsQuotas) {
          const hard = quota.hard.get(key);
          if (hard === undefined) continue;
          const id = `${ns}|${quota.object.name}|${key}`;
          const total = (used.get(id) ?? 0) + needs;
          used.set(id, total);
          if (!exceeds(total, hard)) continue;
          if (!out.has(object)) out.set(object, []);
          out.get(object)!.push({ quota, key, needs, total });
        }
      }
    }
    return out;
  });
}

/** A usage as people write it: storage in binary units (`3Gi`), counts as numbers. */
function amount(key: string, n: number): string {
  if (!key.endsWith('requests.storage')) return String(n);
  for (const [suffix, factor] of [['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (n >= factor && Number.isInteger(n / factor)) return `${n / factor}${suffix}`;
  }
  return String(n);
}

function fixFor(key: string): string {
  if (key.endsWith('requests.storage')) {
    return `Request less storage, or raise ${key} in the quota (IsolatedNamespace: quota); a suppression does not change what the quota admits.`;
  }
  if (key === 'services.loadbalancers') {
    return 'Use a ClusterIP Service (behind an Ingress or Gateway), or raise services.loadbalancers in the quota '
      + '(IsolatedNamespace: quota.loadBalancerServices); a suppression or override does not change what the quota admits.';
  }
  if (key === 'services.nodeports') {
    return 'Use a ClusterIP Service (behind an Ingress or Gateway), or raise services.nodeports in the quota '
      + '(IsolatedNamespace: quota.nodePortServices); a suppression or override does not change what the quota admits.';
  }
  return `Create fewer of these objects in the namespace or raise ${key} in the quota.`;
}

/**
 * The object counts of every namespace's ResourceQuota hold for the app's objects: a Service type, a
 * PersistentVolumeClaim, the storage claims request (in all and per storage class) or any counted object beyond
 * `spec.hard` is refused by the API server ("exceeded quota").
 */
export class QuotaObjectCount implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    return (excesses(context).get(object) ?? []).map(e => ({
      message: `takes ${e.key}: ${amount(e.key, e.needs)} in namespace "${e.quota.object.namespace ?? 'default'}", whose ${quotaName(e.quota)} allows `
        + `${e.quota.written[e.key]} in all, and the namespace's objects up to this one take ${amount(e.key, e.total)}: the API server will refuse it `
        + `with "exceeded quota: ${e.quota.object.name}". ${fixFor(e.key)}`,
      path: e.key.startsWith('services.') ? 'spec.type' : e.key.endsWith('requests.storage') ? 'spec.resources.requests.storage' : undefined,
    }));
  }
}
