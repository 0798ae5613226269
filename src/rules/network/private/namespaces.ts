import { Labels, LabelSelector, labelPairKey, labelsOf } from './label-selector';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleContext } from '../../../engine/rule-context';
import { isPodBearing, podTemplateOf } from '../../../private/pod-template';

/** The namespace a namespaced object lands in when `metadata.namespace` is unset. */
export const DEFAULT_NAMESPACE = 'default';

/** The label the API server sets on every namespace to its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

// Common cluster-scoped kinds: they have no namespace, so none is defaulted for them.
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CSIDriver', 'CSINode',
  'CustomResourceDefinition', 'APIService', 'PriorityClass', 'RuntimeClass', 'IngressClass', 'VolumeAttachment',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'CertificateSigningRequest', 'PodSecurityPolicy', 'ClusterIssuer',
  'ClusterSecretStore', 'ClusterExternalSecret',
]);

/** The namespace an object lands in: its `metadata.namespace`, `default` when unset; undefined for cluster-scoped kinds. */
export function effectiveNamespace(object: ManifestObject): string | undefined {
  if (CLUSTER_SCOPED.has(object.kind)) return undefined;
  return object.namespace ?? DEFAULT_NAMESPACE;
}

/** True for a core `v1` Namespace object. */
export function isNamespaceObject(object: ManifestObject): boolean {
  return object.kind === 'Namespace' && object.apiGroup === '';
}

/** A pod-bearing object with the labels its pods carry. */
export interface Workload {
  readonly object: ManifestObject;
  /** The labels of its pods (pod template labels, or a Pod's own labels). */
  readonly podLabels: Labels;
  /** Dotted path of the pod labels, e.g. `spec.template.metadata.labels`. */
  readonly labelsPath: string;
  /** False when the object has no pod template to read. */
  readonly hasTemplate: boolean;
}

/** The pods of one namespace, indexed by label pair so a selector finds its candidates without a full scan. */
export interface NamespaceWorkloads {
  readonly workloads: Workload[];
  readonly byLabelPair: Map<string, Workload[]>;
}

/** Every pod-bearing object of the app by effective namespace, in object order. */
export function workloadsByNamespace(context: RuleContext): Map<string, NamespaceWorkloads> {
  return context._memoize('network:workloads-by-namespace', () => {
    const index = new Map<string, NamespaceWorkloads>();
    for (const object of context.objects) {
      if (!isPodBearing(object)) continue;
      const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
      const template = podTemplateOf(object);
      const workload: Workload = {
        object,
        podLabels: template ? labelsOf(template.metadata) : {},
        labelsPath: template ? `${template.metadataPath}.labels` : 'metadata',
        hasTemplate: template !== undefined,
      };
      let entry = index.get(ns);
      if (!entry) {
        entry = { workloads: [], byLabelPair: new Map() };
        index.set(ns, entry);
      }
      entry.workloads.push(workload);
      for (const [key, value] of Object.entries(workload.podLabels)) {
        const pair = labelPairKey(key, value);
        const list = entry.byLabelPair.get(pair);
        if (list) list.push(workload); else entry.byLabelPair.set(pair, [workload]);
      }
    }
    return index;
  });
}

/** The workload entry of a pod-bearing object; undefined for other objects. */
export function workloadOf(context: RuleContext, object: ManifestObject): Workload | undefined {
  const byObject = context._memoize('network:workload-by-object', () => {
    const index = new Map<ManifestObject, Workload>();
    for (const entry of workloadsByNamespace(context).values()) {
      for (const w of entry.workloads) index.set(w.object, w);
    }
    return index;
  });
  return byObject.get(object);
}

/** True when some workload of the namespace runs pods the selector selects. */
export function selectsAnyWorkload(context: RuleContext, namespace: string, selector: LabelSelector): boolean {
  return selectorCandidates(context, namespace, selector).some(w => w.hasTemplate && selector.matches(w.podLabels));
}

/** The workloads of the namespace whose pods the selector selects, in object order. */
export function workloadsSelected(context: RuleContext, namespace: string, selector: LabelSelector): Workload[] {
  return selectorCandidates(context, namespace, selector).filter(w => w.hasTemplate && selector.matches(w.podLabels));
}

/** The workloads a selector may select: those carrying its anchor label pair, or all of the namespace's. */
function selectorCandidates(context: RuleContext, namespace: string, selector: LabelSelector): Workload[] {
  const entry = workloadsByNamespace(context).get(namespace);
  if (!entry) return [];
  const anchor = selector.anchor;
  return anchor !== undefined ? entry.byLabelPair.get(anchor) ?? [] : entry.workloads;
}

/** The first Namespace object of the app for each name. */
export function namespaceObjects(context: RuleContext): Map<string, ManifestObject> {
  return context._memoize('network:namespace-objects', () => {
    const index = new Map<string, ManifestObject>();
    for (const object of context.objectsOfKind('Namespace', '')) {
      if (object.name && !index.has(object.name)) index.set(object.name, object);
    }
    return index;
  });
}

/** The labels a namespace carries in the cluster: its own labels plus `kubernetes.io/metadata.name`. */
export function namespaceLabels(name: string, object: ManifestObject | undefined): Labels {
  return { ...(object ? labelsOf(object.manifest?.metadata) : {}), [NAMESPACE_NAME_LABEL]: name };
}

/** The labels of a namespace of the app, as its Namespace object (if the app has one) gives them in the cluster. */
export function namespaceLabelsIn(context: RuleContext, name: string): Labels {
  return namespaceLabels(name, namespaceObjects(context).get(name));
}

/** The namespace a workload runs in, as the network index keys it (unset means `default`). */
export function workloadNamespace(w: Workload): string {
  return effectiveNamespace(w.object) ?? DEFAULT_NAMESPACE;
}

/** The effective namespaces that hold at least one object of the kind (and API group). */
export function namespacesHolding(context: RuleContext, kind: string, apiGroup: string): Set<string> {
  return context._memoize(`network:namespaces-holding:${kind}:${apiGroup}`, () => {
    const result = new Set<string>();
    for (const object of context.objectsOfKind(kind, apiGroup)) {
      const ns = effectiveNamespace(object);
      if (ns !== undefined) result.add(ns);
    }
    return result;
  });
}

/**
 * The namespace whose namespace-wide findings this object carries, or undefined.
 *
 * A namespace-wide finding (no default-deny policy, no LimitRange, ...) is attached to one object only, so it is
 * reported once: the Namespace object when the app defines it, else the workload of the namespace that sorts
 * first by kind, name and API version, so that the order of the objects does not move the finding. Only namespaces
 * that hold workloads in the app are considered.
 */
export function namespaceFindingOwner(object: ManifestObject, context: RuleContext): string | undefined {
  const workloads = workloadsByNamespace(context);
  if (isNamespaceObject(object)) {
    if (!object.name || namespaceObjects(context).get(object.name) !== object) return undefined;
    return workloads.has(object.name) ? object.name : undefined;
  }
  if (!isPodBearing(object)) return undefined;
  const ns = effectiveNamespace(object) ?? DEFAULT_NAMESPACE;
  if (namespaceObjects(context).has(ns)) return undefined;
  return namespaceFindingOwners(context).get(ns) === object ? ns : undefined;
}

/** Per namespace without a Namespace object, the workload that carries its namespace-wide findings. */
function namespaceFindingOwners(context: RuleContext): Map<string, ManifestObject> {
  return context._memoize('network:namespace-finding-owners', () => {
    const sortKey = (o: ManifestObject) => `${o.kind}\u0000${o.name ?? ''}\u0000${o.apiVersion ?? ''}`;
    const owners = new Map<string, ManifestObject>();
    for (const [ns, entry] of workloadsByNamespace(context)) {
      let owner = entry.workloads[0].object;
      for (const w of entry.workloads) if (sortKey(w.object) < sortKey(owner)) owner = w.object;
      owners.set(ns, owner);
    }
    return owners;
  });
}
