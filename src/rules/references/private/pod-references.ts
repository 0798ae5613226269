import { ManifestObject } from '../../../engine/manifest-object';
import { containersOf, describeContainer, isObject, podTemplateOf } from '../../../private/pod-template';

/** The kinds a pod spec names by reference. */
export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount';

/** One reference from a pod spec to another object of its namespace. */
export interface PodReference {
  readonly kind: ReferencedKind;
  readonly name: string;
  /** The key read from a ConfigMap or Secret (configMapKeyRef, secretKeyRef, volume items), when one is named. */
  readonly keys: string[];
  /** True when the pod runs without the object (`optional: true`). */
  readonly optional: boolean;
  /** Dotted path of the reference. */
  readonly path: string;
  /** Who refers, for messages: `container "api" env DB_URL`, `volume "config"`, `imagePullSecrets[0]`. */
  readonly what: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const itemKeys = (items: unknown): string[] =>
  (Array.isArray(items) ? items.map(i => str(isObject(i) ? i.key : undefined)).filter((k): k is string => !!k) : []);

// A pod's references do not change during an evaluation: computed once per object for the four rules that read them.
const CACHE = new WeakMap<ManifestObject, PodReference[]>();

/**
 * Every reference of a pod spec to a ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount: the ServiceAccount,
 * imagePullSecrets, volumes (configMap, secret, persistentVolumeClaim and the sources of projected volumes), and
 * each container's env valueFrom and envFrom. Empty for objects without a pod spec.
 */
export function podReferences(object: ManifestObject): PodReference[] {
  let refs = CACHE.get(object);
  if (!refs) {
    refs = computeReferences(object);
    CACHE.set(object, refs);
  }
  return refs;
}

function computeReferences(object: ManifestObject): PodReference[] {
  const pod = podTemplateOf(object);
  if (!pod) return [];
  const spec = pod.spec;
  const refs: PodReference[] = [];
  const account = str(spec.serviceAccountName) ?? str(spec.serviceAccount);
  if (account) {
    const field = str(spec.serviceAccountName) ? 'serviceAccountName' : 'serviceAccount';
    refs.push({ kind: 'ServiceAccount', name: account, keys: [], optional: false, path: `${pod.specPath}.${field}`, what: field });
  }
  (Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []).forEach((s: any, i: number) => {
    const name = str(isObject(s) ? s.name : undefined);
    if (name) refs.push({ kind: 'Secret', name, keys: [], optional: false, path: `${pod.specPath}.imagePullSecrets[${i}]`, what: `imagePullSecrets[${i}]` });
  });
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, i: number) => {
    if (!isObject(v)) return;
    const path = `${pod.specPath}.volumes[${i}]`;
    const what = `volume "${str(v.name) ?? `#${i}`}"`;
    const cm = isObject(v.configMap) ? v.configMap : undefined;
    if (cm && str(cm.name)) refs.push({ kind: 'ConfigMap', name: cm.name, keys: itemKeys(cm.items), optional: cm.optional === true, path: `${path}.configMap`, what });
    const secret = isObject(v.secret) ? v.secret : undefined;
    if (secret && str(secret.secretName)) {
      refs.push({ kind: 'Secret', name: secret.secretName, keys: itemKeys(secret.items), optional: secret.optional === true, path: `${path}.secret`, what });
    }
    const claim = isObject(v.persistentVolumeClaim) ? v.persistentVolumeClaim : undefined;
    if (claim && str(claim.claimName)) refs.push({ kind: 'PersistentVolumeClaim', name: claim.claimName, keys: [], optional: false, path: `${path}.persistentVolumeClaim`, what });
    const sources = isObject(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : [];
    sources.forEach((source: any, j: number) => {
      if (!isObject(source)) return;
      for (const [field, kind] of [['configMap', 'ConfigMap'], ['secret', 'Secret']] as const) {
        const s = isObject(source[field]) ? source[field] : undefined;
        if (s && str(s.name)) {
          refs.push({ kind, name: s.name, keys: itemKeys(s.items), optional: s.optional === true, path: `${path}.projected.sources[${j}].${field}`, what });
        }
      }
    });
  });
  for (const ref of containersOf(pod)) {
    const c = ref.container;
    (Array.isArray(c.env) ? c.env : []).forEach((e: any, i: number) => {
      const from = isObject(e) && isObject(e.valueFrom) ? e.valueFrom : undefined;
      if (!from) return;
      for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
        const r = isObject(from[field]) ? from[field] : undefined;
        if (r && str(r.name)) {
          refs.push({
            kind,
            name: r.name,
            keys: str(r.key) ? [r.key] : [],
            optional: r.optional === true,
            path: `${ref.path}.env[${i}].valueFrom.${field}`,
            what: `${describeContainer(ref)} env ${str(e.name) ?? `#${i}`}`,
          });
        }
      }
    });
    (Array.isArray(c.envFrom) ? c.envFrom : []).forEach((e: any, i: number) => {
      if (!isObject(e)) return;
      for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
        const r = isObject(e[field]) ? e[field] : undefined;
        if (r && str(r.name)) {
          refs.push({ kind, name: r.name, keys: [], optional: r.optional === true, path: `${ref.path}.envFrom[${i}].${field}`, what: `${describeContainer(ref)} envFrom[${i}]` });
        }
      }
    });
  }
  return refs;
}
