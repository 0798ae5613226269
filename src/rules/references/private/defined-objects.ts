import { ManifestObject } from '../../../engine/manifest-object';
import { RuleContext } from '../../../engine/rule-context';
import { isObject } from '../../../private/json';
import { effectiveNamespace } from '../../network/private/namespaces';

/** How a referenced object comes to exist. */
export enum Origin {
  /** The app defines it. */
  APP = 'app',
  /** An operator makes it from an object of the app (an ExternalSecret's target Secret, a Certificate's Secret). */
  OPERATOR = 'operator',
  /** The cluster makes it in every namespace (the `default` ServiceAccount, the `kube-root-ca.crt` ConfigMap). */
  EVERY_NAMESPACE = 'every-namespace',
  /** Declared to exist outside the app (externalObjects, `--external`). */
  EXTERNAL = 'external',
}

/** Where a referenced object comes from; `object` is the app's object that defines or makes it. */
export interface Definition {
  readonly origin: Origin;
  readonly object?: ManifestObject;
}

// Objects the cluster creates in every namespace: the ServiceAccount controller's `default` account and the
// root CA bundle the kube-controller-manager publishes (Kubernetes 1.20 and later).
const EVERY_NAMESPACE: { [kind: string]: string[] } = {
  ServiceAccount: ['default'],
  ConfigMap: ['kube-root-ca.crt'],
};

/** Where a Secret that an operator makes from this object is named, when the object is such a source. */
function madeSecretName(object: ManifestObject): string | undefined {
  const spec = isObject(object.manifest?.spec) ? object.manifest.spec : {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  switch (`${object.apiGroup}/${object.kind}`) {
    // External Secrets Operator: spec.target.name, the ExternalSecret's own name by default.
    case 'external-secrets.io/ExternalSecret': return str(spec.target?.name) ?? str(object.name);
    // Sealed Secrets: the template's name, the SealedSecret's own name by default.
    case 'bitnami.com/SealedSecret': return str(spec.template?.metadata?.name) ?? str(object.name);
    // cert-manager writes the certificate and its key to spec.secretName.
    case 'cert-manager.io/Certificate': return str(spec.secretName);
    default: return undefined;
  }
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

/** The first object of each kind, namespace and name in the app, and the Secrets operators make from the app's objects. */
function index(context: RuleContext): Map<string, Definition> {
  return context._memoize('references:defined-objects', () => {
    const result = new Map<string, Definition>();
    for (const object of context.objects) {
      if (!object.kind || !object.name) continue;
      const ns = effectiveNamespace(object);
      const k = key(object.kind, ns, object.name);
      if (!result.has(k)) result.set(k, { origin: Origin.APP, object });
    }
    for (const object of context.objects) {
      const secret = madeSecretName(object);
      if (secret === undefined) continue;
      const k = key('Secret', effectiveNamespace(object), secret);
      if (!result.has(k)) result.set(k, { origin: Origin.OPERATOR, object });
    }
    return result;
  });
}

/**
 * Where the object of this kind, namespace (undefined for a cluster-scoped kind) and name comes from, or undefined
 * when nothing defines it: neither the app, nor an operator from the app's objects, nor the cluster in every
 * namespace, nor an externalObjects declaration.
 */
export function definitionOf(context: RuleContext, kind: string, namespace: string | undefined, name: string): Definition | undefined {
  const found = index(context).get(key(kind, namespace, name));
  if (found) return found;
  if (namespace !== undefined && (EVERY_NAMESPACE[kind] ?? []).includes(name)) return { origin: Origin.EVERY_NAMESPACE };
  if (context.externalObjects.includes(kind, name, namespace)) return { origin: Origin.EXTERNAL };
  return undefined;
}

/** The fix a message gives for a reference to an object the app does not define. */
export function defineOrDeclare(kind: string, namespace: string, name: string): string {
  return `define the ${kind} in the app, fix the name, or, when it is made outside the app, declare it once with `
    + `externalObjects (Guardrails) or --external (scan): ${kind}/${namespace}/${name}`;
}
