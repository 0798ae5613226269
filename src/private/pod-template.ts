import { isObject } from './json';
import { podSpecLocation } from './pod-spec-paths';
import { ManifestObject } from '../engine/manifest-object';

export { isObject };

/** Where a pod spec sits inside a workload object. */
export interface PodTemplate {
  /** The pod spec (`spec` of a Pod, `spec.template.spec` of a Deployment, ...). */
  readonly spec: any;
  /** Dotted path of the pod spec inside the object, e.g. `spec.template.spec`. */
  readonly specPath: string;
  /** The pod's metadata (`metadata` of a Pod, `spec.template.metadata` of a workload), possibly empty. */
  readonly metadata: any;
  /** Dotted path of the pod's metadata. */
  readonly metadataPath: string;
}

/** One container of a pod, of any of the three kinds. */
export interface ContainerRef {
  readonly container: any;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly field: 'containers' | 'initContainers' | 'ephemeralContainers';
  readonly index: number;
  /** The container's name, or `#<index>` when unnamed. */
  readonly name: string;
  /** Dotted path of the container inside the object, e.g. `spec.template.spec.containers[0]`. */
  readonly path: string;
}

/** True when the object makes the cluster run pods (a workload, a Pod, or a pod-bearing custom resource). */
export function isPodBearing(object: ManifestObject): boolean {
  return podSpecLocation(object.kind, object.apiGroup)?.runsPods === true;
}

// Every rule reads the pod template and the containers of the objects it checks: compute them once per object
// (the manifests are read-only during an evaluation), so 64 rules over 10,000 objects do not allocate them anew.
const TEMPLATES = new WeakMap<ManifestObject, PodTemplate | null>();
const CONTAINERS = new WeakMap<PodTemplate, ContainerRef[]>();
// The object-scope rules run one object at a time, all of them in a row: the last answer is the next one asked for,
// and comparing one reference costs less than a WeakMap lookup (640,000 of them in a 10k scan).
let lastObject: ManifestObject | undefined;
let lastTemplate: PodTemplate | undefined;
let lastPod: PodTemplate | undefined;
let lastContainers: ContainerRef[] = [];

/**
 * The pod template of an object that carries one (see pod-spec-paths.ts), or undefined for other objects (or a workload without a pod spec).
 * A Pod's own `metadata` is its pod metadata. Treat the result as read-only: it is shared by every rule.
 */
export function podTemplateOf(object: ManifestObject): PodTemplate | undefined {
  if (object === lastObject) return lastTemplate;
  const cached = TEMPLATES.get(object);
  let template: PodTemplate | undefined;
  if (cached !== undefined) {
    template = cached ?? undefined;
  } else {
    template = computePodTemplate(object);
    TEMPLATES.set(object, template ?? null);
  }
  lastObject = object;
  lastTemplate = template;
  return template;
}

function computePodTemplate(object: ManifestObject): PodTemplate | undefined {
  const entry = podSpecLocation(object.kind, object.apiGroup);
  if (!entry) return undefined;
  let template: any = object.manifest;
  for (const key of entry.path) {
    template = isObject(template) ? template[key] : undefined;
  }
  if (!isObject(template)) return undefined;
  const prefix = entry.path.join('.');
  const spec = isObject(template.spec) ? template.spec : undefined;
  if (!spec) return undefined;
  return {
    spec,
    specPath: prefix ? `${prefix}.spec` : 'spec',
    metadata: isObject(template.metadata) ? template.metadata : {},
    metadataPath: prefix ? `${prefix}.metadata` : 'metadata',
  };
}

/**
 * Every container of the pod: `containers`, then `initContainers`, then `ephemeralContainers`. Treat the list as
 * read-only: it is shared by every rule.
 */
export function containersOf(pod: PodTemplate): ContainerRef[] {
  if (pod === lastPod) return lastContainers;
  let refs = CONTAINERS.get(pod);
  if (!refs) {
    refs = computeContainers(pod);
    CONTAINERS.set(pod, refs);
  }
  lastPod = pod;
  lastContainers = refs;
  return refs;
}

function computeContainers(pod: PodTemplate): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const field of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (!isObject(container)) return;
      refs.push({
        container,
        field,
        index,
        name: typeof container.name === 'string' && container.name ? container.name : `#${index}`,
        path: `${pod.specPath}.${field}[${index}]`,
      });
    });
  }
  return refs;
}

/** How messages name a container: `container "api"`, `init container "migrate"`, `ephemeral container "debug"`. */
export function describeContainer(ref: ContainerRef): string {
  const kind = ref.field === 'initContainers' ? 'init container' : ref.field === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return `${kind} "${ref.name}"`;
}

